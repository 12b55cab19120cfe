import AlexNetCore
import Foundation

/// `alexnet bogus`: explore is the default subcommand, so the parser would answer with explore's usage
/// ("Unexpected argument 'bogus'"). A first word that is neither an option nor a command is refused
/// here with the commands there are, and the nearest one when it looks like a typo.
enum UnknownCommand {
    /// The one-line error for `arguments` (without the program name), or nil when the parser should see them.
    static func problem(_ arguments: [String], commands: [String], fileExists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else { return nil }
        if fileExists(first) {
            return "error: '\(first)' is a file, not a command; a network: alexnet explore --config \(first); a lesson: alexnet lesson \(first)"
        }
        let near = Spelling.closest(to: first, among: commands, within: max(1, first.count / 3))
            .map { " (did you mean '\($0)'?)" } ?? ""
        return "error: unknown command '\(first)'\(near); the commands are \(commands.joined(separator: ", ")) "
            + "(alexnet --help says what each does)"
    }
}
