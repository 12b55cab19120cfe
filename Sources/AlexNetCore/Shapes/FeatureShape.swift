/// The shape of one example's activations: a C×H×W feature map, or a flat vector after `flatten`.
public struct FeatureShape: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var channels: Int
    public var height: Int
    public var width: Int
    /// True after `flatten` and for linear/softmax outputs: then height = width = 1.
    public var isFlat: Bool

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels; self.height = height; self.width = width; isFlat = false
    }

    public init(flat count: Int) {
        channels = count; height = 1; width = 1; isFlat = true
    }

    public init(_ input: InputShape) {
        self.init(channels: input.channels, height: input.height, width: input.width)
    }

    public var count: Int { channels * height * width }

    /// `[C, H, W]`, or `[N]` when flat (for JSON).
    public var dimensions: [Int] { isFlat ? [channels] : [channels, height, width] }

    /// "55×55×96" (H×W×C, the paper's figure's way of writing a block, and how every table, screen and
    /// lesson writes a shape), or "9216" when flat. Only the JSON and config files list [C, H, W].
    public var description: String {
        isFlat ? "\(channels)" : "\(height)×\(width)×\(channels)"
    }
}
