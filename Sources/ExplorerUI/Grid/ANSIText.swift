/// A grid as text for stdout, for the commands that print pictures and charts without the TUI
/// (`alexnet filters`, `alexnet features`, `alexnet compare`): SGR colour codes where the profile has
/// colour, plain characters otherwise. Trailing blank cells are dropped from each line.
public enum ANSIText {
    public static func render(_ grid: CellGrid, colors: ColorProfile) -> String {
        var out = ""
        for y in 0..<grid.height {
            var last = grid.width - 1
            while last >= 0, grid[last, y] == .blank { last -= 1 }
            var current = CellStyle.plain
            for x in 0...max(last, 0) where last >= 0 {
                let cell = grid[x, y]
                let style = colors.hasColor ? cell.style : .plain
                if style != current {
                    out += sgr(style, colors: colors)
                    current = style
                }
                out.unicodeScalars.append(cell.character)
            }
            if current != .plain { out += "\u{1B}[0m" }
            out += "\n"
        }
        return out
    }

    static func sgr(_ style: CellStyle, colors: ColorProfile) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.reverse { codes.append("7") }
        if let fg = code(colors.resolve(style.fg), foreground: true) { codes.append(fg) }
        if let bg = code(colors.resolve(style.bg), foreground: false) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func code(_ color: TerminalColor, foreground: Bool) -> String? {
        switch color {
        case .default: return nil
        case .indexed(let i): return (foreground ? "38;5;" : "48;5;") + String(i)
        case .rgb(let r, let g, let b): return (foreground ? "38;2;" : "48;2;") + "\(r);\(g);\(b)"
        }
    }
}
