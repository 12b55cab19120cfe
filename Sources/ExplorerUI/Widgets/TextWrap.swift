/// Greedy word wrap for the explanation panels.
enum TextWrap {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let w = String(word)
                if line.isEmpty { line = w }
                else if line.displayWidth + 1 + w.displayWidth <= width { line += " " + w }
                else { lines.append(line); line = w }
                while line.displayWidth > width {
                    // A word longer than the line: break after a '-' or '/' inside it when there is
                    // one ("T-shirt/" "top"), else at the width (in columns).
                    let head = line.prefix(columns: width)
                    let scalars = Array(head.unicodeScalars)
                    let cut = scalars.indices.last { scalars[$0] == "-" || scalars[$0] == "/" }.map { $0 + 1 } ?? scalars.count
                    let taken = max(1, cut)
                    lines.append(String(String.UnicodeScalarView(scalars[..<taken])))
                    line = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(taken)))
                }
            }
            lines.append(line)
        }
        return lines
    }
}
