/// How a byte pixel becomes a network input: `(pixel / 255 − mean) / std`.
///
/// Centring the inputs and scaling them to unit variance keeps the first layer's pre-activations
/// in the range He initialisation assumes; mean and std are measured on the training set and the
/// same values are applied to the test set and to user images.
public struct PixelNormalization: Sendable, Equatable, Codable {
    public var mean: Float
    public var std: Float

    /// Pixels scaled to [0, 1] only.
    public static let unit = PixelNormalization(mean: 0, std: 1)

    public init(mean: Float, std: Float) {
        self.mean = mean; self.std = std
    }

    /// Mean and standard deviation of all pixels (as pixel / 255).
    public init(measuring pixels: [UInt8]) {
        var histogram = [Int](repeating: 0, count: 256)
        for p in pixels { histogram[Int(p)] += 1 }
        let n = Double(max(pixels.count, 1))
        var sum = 0.0, squares = 0.0
        for (value, count) in histogram.enumerated() {
            let x = Double(value) / 255
            sum += x * Double(count); squares += x * x * Double(count)
        }
        let mean = sum / n
        self.init(mean: Float(mean), std: Float(max((squares / n - mean * mean).squareRoot(), 1e-12)))
    }

    /// The network input for a byte pixel.
    @inline(__always)
    public func apply(_ pixel: UInt8) -> Float {
        (Float(pixel) / 255 - mean) / std
    }

    /// The network input for a [0, 1] intensity (user images).
    @inline(__always)
    public func apply(_ intensity: Float) -> Float {
        (intensity - mean) / std
    }
}
