/// Word wrap for printed text (`shapes` notes, plain lessons, long messages): breaks at spaces, but never
/// inside brackets, so `⌊(227 − 11 + 2·0)/4⌋` stays on one line; measured in terminal columns (the core's
/// `displayWidth`). A word (or bracketed group) wider than the line is cut between characters, so wide
/// (CJK) text without spaces still fits.
public enum PlainWrap {
    /// Columns a text takes on a terminal.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + $1.displayWidth }
    }

    /// `text` in lines of at most `width` columns: the first starts with `first`, the others with `rest`.
    public static func lines(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first, lineWidth = self.width(first), empty = true
        let restWidth = self.width(rest)
        func newLine() {
            lines.append(line)
            line = rest; lineWidth = restWidth; empty = true
        }
        // A bracketed group longer than a whole line (a parenthesised sentence) breaks at its spaces after all.
        let words = groups(text).flatMap { g in
            self.width(g) > width - restWidth ? g.split(separator: " ").map(String.init) : [g]
        }
        for word in words {
            let w = self.width(String(word))
            if !empty && lineWidth + 1 + w > width { newLine() }
            if !empty { line += " "; lineWidth += 1 }
            if lineWidth + w <= width {
                line += word; lineWidth += w; empty = false
                continue
            }
            for ch in word {   // wider than a whole line: cut between characters
                let cw = self.width(String(ch))
                if !empty && lineWidth + cw > width { newLine() }
                line.append(ch); lineWidth += cw; empty = false
            }
        }
        if !empty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Each line of `text` wrapped to `width`, its continuation lines indented like the line itself.
    public static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard self.width(line) > width else { return [line] }
            let indent = String(line.prefix { $0 == " " })
            return lines(String(line.dropFirst(indent.count)), width: width, first: indent, rest: indent)
        }.joined(separator: "\n")
    }

    /// The words of `text`, a bracketed group with its spaces counting as one word.
    static func groups(_ text: String) -> [String] {
        var words: [String] = [], current = "", depth = 0
        for ch in text {
            if ch == " " && depth == 0 {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            current.append(ch)
            if "(⌊⌈[".contains(ch) { depth += 1 }
            if ")⌋⌉]".contains(ch) { depth = max(0, depth - 1) }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
