/// Where Chinese (and Japanese) text may break and how its source lines join: CJK text has no spaces, so a
/// line may break between any two of its characters, except before closing punctuation (，。：；？！）」…)
/// or after opening punctuation (（「…), the rules of Chinese typesetting (GB/T 15834, JIS X 4051's
/// kinsoku). Used by the screens' one word wrap and wherever lines are joined into paragraphs.
public enum LineBreaking {
    /// Closing and middle punctuation that must not start a line.
    static let noBreakBefore: Set<Unicode.Scalar> = [
        "，", "。", "、", "：", "；", "？", "！", "）", "」", "』", "》", "〉", "】", "〕", "”", "’", "…", "·",
        "%", "％", "～", ",", ".", ":", ";", "?", "!", ")", "]", "⌋", "⌉",
    ]
    /// Opening punctuation that must not end a line.
    static let noBreakAfter: Set<Unicode.Scalar> = ["（", "「", "『", "《", "〈", "【", "〔", "“", "‘", "(", "[", "⌊", "⌈"]

    /// True for the characters of CJK text: ideographs, kana, Hangul, CJK and fullwidth punctuation.
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FFF, 0x3000...0x30FF, 0x3100...0x31FF, 0x3200...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFF:
            true
        default:
            false
        }
    }

    /// Whether a line may break between `before` and `after` (neither a space: spaces break anyway).
    /// Only next to a CJK character: Latin words still break at spaces alone.
    public static func canBreak(between before: Unicode.Scalar, and after: Unicode.Scalar) -> Bool {
        guard isCJK(before) || isCJK(after), before != " ", after != " " else { return false }
        return !noBreakBefore.contains(after) && !noBreakAfter.contains(before)
    }

    /// What goes between two source lines joined into one paragraph: nothing when either side of the join
    /// is CJK (Chinese puts no space between its lines' characters), else one space.
    public static func joiner(after line: String, before next: String) -> String {
        guard let last = line.unicodeScalars.last, let first = next.unicodeScalars.first else { return " " }
        return isCJK(last) || isCJK(first) ? "" : " "
    }

    /// Two lines joined into one paragraph by `joiner`.
    public static func join(_ line: String, _ next: String) -> String {
        line + joiner(after: line, before: next) + next
    }
}
