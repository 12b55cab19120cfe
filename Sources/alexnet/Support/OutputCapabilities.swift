import AlexNetCore
import ExplorerUI
import Foundation

/// What stdout can show for commands that print pictures or charts without the TUI: colour only on a
/// terminal without NO_COLOR or TERM=dumb, Unicode only under a UTF-8 locale.
enum OutputCapabilities {
    static var current: Capabilities {
        let env = ProcessInfo.processInfo.environment
        let colors = isatty(STDOUT_FILENO) == 1 ? ColorProfile.detect(environment: env, terminalColors: nil) : .none
        let locale = env["LC_ALL"] ?? env["LC_CTYPE"] ?? env["LANG"] ?? ""
        let unicode = locale.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
        return Capabilities(colors: colors, unicode: unicode)
    }

    /// Whether printed text may use UTF-8 (else `ASCIIText` spells it in ASCII).
    static var unicode: Bool { current.unicode }

    /// The columns printed text may fill: $COLUMNS when set, else the terminal's width, else 80 (a file or
    /// a pipe gets the design size). Never less than 40, so a tiny window still gets readable tables.
    static var columns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return max(40, n) }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return max(40, Int(size.ws_col))
        }
        return 80
    }

    /// `text` as this terminal can show it: unchanged under UTF-8, else in ASCII.
    static func printable(_ text: String) -> String { unicode ? text : ASCIIText.of(text) }

    /// `text` as this terminal can show it, each line wrapped at words to its width.
    static func printableLines(_ text: String) -> String { PlainWrap.wrapped(printable(text), width: columns) }
}
