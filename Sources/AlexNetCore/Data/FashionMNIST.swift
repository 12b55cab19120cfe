import Foundation

/// Fashion-MNIST (Zalando's 28×28 grey clothing images, 10 classes) read from IDX files.
///
/// Pixels stay bytes (47 MB for the training set instead of 188 MB as floats) and become
/// normalised `Float` tensors one batch at a time.
public struct FashionMNIST: Sendable {
    /// Which half of the dataset.
    public enum Split: String, Sendable, CaseIterable {
        case train, test

        /// File names without the `.gz` suffix.
        public var imagesFile: String { self == .train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte" }
        public var labelsFile: String { self == .train ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte" }
        var title: String { self == .train ? "training" : "test" }
    }

    /// Where Debian's `dataset-fashion-mnist` package puts the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    public static let installHint = "install it with: apt-get install dataset-fashion-mnist"
    /// Class names in label order.
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    public static let side = 28
    public static let name = "Fashion-MNIST"

    public let split: Split
    /// (count, 28, 28) row-major, 0 = background.
    public let pixels: [UInt8]
    /// One label in 0..<10 per image.
    public let labels: [Int]

    public var count: Int { labels.count }

    /// A dataset from pixels already in memory (tests, subsets).
    public init(split: Split, pixels: [UInt8], labels: [Int]) {
        precondition(pixels.count == labels.count * Self.side * Self.side, "pixels must be count × 28 × 28")
        self.split = split; self.pixels = pixels; self.labels = labels
    }

    /// Reads a split from `directory` (files with or without `.gz`), keeping the first `limit` images.
    ///
    /// Checks the magic numbers, the 28×28 size, that images and labels agree in number, that the
    /// data is complete and that labels are in 0...9.
    public static func load(_ split: Split, directory: String = defaultDirectory,
                            limit: Int? = nil) throws(DatasetError) -> FashionMNIST {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw missingDirectoryError(directory)
        }
        let imagesPath = try locate(split.imagesFile, in: directory, expected: "the Fashion-MNIST \(split.title) images, IDX of 28×28 unsigned bytes")
        let labelsPath = try locate(split.labelsFile, in: directory, expected: "the Fashion-MNIST \(split.title) labels, IDX of unsigned bytes")
        let images = try IDXFile.read(path: imagesPath, rank: 3, itemShape: [side, side], limit: limit)
        let labels = try IDXFile.read(path: labelsPath, rank: 1, limit: limit)
        // An empty split has nothing to train on or to measure: every later step (batches, the test
        // error, the normalisation) would divide by zero or index past the end.
        guard images.dimensions[0] > 0 else {
            throw .malformed(path: imagesPath, message: "the header says 0 images; expected at least 1 \(split.title) image")
        }
        guard images.itemCount > 0 else {
            throw .malformed(path: imagesPath, message: "keeping the first \(limit ?? 0) of its \(images.dimensions[0]) images leaves none; expected a limit of at least 1")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw .malformed(path: labelsPath, message: "has \(labels.dimensions[0]) labels but \((imagesPath as NSString).lastPathComponent) has \(images.dimensions[0]) images")
        }
        if let bad = labels.values.firstIndex(where: { $0 >= classNames.count }) {
            throw .malformed(path: labelsPath, message: "label \(labels.values[bad]) of item \(bad) is outside 0...\(classNames.count - 1)")
        }
        return FashionMNIST(split: split, pixels: images.values, labels: labels.values.map(Int.init))
    }

    /// Only the default directory comes from a package; for `--data DIR` the user knows where it is.
    static func missingDirectoryError(_ directory: String) -> DatasetError {
        let isDefault = (directory as NSString).standardizingPath == defaultDirectory
        return .missingDirectory(path: directory, hint: isDefault ? installHint : nil)
    }

    /// `name.gz`, else `name`.
    private static func locate(_ name: String, in directory: String, expected: String) throws(DatasetError) -> String {
        let base = (directory as NSString).appendingPathComponent(name)
        for candidate in [base + ".gz", base] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw .missingFile(path: base + ".gz", expected: expected)
    }

    /// How many images each class has.
    public func labelCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: Self.classNames.count)
        for l in labels { counts[l] += 1 }
        return counts
    }

    /// One image as a (1, 28, 28) tensor of intensities in [0, 1], for display.
    public func image(at index: Int) -> Tensor {
        precondition(index >= 0 && index < count, "image index \(index) outside 0..<\(count)")
        let n = Self.side * Self.side
        return Tensor(shape: [1, Self.side, Self.side], data: pixels[(index * n)..<((index + 1) * n)].map { Float($0) / 255 })
    }

    /// The images at `indices` as a normalised (N, 1, 28, 28) tensor, with their labels.
    public func batch(_ indices: [Int], normalization: PixelNormalization) -> (images: Tensor, labels: [Int]) {
        // The loop below reads through an unchecked pointer: check the indices once, here.
        precondition(indices.allSatisfy { $0 >= 0 && $0 < count }, "batch index outside 0..<\(count)")
        let n = Self.side * Self.side
        var data = [Float](repeating: 0, count: indices.count * n)
        data.withUnsafeMutableBufferPointer { out in
            pixels.withUnsafeBufferPointer { src in
                for (row, index) in indices.enumerated() {
                    for i in 0..<n { out[row * n + i] = normalization.apply(src[index * n + i]) }
                }
            }
        }
        return (Tensor(shape: [indices.count, 1, Self.side, Self.side], data: data), indices.map { labels[$0] })
    }

    /// One epoch of shuffled mini-batches; the order depends only on `seed` and `epoch`, so a resumed
    /// run sees the same batches.
    public func batches(size: Int, seed: UInt64, epoch: Int, normalization: PixelNormalization,
                        dropLast: Bool = false) -> some Sequence<(images: Tensor, labels: [Int])> {
        MiniBatchOrder(count: count, batchSize: size, seed: seed, epoch: epoch, dropLast: dropLast)
            .lazy.map { batch($0, normalization: normalization) }
    }
}
