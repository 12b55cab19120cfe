/// Finds English prose in text meant to be in another language: three English words in a row, outside
/// `{placeholders}`, `backquoted code` and commands (`alexnet …`, `--flags`). Names that stay the same in
/// every language (conv1, ReLU, SGD, units like px) are single words, so they never make a run of three.
/// The catalogue's tests and the screen walks use it to say "no English sentence here".
public enum EnglishSentence {
    /// The first run of three English words, or nil.
    public static func find(in text: String) -> String? {
        var run: [Substring] = []
        for word in words(of: stripped(text)) {
            if isEnglishWord(word) {
                run.append(word)
                if run.count == 3 { return run.joined(separator: " ") }
            } else {
                run = []
            }
        }
        return nil
    }

    /// Words: maximal runs of letters, digits and the characters inside names (`.`, `-`, `_`, `'`).
    static func words(of text: String) -> [Substring] {
        text.split { c in !(c.isLetter || c.isNumber || "._-'’".contains(c)) }
    }

    /// A word of at least two Latin letters, all lower case (not `conv1`, `ReLU`, `MACs`, nor the names of
    /// keys such as `Home`, `Enter` and `Space`: a capitalised word is a name here).
    static func isEnglishWord(_ word: Substring) -> Bool {
        let w = word.trimmingTrailing()
        guard w.count >= 2, w.allSatisfy({ $0.isASCII && $0.isLetter || $0 == "'" || $0 == "’" }) else { return false }
        return w.allSatisfy { !$0.isUppercase }
    }

    /// The text without `{…}`, `` `…` ``, and `alexnet …` commands up to the next CJK character or bracket.
    static func stripped(_ text: String) -> String {
        var out = ""
        var skipUntil: Character?
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let end = skipUntil {
                if c == end { skipUntil = nil }
                i += 1; continue
            }
            if c == "{" { skipUntil = "}"; out.append(" "); i += 1; continue }
            if c == "`" { skipUntil = "`"; out.append(" "); i += 1; continue }
            if String(chars[i...].prefix(8)) == "alexnet " {
                // A command runs until CJK text or a closing bracket.
                while i < chars.count, !(chars[i].unicodeScalars.first.map(LineBreaking.isCJK) ?? false), !")）]".contains(chars[i]) { i += 1 }
                out.append(" ")
                continue
            }
            out.append(c); i += 1
        }
        chars = []
        return out
    }
}

private extension Substring {
    func trimmingTrailing() -> Substring {
        var s = self
        while let last = s.last, ".-_".contains(last) { s = s.dropLast() }
        return s
    }
}
