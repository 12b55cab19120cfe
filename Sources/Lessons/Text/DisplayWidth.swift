import AlexNetCore

/// Terminal columns a text printed on stdout takes: East Asian wide and fullwidth characters and emoji
/// count two, combining marks and zero-width joiners none, everything else one, as glibc's `wcwidth` does
/// in a UTF-8 locale (the core's table, not `wcwidth` itself: that depends on the process locale, and the
/// plain runner and `--list` must line up the same under `LANG=C`). Counted per character, as a terminal
/// draws printed text: an emoji with the emoji-presentation selector takes two.
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

    /// Columns of one scalar, from the core's one table (the screens' grid reads the same).
    static func of(_ scalar: Unicode.Scalar) -> Int { scalar.displayWidth }
}
