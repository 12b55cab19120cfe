/// The one word wrap of the screens, measured in terminal columns (wide characters take two).
///
/// Paragraphs (`\n`) wrap separately. A line never breaks inside a bracketed group that fits on a line, so a
/// formula such as `⌊(55 − 3 + 2·0)/2⌋ + 1` stays whole. An indented line (a formula step) continues two
/// columns further in; prose continues at `proseIndent` (0: its own margin). A word longer than the line
/// breaks after a '-' or '/' inside it when there is one ("T-shirt/" "top"), else at the width.
enum TextWrap {
    static let opening: Set<Unicode.Scalar> = ["(", "⌊", "⌈"]
    static let closing: Set<Unicode.Scalar> = [")", "⌋", "⌉"]

    static func wrap(_ text: String, width: Int, proseIndent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            wrapLine(String($0), width: width, proseIndent: proseIndent)
        }
    }

    private static func wrapLine(_ line: String, width: Int, proseIndent: Int) -> [String] {
        guard line.displayWidth > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        // A deep indent in a narrow panel would leave no room: continue at the margin then.
        let hanging = indent.isEmpty ? proseIndent : indent.count + 2
        let continuation = hanging * 2 > width ? "" : String(repeating: " ", count: hanging)
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
            // A chunk wider than the line is cut where it must be: after its last '-' or '/' that fits.
            while current.displayWidth > width {
                let head = Array(current.prefix(columns: width).unicodeScalars)
                let breakAfter = head.indices.last { i in
                    (head[i] == "-" || head[i] == "/") && head[..<i].contains { $0 != " " }
                }
                let taken = max(1, breakAfter.map { $0 + 1 } ?? head.count)   // a character wider than the line still moves on
                out.append(String(String.UnicodeScalarView(current.unicodeScalars.prefix(taken))))
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
