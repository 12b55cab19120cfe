/// Text for a terminal that cannot show UTF-8 (`LANG=C`): every character we print outside ASCII, spelled
/// in ASCII. Floor and ceiling brackets become `floor(…)` and `ceil(…)`, so a round-up formula never reads
/// as a round-down one; other glyphs get their nearest ASCII spelling, and anything else a `?`. A text with
/// wide (CJK) characters is left as it is: ASCII cannot spell Chinese, and a row of `?` helps nobody.
public enum ASCIIText {
    public static func of(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(\.isASCII) { return text }
        if text.unicodeScalars.contains(where: { $0.displayWidth == 2 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += spelling(of: scalar) }
        }
        return out
    }

    /// Only the rounding brackets spelled out (⌊x⌋ → floor(x), ⌈x⌉ → ceil(x)), for a screen whose other glyphs
    /// get one-cell stand-ins: there ⌊ and ⌈ would both become `[`, and a round-up formula would read as
    /// round-down.
    public static func roundingInWords(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "⌊" || $0 == "⌈" || $0 == "⌋" || $0 == "⌉" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "⌊", "⌈", "⌋", "⌉": out += spelling(of: scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The ASCII spelling of one character (several characters where one would mislead).
    public static func spelling(of scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "⌊": "floor("
        case "⌈": "ceil("
        case "⌋", "⌉": ")"
        case "×": "x"
        case "·", "•", "●": "*"
        case "−", "–", "—", "─", "━", "╌", "┄": "-"
        case "│", "┃", "╎", "┆": "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "╭", "╮", "╯", "╰": "+"
        case "→": "->"
        case "←": "<-"
        case "↑", "▲": "^"
        case "↓", "▼": "v"
        case "▶", "›": ">"
        case "◀", "‹": "<"
        case "…": "..."
        case "≈": "~"
        case "≤": "<="
        case "≥": ">="
        case "≠": "!="
        case "±": "+/-"
        case "‖": "||"
        case "∂": "d"
        case "√": "sqrt"
        case "∞": "inf"
        case "α": "alpha"
        case "β": "beta"
        case "ε": "eps"
        case "σ": "sigma"
        case "μ": "mu"
        case "Σ": "sum"
        case "²": "^2"
        case "³": "^3"
        case "′": "'"
        case "‘", "’": "'"
        case "“", "”": "\""
        case "✓": "v"
        case "✗": "X"
        case "█", "▀", "▄", "▌", "▐": "#"
        case "░", "▒", "▓": ":"
        case "\u{00A0}", "\u{2009}", "\u{202F}": " "
        default: "?"
        }
    }
}
