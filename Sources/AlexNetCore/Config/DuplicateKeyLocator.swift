/// Finds where a YAML mapping repeats a key. Yams reports a duplicated key with the position of its
/// *first* occurrence (and the whole file as context); the line a reader must fix is the second one.
///
/// Starting from the first occurrence, the next key of the same mapping with the same text is found:
/// in a block mapping, a later line with the key at the same column (stopping where the mapping's
/// indentation ends); in a flow mapping (`{a: 1, a: 2}`), the next key at the same bracket depth.
enum DuplicateKeyLocator {
    /// The 1-based line of the repeat of `key` first written at `line`:`column` (1-based, characters),
    /// or nil when it cannot be told from the text.
    static func repeatLine(of key: String, in text: String, firstLine line: Int, column: Int) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.unicodeScalars.filter { $0 != "\r" }) }
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count + 1 else { return nil }
        let first = lines[line - 1]
        let spellings = [key, "'\(key)'", "\"\(key)\""].map { Array($0.unicodeScalars) }
        let before = first[..<(column - 1)]
        if before.allSatisfy({ $0 == " " || $0 == "-" }) {
            if let hit = blockRepeat(lines, line: line, column: column, spellings: spellings) { return hit }
        }
        return flowRepeat(lines, line: line, column: column, spellings: spellings)
    }

    /// The length of the spelling of the key (followed by optional blanks and `:`) at `at` in `chars`.
    private static func keyLength(_ chars: [Unicode.Scalar], at: Int, _ spellings: [[Unicode.Scalar]]) -> Int? {
        for s in spellings where at + s.count <= chars.count && Array(chars[at..<(at + s.count)]) == s {
            var i = at + s.count
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            if i < chars.count, chars[i] == ":" { return s.count }
        }
        return nil
    }

    private static func blockRepeat(_ lines: [[Unicode.Scalar]], line: Int, column: Int,
                                    spellings: [[Unicode.Scalar]]) -> Int? {
        let indent = column - 1
        for n in line..<lines.count {
            let chars = lines[n]
            guard let firstText = chars.firstIndex(where: { $0 != " " }), chars[firstText] != "#" else { continue }
            if firstText < indent {
                // A "- " item marker at a shallower column can still hold this mapping's keys only on the
                // first line; anywhere else, less indentation ends the mapping.
                return nil
            }
            if firstText == indent, keyLength(chars, at: indent, spellings) != nil { return n + 1 }
        }
        return nil
    }

    private static func flowRepeat(_ lines: [[Unicode.Scalar]], line: Int, column: Int,
                                   spellings: [[Unicode.Scalar]]) -> Int? {
        var depth = 0
        var quote: Unicode.Scalar?
        var n = line - 1
        var i = column - 1 + 1  // past the first character of the first occurrence
        var previous: Unicode.Scalar = " "
        while n < lines.count {
            let chars = lines[n]
            while i < chars.count {
                let c = chars[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "#", previous == " " || previous == "\t" {
                    break  // a comment runs to the end of the line
                } else if c == "{" || c == "[" {
                    depth += 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth < 0 { return nil }
                } else if depth == 0, previous == "{" || previous == "," || previous == " " || previous == "\t",
                          keyLength(chars, at: i, spellings) != nil {
                    return n + 1
                } else if c == "'" || c == "\"" {
                    quote = c
                }
                previous = c; i += 1
            }
            n += 1; i = 0; previous = " "
        }
        return nil
    }
}
