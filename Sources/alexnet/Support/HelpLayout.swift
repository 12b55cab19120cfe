import ArgumentParser
import Foundation

/// Help and usage text at most 80 columns wide. The argument parser wraps paragraphs to the terminal's
/// width (prose past 80 columns reads badly, so wider terminals get 80) but never wraps the USAGE line,
/// which for most commands runs past 100 columns: it is broken here between whole options.
enum HelpLayout {
    static let maxWidth = 80
    /// The parser's hanging indent for usage continuation lines (under the text after `USAGE: `).
    static let usageIndent = 7

    /// Prints what the parser has to say for `error` (help, an error with the usage, a completion
    /// script) and exits with its status, as `ParsableCommand.exit(withError:)` does.
    static func exit<Command: ParsableCommand>(_ command: Command.Type, withError error: Error) -> Never {
        let width = clampColumns()
        let text = command.fullMessage(for: error)
        let code = command.exitCode(for: error)
        if !text.isEmpty {
            let lines = joinValueList(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            let shown = lines.flatMap { line in
                line.hasPrefix("USAGE: ") || line.hasPrefix("Usage: ") ? wrapUsage(line, width: width) : [line]
            }.joined(separator: "\n")
            if code == .success { print(shown) } else { CLIError.printLines(shown) }
        }
        Foundation.exit(code.rawValue)
    }

    /// The parser lists the values of an option with six or more (`--preset` has eight) as bullets under its
    /// error: one error is one line, so the bullets are joined onto it ("one of: alexnet, mini, …").
    static func joinValueList(_ lines: [String]) -> [String] {
        let marker = "one of the following:"
        var out: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasSuffix(marker) else { out.append(line); continue }
            var values: [String] = []
            while index < lines.count, lines[index].hasPrefix("  - ") {
                values.append(String(lines[index].dropFirst(4)))
                index += 1
            }
            out.append(values.isEmpty ? line : line.dropLast(marker.count) + "one of: " + values.joined(separator: ", ") + ".")
        }
        return out
    }

    /// Sets `COLUMNS` (read by the parser when it renders help) to the terminal's width, at most 80.
    /// Only on the way out: the explorer's curses would otherwise take it as the screen's width.
    @discardableResult
    static func clampColumns() -> Int {
        var size = winsize()
        let reported = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        let given = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
        let width = max(40, min(maxWidth, given ?? reported ?? maxWidth))
        setenv("COLUMNS", String(width), 1)
        return width
    }

    /// One usage line broken between whole options (`[--preset <name>]` stays together), continuation
    /// lines indented under the command.
    static func wrapUsage(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        // Words at bracket depth 0: a space inside [...] or <...> does not split.
        var words: [String] = [], current = "", depth = 0
        for ch in line {
            if ch == "[" || ch == "<" { depth += 1 }
            if ch == "]" || ch == ">" { depth = max(0, depth - 1) }
            if ch == " ", depth == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current) }
        var lines: [String] = []
        var row = ""
        for word in words {
            let candidate = row.isEmpty ? word : row + " " + word
            if row.isEmpty || candidate.count <= width {
                row = candidate
            } else {
                lines.append(row)
                row = String(repeating: " ", count: usageIndent) + word
            }
        }
        lines.append(row)
        return lines
    }
}
