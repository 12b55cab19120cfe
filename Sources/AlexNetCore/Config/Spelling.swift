/// Typo hints: "unknown layer kind 'maxpoool' (did you mean 'maxpool'?)", "unknown command 'shaeps'
/// (did you mean 'shapes'?)".
public enum Spelling {
    /// The known word closest to `word` (case ignored) within `edits` insertions, deletions or
    /// substitutions; ties go to the earlier word.
    public static func closest(to word: String, among words: [String], within edits: Int = 2) -> String? {
        words.map { ($0, distance(word.lowercased(), $0)) }.filter { $0.1 <= edits }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]; row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
