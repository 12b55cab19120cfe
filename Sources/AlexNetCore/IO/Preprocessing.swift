import Foundation

/// Per-channel pixel normalisation `(x − mean[c]) / std[c]` for [0, 1] intensities, as torchvision's
/// `transforms.Normalize`.
public struct ChannelNormalization: Sendable, Equatable {
    public var mean: [Float]
    public var std: [Float]

    public init(mean: [Float], std: [Float]) {
        precondition(mean.count == std.count && !mean.isEmpty, "one mean and one std per channel")
        self.mean = mean; self.std = std
    }

    /// ImageNet's statistics, which torchvision's pretrained weights expect.
    public static let imageNet = ChannelNormalization(mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225])
    /// Fashion-MNIST's training-set statistics (pixel / 255) as `train` measures them on the 60,000 images and
    /// records them (the shipped mini checkpoint holds these digits): what the `mini` network trains with.
    public static let fashionMNIST = ChannelNormalization(mean: [0.2860406], std: [0.35302424])

    /// The convention for a network without recorded statistics: ImageNet's for colour, Fashion-MNIST's for grey.
    public static func `default`(channels: Int) -> ChannelNormalization {
        channels == 1 ? .fashionMNIST : ChannelNormalization(
            mean: (0..<channels).map { imageNet.mean[$0 % 3] }, std: (0..<channels).map { imageNet.std[$0 % 3] })
    }

    /// The one input-normalisation policy of every command, screen and lesson: the statistics a checkpoint
    /// records, else the convention for the network (`default(channels:)`: for grey networks Fashion-MNIST's
    /// training-set statistics, what `train` measures and records). Never statistics measured on the images
    /// being shown, so the same image gives the same input with or without a checkpoint of this program.
    public static func policy(checkpoint: ChannelNormalization?, channels: Int) -> ChannelNormalization {
        checkpoint ?? .default(channels: channels)
    }

    /// One scalar normalisation for every channel (what `train` records for grey networks).
    public init(_ scalar: PixelNormalization, channels: Int) {
        self.init(mean: Array(repeating: scalar.mean, count: channels), std: Array(repeating: scalar.std, count: channels))
    }

    /// Reads `normalization_mean` / `normalization_std` from a checkpoint's metadata: one number, or one
    /// per channel separated by commas (`0.485,0.456,0.406`). Nil when absent; an error when unusable.
    public init?(metadata: [String: String], channels: Int, file: String) throws(SafetensorsError) {
        guard let meanText = metadata["normalization_mean"], let stdText = metadata["normalization_std"] else { return nil }
        func numbers(_ key: String, _ text: String) throws(SafetensorsError) -> [Float] {
            let parts = text.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0!.isFinite }), parts.count == 1 || parts.count == channels else {
                throw .invalidContents(file: file, message: "metadata \"\(key)\" must be 1 or \(channels) numbers separated by commas, got \"\(text)\"")
            }
            let values = parts.map { $0! }
            return values.count == 1 ? Array(repeating: values[0], count: channels) : values
        }
        let mean = try numbers("normalization_mean", meanText)
        let std = try numbers("normalization_std", stdText)
        guard std.allSatisfy({ $0 > 0 }) else {
            throw .invalidContents(file: file, message: "metadata \"normalization_std\" must be positive, got \"\(stdText)\"")
        }
        self.init(mean: mean, std: std)
    }

    /// The one mean and std when every channel has the same (a grey network's, or a file that recorded
    /// one number each): what Fashion-MNIST test images get. Nil when the channels differ.
    public var scalar: PixelNormalization? {
        guard let m = mean.first, let s = std.first, mean.allSatisfy({ $0 == m }), std.allSatisfy({ $0 == s }) else { return nil }
        return PixelNormalization(mean: m, std: s)
    }

    /// The metadata strings for `init(metadata:)`.
    public var metadataFields: [String: String] {
        ["normalization_mean": mean.map { String($0) }.joined(separator: ","),
         "normalization_std": std.map { String($0) }.joined(separator: ",")]
    }

    /// `(x − mean[c]) / std[c]` over a (C, H, W) image.
    public func apply(to image: Tensor) -> Tensor {
        let channels = image.shape[0], plane = image.count / max(channels, 1)
        precondition(channels == mean.count, "normalisation for \(mean.count) channels applied to \(channels)")
        var out = image.data
        for c in 0..<channels {
            let m = mean[c], s = std[c]
            for i in (c * plane)..<((c + 1) * plane) { out[i] = (out[i] - m) / s }
        }
        return Tensor(shape: image.shape, data: out)
    }
}

/// How a picture becomes a network input, as the paper and torchvision's ImageNet evaluation do it:
/// channels converted (grey ↔ colour), the shorter side resized to `resizeSide` with antialiased
/// bilinear filtering (PIL's), the centre cropped to the input size, then normalised per channel.
/// An image already of the input size is used as it is, without resampling.
public struct Preprocessing: Sendable, Equatable {
    public var input: InputShape
    /// The shorter side's length before the centre crop (256 for AlexNet's 224 and 227 inputs).
    public var resizeSide: Int
    public var normalization: ChannelNormalization

    public init(input: InputShape, resizeSide: Int, normalization: ChannelNormalization) {
        self.input = input; self.resizeSide = max(resizeSide, input.height, input.width); self.normalization = normalization
    }

    /// The convention for a network: 256 for inputs of 224 to 256 pixels (the paper and torchvision);
    /// 28 for grey networks of at most 28 pixels (Fashion-MNIST's size: they see a photo as they saw the
    /// test images, whose centre they crop); otherwise the input side × 256/224.
    public init(network input: InputShape, normalization: ChannelNormalization? = nil) {
        let side = max(input.height, input.width)
        let resize: Int
        if (224...256).contains(side) { resize = 256 }
        else if input.channels == 1 && side <= 28 { resize = 28 }
        else { resize = Int((Double(side) * 256 / 224).rounded()) }
        self.init(input: input, resizeSide: resize,
                  normalization: normalization ?? .default(channels: input.channels))
    }

    /// A (C, H, W) image in [0, 1] → the normalised (channels, height, width) network input.
    public func apply(_ image: Tensor) -> Tensor {
        normalization.apply(to: fitted(image))
    }

    /// The same steps without the normalisation: what the network sees, in [0, 1], for display.
    public func fitted(_ image: Tensor) -> Tensor {
        let converted = ImageTransform.converting(image, toChannels: input.channels)
        let h = converted.shape[1], w = converted.shape[2]
        if h == input.height && w == input.width { return converted }
        // Shorter side → resizeSide, the longer in proportion (truncated, as torchvision's Resize).
        let (rh, rw) = h <= w
            ? (resizeSide, max(resizeSide, Int(Double(resizeSide) * Double(w) / Double(h))))
            : (max(resizeSide, Int(Double(resizeSide) * Double(h) / Double(w))), resizeSide)
        let resized = ImageTransform.resized(converted, height: rh, width: rw)
        return Self.centreCrop(resized, height: input.height, width: input.width)
    }

    /// The centre `height` × `width` of a (C, H, W) image; offsets rounded half to even, as
    /// torchvision's `int(round((H − h) / 2))`.
    public static func centreCrop(_ image: Tensor, height: Int, width: Int) -> Tensor {
        let (channels, H, W) = (image.shape[0], image.shape[1], image.shape[2])
        precondition(height <= H && width <= W, "cannot crop \(H)×\(W) to \(height)×\(width)")
        let top = Int((Double(H - height) / 2).rounded(.toNearestOrEven))
        let left = Int((Double(W - width) / 2).rounded(.toNearestOrEven))
        var out = [Float](repeating: 0, count: channels * height * width)
        for c in 0..<channels {
            for y in 0..<height {
                let src = (c * H + top + y) * W + left, dst = (c * height + y) * width
                for x in 0..<width { out[dst + x] = image.data[src + x] }
            }
        }
        return Tensor(shape: [channels, height, width], data: out)
    }
}
