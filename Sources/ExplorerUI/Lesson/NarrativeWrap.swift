/// Word wrap for lesson narrative, measured in terminal columns: never breaks inside a bracketed group that fits on a line, so a
/// formula such as `⌊(55 − 3 + 2·0)/2⌋ + 1` stays whole; indented lines (formula steps) continue two
/// columns further in, prose at its own margin.
enum NarrativeWrap {
    static let opening: Set<Unicode.Scalar> = ["(", "⌊", "⌈"]
    static let closing: Set<Unicode.Scalar> = [")", "⌋", "⌉"]

    static func wrap(_ line: String, width: Int) -> [String] {
        guard width > 8, line.displayWidth > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        // A deep indent in a narrow panel would leave no room: continue at the margin then.
        let continuation = indent.isEmpty || indent.count + 2 > width / 2 ? "" : indent + "  "
        // A group too long for any line is broken at its spaces after all.
        let chunks = Self.chunks(String(line.dropFirst(indent.count))).flatMap { chunk in
            chunk.displayWidth > width - continuation.count
                ? chunk.split(separator: " ").map(String.init) : [chunk]
        }
        var out: [String] = []
        var current = indent
        var atStart = true
        for chunk in chunks {
            let candidate = atStart ? current + chunk : current + " " + chunk
            if candidate.displayWidth <= width || atStart {
                current = candidate
                atStart = false
            } else {
                out.append(current)
                current = continuation + chunk
            }
            // A chunk wider than the line is cut where it must be.
            while current.displayWidth > width {
                let head = current.prefix(columns: width)
                let taken = max(1, head.unicodeScalars.count)   // a character wider than the line still moves on
                out.append(head.isEmpty ? String(String.UnicodeScalarView(current.unicodeScalars.prefix(1))) : head)
                current = continuation + String(String.UnicodeScalarView(current.unicodeScalars.dropFirst(taken)))
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
