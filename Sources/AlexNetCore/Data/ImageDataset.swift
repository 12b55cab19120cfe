import Foundation

/// CIFAR-10's images read into memory, as every command takes them (`LabeledImages`).
extension ImageDataset: LabeledImages {
    public var classSource: String { name }
    public var imageShape: InputShape { InputShape(channels: channels, height: side, width: side) }

    /// Mean and std over every channel (one scalar, as issue 24 chose), repeated per channel.
    public func measuredNormalization() -> ChannelNormalization {
        ChannelNormalization(PixelNormalization(measuring: pixels), channels: channels)
    }

    public func batch(_ indices: [Int], normalization: ChannelNormalization) -> (images: Tensor, labels: [Int]) {
        batch(indices, normalization: PixelNormalization(mean: normalization.mean[0], std: normalization.std[0]))
    }
}

/// A labelled set of small square images in memory: Fashion-MNIST (1×28×28) or CIFAR-10 (3×32×32).
///
/// Pixels stay bytes (47 MB for Fashion-MNIST's training set instead of 188 MB as floats), laid out
/// (count, C, side, side) — planes, as both files store them — and become normalised `Float` tensors
/// one batch at a time.
public struct ImageDataset: Sendable {
    /// Which half of the dataset.
    public enum Split: String, Sendable, CaseIterable {
        case train, test

        var title: String { self == .train ? "training" : "test" }
    }

    /// "Fashion-MNIST", "CIFAR-10": for headers and messages.
    public let name: String
    public let split: Split
    public let channels: Int
    /// Images are side × side.
    public let side: Int
    /// Class names in label order.
    public let classNames: [String]
    /// (count, channels, side, side) row-major.
    public let pixels: [UInt8]
    /// One label in 0..<classNames.count per image.
    public let labels: [Int]

    public var count: Int { labels.count }
    /// Bytes of one image.
    public var imageSize: Int { channels * side * side }

    public init(name: String, split: Split, channels: Int, side: Int, classNames: [String], pixels: [UInt8], labels: [Int]) {
        precondition(pixels.count == labels.count * channels * side * side, "pixels must be count × \(channels) × \(side) × \(side)")
        self.name = name; self.split = split; self.channels = channels; self.side = side
        self.classNames = classNames; self.pixels = pixels; self.labels = labels
    }

    /// The shape, in the explorer's H×W×C order: "28×28×1".
    public var shapeText: String { "\(side)×\(side)×\(channels)" }

    /// Mean and std of these pixels (as pixel / 255), over every channel; measure on the training set.
    public func measuredPixelNormalization() -> PixelNormalization {
        PixelNormalization(measuring: pixels)
    }

    /// How many images each class has.
    public func labelCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classNames.count)
        for l in labels { counts[l] += 1 }
        return counts
    }

    /// One image as a (C, side, side) tensor of intensities in [0, 1], for display.
    public func image(at index: Int) -> Tensor {
        precondition(index >= 0 && index < count, "image index \(index) outside 0..<\(count)")
        let n = imageSize
        return Tensor(shape: [channels, side, side], data: pixels[(index * n)..<((index + 1) * n)].map { Float($0) / 255 })
    }

    /// The images at `indices` as a normalised (N, C, side, side) tensor, with their labels.
    public func batch(_ indices: [Int], normalization: PixelNormalization) -> (images: Tensor, labels: [Int]) {
        // The loop below reads through an unchecked pointer: check the indices once, here.
        precondition(indices.allSatisfy { $0 >= 0 && $0 < count }, "batch index outside 0..<\(count)")
        let n = imageSize
        var data = [Float](repeating: 0, count: indices.count * n)
        data.withUnsafeMutableBufferPointer { out in
            pixels.withUnsafeBufferPointer { src in
                for (row, index) in indices.enumerated() {
                    for i in 0..<n { out[row * n + i] = normalization.apply(src[index * n + i]) }
                }
            }
        }
        return (Tensor(shape: [indices.count, channels, side, side], data: data), indices.map { labels[$0] })
    }

    /// One epoch of shuffled mini-batches; the order depends only on `seed` and `epoch`, so a resumed
    /// run sees the same batches.
    public func batches(size: Int, seed: UInt64, epoch: Int, normalization: PixelNormalization,
                        dropLast: Bool = false) -> some Sequence<(images: Tensor, labels: [Int])> {
        MiniBatchOrder(count: count, batchSize: size, seed: seed, epoch: epoch, dropLast: dropLast)
            .lazy.map { batch($0, normalization: normalization) }
    }

    /// Why a network with this input and this many outputs cannot train on these images, or nil when it can
    /// (channels equal, input at most the images' side: a smaller input is a crop).
    public func mismatch(_ input: InputShape, outputs: Int, network: String) -> String? {
        if input.channels != channels || input.height > side || input.width > side {
            return "\(network) takes \(input.height)×\(input.width)×\(input.channels) images; \(name) is \(shapeText), so only "
                + "networks with \(channels) input channel\(channels == 1 ? "" : "s") and at most \(side)×\(side) train on it"
                + (name == FashionMNIST.name ? " (try --preset mini)" : " (try --preset figure1)")
        }
        if outputs != classNames.count {
            return "\(network) ends in \(outputs) classes; \(name) has \(classNames.count)"
        }
        return nil
    }
}
