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
}
