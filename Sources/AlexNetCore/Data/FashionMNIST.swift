import Foundation

/// Fashion-MNIST (Zalando's 28×28 grey clothing images, 10 classes) read from IDX files into an
/// `ImageDataset`.
public enum FashionMNIST {
    public typealias Split = ImageDataset.Split

    /// Where Debian's `dataset-fashion-mnist` package puts the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    public static let installHint = "install it with: apt-get install dataset-fashion-mnist"
    /// Class names in label order.
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    public static let side = 28
    public static let name = "Fashion-MNIST"

    /// File names without the `.gz` suffix.
    public static func imagesFile(_ split: Split) -> String { split == .train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte" }
    public static func labelsFile(_ split: Split) -> String { split == .train ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte" }

    /// Fashion-MNIST images already in memory (tests, subsets): (count, 28, 28) bytes.
    public static func dataset(split: Split, pixels: [UInt8], labels: [Int]) -> ImageDataset {
        ImageDataset(name: name, split: split, channels: 1, side: side, classNames: classNames, pixels: pixels, labels: labels)
    }

    /// Reads a split from `directory` (files with or without `.gz`), keeping the first `limit` images.
    ///
    /// Checks the magic numbers, the 28×28 size, that images and labels agree in number, that the
    /// data is complete and that labels are in 0...9.
    public static func load(_ split: Split, directory: String = defaultDirectory,
                            limit: Int? = nil) throws(DatasetError) -> ImageDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw missingDirectoryError(directory)
        }
        let imagesPath = try locate(imagesFile(split), in: directory, expected: "the Fashion-MNIST \(split.title) images, IDX of 28×28 unsigned bytes")
        let labelsPath = try locate(labelsFile(split), in: directory, expected: "the Fashion-MNIST \(split.title) labels, IDX of unsigned bytes")
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
        return dataset(split: split, pixels: images.values, labels: labels.values.map(Int.init))
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
}
