/// Single-cell ASCII stand-ins for the glyphs the screens use, for terminals without UTF-8.
/// The backend applies it when drawing, so screens are written once in Unicode.
public enum ASCIIFallback {
    public static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar }
        switch scalar {
        case "×": return "x"
        case "→", "▶", "›": return ">"
        case "←", "◀", "‹": return "<"
        case "↑", "▲": return "^"
        case "↓", "▼": return "v"
        case "⌊", "⌈": return "["
        case "⌋", "⌉": return "]"
        case "−", "–", "—", "─", "━", "╌", "┄": return "-"
        case "│", "┃", "╎", "┆": return "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "╭", "╮", "╯", "╰": return "+"
        case "·", "•", "●": return "*"
        case "…": return "."
        case "█", "▀", "▄", "▌", "▐": return "#"
        case "░", "▒", "▓": return ":"
        case "✗": return "X"
        case "✓": return "v"
        case "≈": return "~"
        case "≤": return "<"
        case "≥": return ">"
        case "α": return "a"
        case "β": return "b"
        case "Σ": return "E"
        case "²": return "2"
        case "σ": return "s"
        default:
            if (0x2800...0x28FF).contains(scalar.value) { return "*" }   // braille dots
            if (0x2581...0x2588).contains(scalar.value) { return "#" }   // eighth blocks
            return "?"
        }
    }
}
