/// What the terminal can show: colours, and whether it takes UTF-8 (else everything is ASCII).
public struct Capabilities: Sendable, Equatable {
    public var colors: ColorProfile
    public var unicode: Bool

    public init(colors: ColorProfile, unicode: Bool) {
        self.colors = colors; self.unicode = unicode
    }

    /// 256 colours and UTF-8: what the tests pin unless they test a fallback.
    public static let standard = Capabilities(colors: .palette256, unicode: true)
    /// NO_COLOR / TERM=dumb on a UTF-8 terminal.
    public static let monochrome = Capabilities(colors: .none, unicode: true)
    /// No colour and no UTF-8.
    public static let ascii = Capabilities(colors: .none, unicode: false)

    /// Whether heatmaps use coloured half blocks (else the ASCII ramp).
    public var halfBlocks: Bool { unicode && colors.hasColor }

    /// A style with its colours reduced to what the terminal shows.
    public func style(fg: TerminalColor = .default, bg: TerminalColor = .default, bold: Bool = false,
                      reverse: Bool = false) -> CellStyle {
        CellStyle(fg: colors.resolve(fg), bg: colors.resolve(bg), bold: bold, reverse: reverse)
    }
}
