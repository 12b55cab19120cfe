/// The largest values a network may use. Far beyond any real network (AlexNet's largest is 4096
/// features and a 227 side), they keep every product of sizes well inside 64 bits and turn a typo
/// such as `out: 10000000000` into a stated range rather than a number nobody meant.
public enum ShapeLimits {
    /// Input height and width, and kernel, stride and padding.
    public static let side = 1_000_000
    /// Input channels, conv output channels, groups, linear outputs and the LRN window.
    public static let channels = 1_000_000

    /// "1…1,000,000" for messages.
    static func range(_ low: Int, _ high: Int) -> String { "\(low)…\(NumberText.grouped(high))" }
}
