/// Word wrap for lesson narrative: never breaks inside a bracketed group that fits on a line, so a
/// formula such as `⌊(55 − 3 + 2·0)/2⌋ + 1` stays whole; indented lines (formula steps) continue two
/// columns further in, prose at its own margin.
enum NarrativeWrap {
    static let opening: Set<Unicode.Scalar> = ["(", "⌊", "⌈"]
    static let closing: Set<Unicode.Scalar> = [")", "⌋", "⌉"]

    static func wrap(_ line: String, width: Int) -> [String] {
        guard width > 8, line.unicodeScalars.count > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let continuation = indent.isEmpty ? "" : indent + "  "
        // A group too long for any line is broken at its spaces after all.
        let chunks = Self.chunks(String(line.dropFirst(indent.count))).flatMap { chunk in
            chunk.unicodeScalars.count > width - continuation.count
                ? chunk.split(separator: " ").map(String.init) : [chunk]
        }
        var out: [String] = []
        var current = indent
        var atStart = true
        for chunk in chunks {
            let candidate = atStart ? current + chunk : current + " " + chunk
            if candidate.unicodeScalars.count <= width || atStart {
                current = candidate
                atStart = false
            } else {
                out.append(current)
                current = continuation + chunk
            }
            // A chunk wider than the line is cut where it must be.
            while current.unicodeScalars.count > width {
                out.append(String(String.UnicodeScalarView(current.unicodeScalars.prefix(width))))
                current = continuation + String(String.UnicodeScalarView(current.unicodeScalars.dropFirst(width)))
            }
        }
        if current.contains(where: { $0 != " " }) { out.append(current) }
        return out
    }

    /// Splits at spaces outside brackets.
    static func chunks(_ text: String) -> [String] {
        var chunks: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        for s in text.unicodeScalars {
            if opening.contains(s) { depth += 1 }
            if closing.contains(s) { depth = max(0, depth - 1) }
            if s == " " && depth == 0 {
                if !current.isEmpty { chunks.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { chunks.append(String(current)) }
        return chunks
    }
}
