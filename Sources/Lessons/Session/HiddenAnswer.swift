import AlexNetCore

/// The one rule of what a student may see before answering: on a question step and the step before it,
/// the number asked for is not shown, in any spelling a reader would recognise ("34944", "34,944").
/// The session masks the facts it generates (plain mode's screen facts, the full-screen pane) with it,
/// and `lesson --check` uses it to find authored text that gives the answer away.
public enum HiddenAnswer {
    /// Whether `text` shows `value` as a whole number: not as part of a longer number ("155", "55.2",
    /// "1,055") and not as a digit of a word ("conv5", "fc6"), so "55×55×96" shows 55 and "pool5" does
    /// not show 5.
    public static func reveals(_ text: String, _ value: Int) -> Bool {
        !ranges(of: value, in: Array(text.unicodeScalars)).isEmpty
    }

    /// `text` with every whole-number occurrence of each value replaced by `?`s of the same width.
    public static func masked(_ text: String, hiding values: [Int]) -> String {
        guard !values.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        for value in values {
            for r in ranges(of: value, in: scalars) {
                for i in r { scalars[i] = "?" }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The spellings of a value: plain digits, and grouped with commas when it has more than 3 digits.
    static func spellings(of value: Int) -> [String] {
        let plain = String(value)
        let grouped = NumberText.grouped(value)
        return grouped == plain ? [plain] : [grouped, plain]
    }

    /// Scalar ranges of `text` where a spelling of `value` stands as a number of its own.
    static func ranges(of value: Int, in text: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for spelling in spellings(of: value) {
            let needle = Array(spelling.unicodeScalars)
            guard needle.count <= text.count else { continue }
            var i = 0
            while i + needle.count <= text.count {
                let end = i + needle.count
                if Array(text[i..<end]) == needle, standsAlone(text, i, end) {
                    found.append(i..<end)
                    i = end
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    /// No digit, letter or digit-joining comma/point right before or after: "55" in "55×55" and
    /// "= 55." stands alone; in "155", "5.5", "1,055" or "conv5" it does not.
    private static func standsAlone(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        func isDigit(_ i: Int) -> Bool { text.indices.contains(i) && ("0"..."9").contains(text[i]) }
        func isWordish(_ i: Int) -> Bool {
            guard text.indices.contains(i) else { return false }
            let s = text[i]
            return ("0"..."9").contains(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_"
        }
        if isWordish(start - 1) || isWordish(end) { return false }
        // "1,055" and "5.5": a comma or point joining digits on both sides makes one number.
        if start >= 2, text[start - 1] == "," || text[start - 1] == ".", isDigit(start - 2) { return false }
        if text.indices.contains(end + 1), text[end] == "," || text[end] == ".", isDigit(end + 1) { return false }
        return true
    }
}
