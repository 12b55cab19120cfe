/// A cell colour as the screens mean it; the backend turns it into a terminal colour number.
public enum TerminalColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the xterm 256 colours (0–15 are the ANSI colours).
    case indexed(UInt8)
    /// 24-bit colour, for terminals with direct colour.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TerminalColor.indexed(0)
    public static let red = TerminalColor.indexed(1)
    public static let green = TerminalColor.indexed(2)
    public static let yellow = TerminalColor.indexed(3)
    public static let blue = TerminalColor.indexed(4)
    public static let magenta = TerminalColor.indexed(5)
    public static let cyan = TerminalColor.indexed(6)
    public static let white = TerminalColor.indexed(7)
    public static let brightBlack = TerminalColor.indexed(8)
    public static let brightRed = TerminalColor.indexed(9)
    public static let brightGreen = TerminalColor.indexed(10)
    public static let brightYellow = TerminalColor.indexed(11)
    public static let brightBlue = TerminalColor.indexed(12)
    public static let brightMagenta = TerminalColor.indexed(13)
    public static let brightCyan = TerminalColor.indexed(14)
    public static let brightWhite = TerminalColor.indexed(15)
}
