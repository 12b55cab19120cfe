import Foundation

/// A folder's images as a training or validation set: each decoded once, converted to the network's
/// channels, its shorter side resized to `imageShape`'s side and centre-cropped to a square (the stored
/// size, which a run crops to the input as it crops Fashion-MNIST's 28×28 to mini's 27×27), and kept as
/// bytes in memory up to a stated budget. Images past the budget are decoded again from their files when
/// a batch needs them (streamed), so memory stays within the budget whatever the folder's size.
public struct ImageFolderData: LabeledImages {
    /// Every decoded image of one loading pass; sets are views of it (`subset`), so the training and validation
    /// sets share one cache.
    final class Store: Sendable {
        let shape: InputShape
        let paths: [String]
        let labels: [Int]
        /// The first `cachedCount` images, C × H × W bytes each.
        let cache: [UInt8]
        let cachedCount: Int
        /// Per image and channel: the sum and the sum of squares of pixel / 255, for the normalisation of any subset.
        let sums: [Double], squares: [Double]
        init(shape: InputShape, paths: [String], labels: [Int], cache: [UInt8], cachedCount: Int, sums: [Double], squares: [Double]) {
            self.shape = shape; self.paths = paths; self.labels = labels; self.cache = cache; self.cachedCount = cachedCount
            self.sums = sums; self.squares = squares
        }
    }

    let store: Store
    /// Which images of the store this set holds, in order.
    let members: [Int]
    public let classNames: [String]
    public let classSource: String
    public let labels: [Int]

    public var imageShape: InputShape { store.shape }
    public var count: Int { members.count }
    /// The files, in this set's order.
    public var paths: [String] { members.map { store.paths[$0] } }
    public var cachedCount: Int { members.filter { $0 < store.cachedCount }.count }
    public var streamedCount: Int { count - cachedCount }

    init(store: Store, members: [Int], classNames: [String], classSource: String) {
        self.store = store; self.members = members; self.classNames = classNames; self.classSource = classSource
        labels = members.map { store.labels[$0] }
    }

    /// The images at `indices` of this set, as a set.
    public func subset(_ indices: [Int]) -> ImageFolderData {
        ImageFolderData(store: store, members: indices.map { members[$0] }, classNames: classNames, classSource: classSource)
    }

    /// What loading found: the data, and the files left out as unreadable (with `skipBad`).
    public struct Loaded: Sendable {
        public var data: ImageFolderData
        /// One line per file skipped: its path and why.
        public var skipped: [String]
        /// Wall time of the decoding pass.
        public var seconds: Double
    }

    /// The default in-memory budget: 1 GiB holds 1.3 million 28×28 grey images or 5,400 images at 256×256 RGB.
    public static let defaultCacheBytes = 1 << 30

    /// Decodes every sample once (checking it), in parallel chunks, calling `progress(done, total)` after each chunk.
    ///
    /// A file that cannot be read or decoded is an error naming it (with how many others failed), unless
    /// `skipBad`: then it is left out and listed in `skipped`. A class that loses all its images is refused.
    public static func load(_ samples: [ImageFolderLayout.Sample], classNames: [String], classSource: String,
                            shape: InputShape, cacheBytes: Int = defaultCacheBytes, skipBad: Bool = false,
                            progress: (Int, Int) -> Void = { _, _ in }) throws(DatasetError) -> Loaded {
        let started = ContinuousClock.now
        let size = shape.channels * shape.height * shape.width, plane = shape.height * shape.width
        let capacity = size > 0 ? max(0, cacheBytes) / size : 0
        var cache: [UInt8] = [], paths: [String] = [], labels: [Int] = [], skipped: [String] = []
        var sums: [Double] = [], squares: [Double] = []
        // Reserved once: growing by doubling would hold the old and the new buffer at once, up to twice the budget.
        cache.reserveCapacity(min(capacity, samples.count) * size)
        let chunk = 64
        for start in stride(from: 0, to: samples.count, by: chunk) {
            let part = Array(samples[start..<min(samples.count, start + chunk)])
            var results = [Result<[UInt8], ImageError>](repeating: .success([]), count: part.count)
            results.withUnsafeMutableBufferPointer { out in
                let base = UncheckedSendable(out.baseAddress!)
                parallelFor(part.count) { i in
                    base.value[i] = Result { () throws(ImageError) in try fittedBytes(part[i].path, shape: shape) }
                }
            }
            for (sample, result) in zip(part, results) {
                switch result {
                case .success(let bytes):
                    for c in 0..<shape.channels {
                        var s = 0, q = 0
                        for p in (c * plane)..<((c + 1) * plane) { let v = Int(bytes[p]); s += v; q += v * v }
                        sums.append(Double(s) / 255); squares.append(Double(q) / (255 * 255))
                    }
                    if labels.count < capacity { cache += bytes }
                    paths.append(sample.path); labels.append(sample.label)
                case .failure(let error):
                    skipped.append(error.description)
                }
            }
            progress(min(samples.count, start + chunk), samples.count)
        }
        if let first = skipped.first, !skipBad { throw .badImages(first: first, others: skipped.count - 1) }
        let counts = labels.reduce(into: [Int](repeating: 0, count: classNames.count)) { $0[$1] += 1 }
        if let empty = counts.firstIndex(of: 0), let lost = samples.first(where: { $0.label == empty }) {
            throw .malformed(path: (lost.path as NSString).deletingLastPathComponent,
                             message: "class \"\(classNames[empty])\" has no readable images left after skipping bad files")
        }
        let store = Store(shape: shape, paths: paths, labels: labels, cache: cache, cachedCount: min(capacity, labels.count),
                          sums: sums, squares: squares)
        let data = ImageFolderData(store: store, members: Array(paths.indices), classNames: classNames, classSource: classSource)
        return Loaded(data: data, skipped: skipped, seconds: (ContinuousClock.now - started) / .seconds(1))
    }

    /// Per-channel mean and std of this set's pixels (as pixel / 255), from the sums kept per image.
    public func measuredNormalization() -> ChannelNormalization {
        let channels = imageShape.channels
        let n = Double(max(count * imageShape.height * imageShape.width, 1))
        var mean: [Float] = [], std: [Float] = []
        for c in 0..<channels {
            let s = members.reduce(0.0) { $0 + store.sums[$1 * channels + c] }
            let q = members.reduce(0.0) { $0 + store.squares[$1 * channels + c] }
            let m = s / n
            mean.append(Float(m)); std.append(Float(max((q / n - m * m).squareRoot(), 1e-6)))
        }
        return ChannelNormalization(mean: mean, std: std)
    }

    /// One file decoded and fitted to `shape` (channels converted, shorter side resized, centre square), as bytes.
    public static func fittedBytes(_ path: String, shape: InputShape) throws(ImageError) -> [UInt8] {
        let image = try ImageFile.load(path)
        let fit = Preprocessing(input: shape, resizeSide: max(shape.height, shape.width), normalization: .default(channels: shape.channels))
        let fitted = fit.fitted(image)
        return fitted.data.map { v in v.isNaN ? 0 : UInt8((min(max(v, 0), 1) * 255).rounded()) }
    }

    /// One image's bytes: from the cache, or decoded again from its file.
    public func bytes(at index: Int) throws(DatasetError) -> [UInt8] {
        precondition(index >= 0 && index < count, "image index \(index) outside 0..<\(count)")
        let size = imageShape.channels * imageShape.height * imageShape.width
        let i = members[index]
        if i < store.cachedCount { return Array(store.cache[(i * size)..<((i + 1) * size)]) }
        do { return try Self.fittedBytes(store.paths[i], shape: imageShape) } catch {
            throw .malformed(path: store.paths[i], message: "decoded when the folder was loaded, but no longer: \(error)")
        }
    }

    public func batch(_ indices: [Int], normalization: ChannelNormalization) throws(DatasetError) -> (images: Tensor, labels: [Int]) {
        let size = imageShape.channels * imageShape.height * imageShape.width, plane = imageShape.height * imageShape.width
        var data = [Float](repeating: 0, count: indices.count * size)
        for (row, index) in indices.enumerated() {
            let bytes = try bytes(at: index)
            for c in 0..<imageShape.channels {
                let m = normalization.mean[c], s = normalization.std[c]
                for p in (c * plane)..<((c + 1) * plane) { data[row * size + p] = (Float(bytes[p]) / 255 - m) / s }
            }
        }
        return (Tensor(shape: [indices.count, imageShape.channels, imageShape.height, imageShape.width], data: data),
                indices.map { labels[$0] })
    }

    /// One image as a (C, H, W) tensor of intensities in [0, 1], for display.
    public func image(at index: Int) throws(DatasetError) -> Tensor {
        Tensor(shape: [imageShape.channels, imageShape.height, imageShape.width], data: try bytes(at: index).map { Float($0) / 255 })
    }

    /// How many images each class has.
    public func labelCounts() -> [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classNames.count)) { $0[$1] += 1 }
    }
}
