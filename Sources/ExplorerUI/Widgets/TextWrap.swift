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
                    let head = String(String.UnicodeScalarView(line.unicodeScalars.prefix(width)))
                    lines.append(head)
                    line = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(width)))
                }
            }
            lines.append(line)
        }
        return lines
    }
}
