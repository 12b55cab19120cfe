/// Word wrap for printed text (`shapes` notes, progress lines): breaks at spaces, measured in terminal
/// columns (the core's `displayWidth`); a word wider than the line is cut between characters, so wide
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
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
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
}
