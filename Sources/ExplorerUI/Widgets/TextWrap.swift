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
                else if line.unicodeScalars.count + 1 + w.unicodeScalars.count <= width { line += " " + w }
                else { lines.append(line); line = w }
                while line.unicodeScalars.count > width {
                    // A word longer than the line: break after a '-' or '/' inside it when there is
                    // one ("T-shirt/" "top"), else at the width.
                    let scalars = Array(line.unicodeScalars)
                    let cut = (1...width).last { scalars[$0 - 1] == "-" || scalars[$0 - 1] == "/" } ?? width
                    lines.append(String(String.UnicodeScalarView(scalars[..<cut])))
                    line = String(String.UnicodeScalarView(scalars[cut...]))
                }
            }
            lines.append(line)
        }
        return lines
    }
}
