import AlexNetCore
import Localization

/// The one word wrap of the screens, measured in terminal columns (wide characters take two).
///
/// Paragraphs (`\n`) wrap separately. A line never breaks inside a bracketed group that fits on a line, so a
/// formula such as `⌊(55 − 3 + 2·0)/2⌋ + 1` stays whole; the spaces between words on a line are kept as
/// written. An indented line (a formula step) continues two columns further in; prose continues at
/// `proseIndent` (0: its own margin). A word longer than the line breaks after a '-' or '/' inside it when
/// there is one ("T-shirt/" "top"), else at the width. Chinese text breaks between any two characters as well,
/// never before closing or after opening punctuation (`LineBreaking`). `StyledLine.wrapped` breaks styled
/// text by the same rule.
public enum TextWrap {
    static let opening: Set<Unicode.Scalar> = ["(", "⌊", "⌈"]
    static let closing: Set<Unicode.Scalar> = [")", "⌋", "⌉"]

    public static func wrap(_ text: String, width: Int, proseIndent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        let text = ScreenText.roundingInWords ? ASCIIText.roundingInWords(text) : text
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            let scalars = Array(paragraph.unicodeScalars)
            return pieces(scalars, width: width, proseIndent: proseIndent).map {
                String(repeating: " ", count: $0.indent) + String(String.UnicodeScalarView(scalars[$0.range]))
            }
        }
    }

    /// One output line: `indent` added spaces, then the scalars `range` of the paragraph as written.
    struct Piece: Equatable {
        var indent: Int
        var range: Range<Int>
    }

    /// The lines of one paragraph (no `\n` in it) as pieces of it, so styled text can keep its styles.
    static func pieces(_ s: [Unicode.Scalar], width: Int, proseIndent: Int) -> [Piece] {
        let widths = s.map(\.displayWidth)
        func columns(_ r: Range<Int>) -> Int { widths[r].reduce(0, +) }
        guard width > 0, columns(0..<s.count) > width else { return [Piece(indent: 0, range: 0..<s.count)] }
        let lead = s.prefix { $0 == " " }.count
        // A deep indent in a narrow panel would leave no room: continue at the margin then.
        let hanging = lead == 0 ? proseIndent : lead + 2
        let continuation = hanging * 2 > width ? 0 : hanging
        // A group too long for any line is broken at its spaces after all.
        let chunks = Self.chunks(s, from: lead).flatMap { c in
            columns(c) > width - continuation ? Self.chunks(s, from: c.lowerBound, to: c.upperBound, bracketed: false) : [c]
        }
        var out: [Piece] = []
        var line: Piece?
        for chunk in chunks {
            if let l = line {
                if l.indent + columns(l.range.lowerBound..<chunk.upperBound) <= width {
                    line = Piece(indent: l.indent, range: l.range.lowerBound..<chunk.upperBound)
                } else {
                    out.append(l)
                    line = Piece(indent: continuation, range: chunk)
                }
            } else {
                line = Piece(indent: 0, range: 0..<chunk.upperBound)   // the first line keeps its own indent
            }
            // A chunk wider than the line is cut where it must be: after its last '-' or '/' that fits.
            while let l = line, l.indent + columns(l.range) > width {
                var fit = l.range.lowerBound, used = l.indent
                while fit < l.range.upperBound, used + widths[fit] <= width { used += widths[fit]; fit += 1 }
                let breakAfter = (l.range.lowerBound..<fit).last { i in
                    (s[i] == "-" || s[i] == "/") && s[l.range.lowerBound..<i].contains { $0 != " " }
                }
                let cut = max(l.range.lowerBound + 1, breakAfter.map { $0 + 1 } ?? fit)   // a character wider than the line still moves on
                out.append(Piece(indent: l.indent, range: l.range.lowerBound..<cut))
                line = Piece(indent: continuation, range: cut..<l.range.upperBound)
            }
        }
        if let l = line, s[l.range].contains(where: { $0 != " " }) { out.append(l) }
        return out
    }

    /// True when the word starting at `start` ends in a file extension (`写真.png`): a name, not prose, so it
    /// stays whole like an English word instead of breaking between its CJK characters.
    static func isFileName(_ s: [Unicode.Scalar], wordFrom start: Int, end: Int) -> Bool {
        var stop = start
        while stop < end, s[stop] != " " { stop += 1 }
        guard let dot = s[start..<stop].lastIndex(of: "."), dot > start else { return false }
        let ext = s[(dot + 1)..<stop]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
    }

    /// The runs of `s[from..<to]` between spaces and CJK break opportunities; with `bracketed`, spaces
    /// inside brackets do not split.
    static func chunks(_ s: [Unicode.Scalar], from: Int, to: Int? = nil, bracketed: Bool = true) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var start: Int?
        var depth = 0
        var inName = false   // the current space-delimited word is a file name: no CJK breaks inside it
        for i in from..<(to ?? s.count) {
            if bracketed, opening.contains(s[i]) { depth += 1 }
            if bracketed, closing.contains(s[i]) { depth = max(0, depth - 1) }
            if s[i] != " ", i == from || s[i - 1] == " " { inName = isFileName(s, wordFrom: i, end: to ?? s.count) }
            if s[i] == " " && depth == 0 {
                if let st = start { chunks.append(st..<i); start = nil }
            } else if let st = start, depth == 0, !inName, LineBreaking.canBreak(between: s[i - 1], and: s[i]) {
                chunks.append(st..<i); start = i
            } else if start == nil {
                start = i
            }
        }
        if let st = start { chunks.append(st..<(to ?? s.count)) }
        return chunks
    }
}
