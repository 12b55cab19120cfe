/// How a cell is drawn apart from its character.
public struct CellStyle: Sendable, Hashable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var bold: Bool
    public var reverse: Bool

    public init(fg: TerminalColor = .default, bg: TerminalColor = .default, bold: Bool = false, reverse: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse
    }

    public static let plain = CellStyle()
}

/// One character cell of the screen. A `Unicode.Scalar` rather than a `Character` keeps the cell
/// trivially copyable, which makes filling and diffing a 200×60 grid cheap; every glyph the screens
/// draw is a single, single-width scalar.
public struct Cell: Sendable, Hashable {
    public var character: Unicode.Scalar
    public var style: CellStyle

    public init(_ character: Unicode.Scalar = " ", style: CellStyle = .plain) {
        self.character = character; self.style = style
    }

    public var fg: TerminalColor { style.fg }
    public var bg: TerminalColor { style.bg }

    public static let blank = Cell()
}
