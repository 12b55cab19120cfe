import Foundation

/// Reads what a learner typed as a number or a choice, forgivingly: `34,944`, `34 944`, `34_944`, `b`, `2`.
enum AnswerMatcher {
    static func number(_ typed: String) -> Int? {
        let cleaned = typed.filter { !" ,_'\u{2009}\u{202F}".contains($0) }
        return Int(cleaned)
    }

    /// The 0-based choice index for `b`, `B`, `2` or the option's own text.
    static func choice(_ typed: String, options: [String]) -> Int? {
        let t = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if t.count == 1, let scalar = t.unicodeScalars.first, ("a"..."z").contains(scalar), Int(scalar.value) - 97 < options.count {
            return Int(scalar.value) - 97
        }
        if let n = Int(t), (1...options.count).contains(n) { return n - 1 }
        return options.firstIndex { $0.lowercased() == t }
    }
}
