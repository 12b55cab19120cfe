/// Terminal columns a text takes: East Asian wide and fullwidth characters and emoji count two,
/// combining marks and zero-width joiners none, everything else one, as glibc's `wcwidth` does in a
/// UTF-8 locale. A table here rather than `wcwidth` itself: that depends on the process locale, and
/// the plain runner and `--list` must line up the same under `LANG=C`.
public enum DisplayWidth {
    /// Columns of one character (a grapheme cluster: a base letter with its accents is one).
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { width = max(width, 2); continue }   // emoji presentation selector
            width = max(width, of(scalar))
        }
        return width
    }

    /// Columns of a whole text.
    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// The text padded with spaces to `columns` display columns (unchanged when already as wide).
    public static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - of(text)))
    }

    /// The longest prefix of `text` that fits in `columns`: a wide character that would straddle
    /// the limit is left out whole, never cut in half.
    public static func prefix(_ text: String, fitting columns: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = of(ch)
            if used + w > columns { break }
            out.append(ch); used += w
        }
        return out
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        case .control: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, as in Unicode's EastAsianWidth.txt, coarsely.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
