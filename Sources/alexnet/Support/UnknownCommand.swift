import ArgumentParser
import Foundation

/// `alexnet bogus`: explore is the default subcommand, so the parser would answer with explore's usage
/// ("Unexpected argument 'bogus'"). A first word that is neither an option nor a command is refused
/// here with the commands there are, and the nearest one when it looks like a typo.
enum UnknownCommand {
    /// The one-line error for `arguments` (without the program name), or nil when the parser should see them.
    static func problem(_ arguments: [String], commands: [String], fileExists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else { return nil }
        if fileExists(first) {
            return "error: '\(first)' is a file, not a command; to explore a network file: alexnet explore --config \(first)"
        }
        let near = commands.map { ($0, distance(first.lowercased(), $0)) }.filter { $0.1 <= max(1, first.count / 3) }
            .min { $0.1 < $1.1 }.map { " (did you mean '\($0.0)'?)" } ?? ""
        return "error: unknown command '\(first)'\(near); the commands are \(commands.joined(separator: ", ")) "
            + "(alexnet --help says what each does)"
    }

    /// Levenshtein distance, for the typo hint.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous + (a[i - 1] == b[j - 1] ? 0 : 1)
                previous = row[j]
                row[j] = min(substitution, row[j] + 1, row[j - 1] + 1)
            }
        }
        return row[b.count]
    }
}
