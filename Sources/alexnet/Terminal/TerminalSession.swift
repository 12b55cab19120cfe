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
        case cursesFailed

        var description: String {
            switch self {
            case .notATerminal:
                "alexnet explore needs a terminal: stdout is not a terminal (piped or redirected). Run it in a terminal, or use `alexnet shapes` for text output."
            case .cursesFailed:
                "alexnet explore could not start the terminal (curses failed to initialise; is TERM set to a known terminal?)"
            }
        }
    }

    let capabilities: Capabilities
    /// Whether the terminal takes 24-bit colour numbers (0xRRGGBB) directly.
    let directColor: Bool

    init(environment: [String: String]) throws(OpenError) {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else { throw .notATerminal }
        guard cn_open() == 0 else { throw .cursesFailed }
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
