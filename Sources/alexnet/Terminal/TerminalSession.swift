import CNcurses
import ExplorerUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open terminal. Only one exists at a time; `close()` restores the terminal and is safe to call
/// more than once (the C side runs `endwin` exactly once).
final class TerminalSession {
    enum OpenError: Error, CustomStringConvertible {
        case notATerminal
        /// TERM names no terminfo entry.
        case unknownTerminal(term: String)
        /// The terminal cannot place text at a position (TERM=dumb): full screen would stay blank.
        case cannotDrawFullScreen(term: String)
        case cursesFailed

        /// One line: what is wrong and the plain commands that work anyway.
        var description: String {
            let plain = "use the plain commands instead: `alexnet shapes`, `alexnet lesson --plain`, `alexnet quiz --plain`"
            return switch self {
            case .notATerminal:
                "alexnet explore needs a terminal: stdout is not a terminal (piped or redirected). Run it in a terminal, or use `alexnet shapes` for text output."
            case .unknownTerminal(let term):
                "alexnet explore cannot draw full screen: TERM=\(term) is not in the terminfo database; \(plain)."
            case .cannotDrawFullScreen(let term):
                "alexnet explore cannot draw full screen: TERM=\(term) cannot move the cursor; \(plain)."
            case .cursesFailed:
                "alexnet explore could not start the terminal (curses failed to initialise); \(plain)."
            }
        }
    }

    let capabilities: Capabilities
    /// Whether the terminal takes 24-bit colour numbers (0xRRGGBB) directly.
    let directColor: Bool

    init(environment: [String: String]) throws(OpenError) {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else { throw .notATerminal }
        let term = environment["TERM", default: ""].isEmpty ? "(unset)" : environment["TERM", default: ""]
        switch cn_open() {
        case 0: break
        case Int32(CN_OPEN_NOT_A_TERMINAL): throw .notATerminal
        case Int32(CN_OPEN_UNKNOWN_TERMINAL): throw .unknownTerminal(term: term)
        case Int32(CN_OPEN_NO_CURSOR_ADDRESSING): throw .cannotDrawFullScreen(term: term)
        default: throw .cursesFailed
        }
        let colors = Int(cn_colors())
        let profile = ColorProfile.detect(environment: environment, terminalColors: colors)
        directColor = profile == .truecolor
        capabilities = Capabilities(colors: profile, unicode: cn_utf8() != 0)
    }

    deinit { close() }

    func close() { cn_close() }

    var size: (width: Int, height: Int) { (Int(cn_width()), Int(cn_height())) }

    /// The signal number that asked the program to stop, if any.
    var stopSignal: Int32? {
        let s = cn_stop_signal()
        return s == 0 ? nil : s
    }

    func readKey(timeoutMilliseconds: Int32) -> Int32 { cn_read_key(timeoutMilliseconds) }
}
