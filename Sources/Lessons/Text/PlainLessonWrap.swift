// (AlexNetCore has PlainWrap for tables and notes: brackets kept whole; this one keeps CJK punctuation off line starts.)
/// Plain mode's word wrap: every printed line fits the 80 columns of a terminal (measured by display
/// width, CJK = 2). A wrapped line's continuation keeps its indentation, so an indented formula stays
/// indented; a word longer than the line (or Chinese text, which has no spaces) breaks between
/// characters, never before closing punctuation.
public enum PlainLessonWrap {
    public static let columns = 80

    public static func lines(_ text: String, width: Int = columns) -> [String] {
        guard DisplayWidth.of(text) > width, width > 8 else { return [text] }
        let indent = String(text.prefix { $0 == " " })
        var out: [String] = []
        var line = ""
        func flush() { if !line.isEmpty { out.append(line) }; line = indent }
        line = indent
        for word in text.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            var word = String(word)
            let gap = line == indent ? "" : " "
            if DisplayWidth.of(line + gap + word) <= width { line += gap + word; continue }
            if line != indent { flush() }
            // Longer than a whole line: break between characters.
            while DisplayWidth.of(line + word) > width {
                var head = DisplayWidth.prefix(word, fitting: width - DisplayWidth.of(line))
                while let next = word.dropFirst(head.count).first, "，。、；：！？）」』,.;:!?)".contains(next), head.count > 1 {
                    head.removeLast()
                }
                guard !head.isEmpty else { break }
                line += head
                word = String(word.dropFirst(head.count))
                flush()
            }
            line += word
        }
        if line != indent || out.isEmpty { out.append(line) }
        return out
    }
}
