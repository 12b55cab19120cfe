/// Lines in a rectangle from a first line on, with a "more ↑" row at the top when lines are hidden
/// above and a "more ↓" row at the bottom when lines are hidden below, so no text is ever lost out
/// of sight without a sign and a key to reach it.
struct ScrollView {
    var lines: [StyledLine]
    /// The first line shown (clamped to what can be shown).
    var offset: Int
    /// The keys that scroll, named in the marks: "PgDn", "J/PgDn".
    var downKeys = "PgDn"
    var upKeys = "PgUp"

    /// Whether the lines need more rows than `height`.
    static func overflows(lineCount: Int, height: Int) -> Bool { lineCount > height }

    /// The largest useful offset: the one that shows the last line right above the bottom, with the
    /// "more ↑" row on top.
    static func maxOffset(lineCount: Int, height: Int) -> Int {
        guard lineCount > height, height >= 2 else { return lineCount > height ? max(0, lineCount - 1) : 0 }
        return lineCount - (height - 1)
    }

    /// Lines that one page moves: the visible rows less one, so a line of context stays.
    static func page(height: Int) -> Int { max(1, height - 3) }

    /// The offset after clamping, and which marks show.
    func visible(height: Int) -> (offset: Int, rows: Range<Int>, moreAbove: Bool, moreBelow: Bool) {
        let start = min(max(0, offset), Self.maxOffset(lineCount: lines.count, height: height))
        let above = start > 0
        var rows = height - (above ? 1 : 0)
        let below = start + rows < lines.count
        if below { rows -= 1 }
        let end = min(lines.count, start + max(0, rows))
        return (start, start..<max(start, end), above, below)
    }

    func render(into grid: inout CellGrid, rect: Rect, theme: Theme) {
        guard rect.height > 0, rect.width > 0 else { return }
        let v = visible(height: rect.height)
        var y = rect.y
        if v.moreAbove {
            mark("more ↑ \(upKeys)", into: &grid, rect: rect, y: y, theme: theme); y += 1
        }
        for i in v.rows {
            lines[i].render(into: &grid, rect: Rect(x: rect.x, y: y, width: rect.width, height: 1), row: 0)
            y += 1
        }
        if v.moreBelow {
            let hidden = lines.count - v.rows.upperBound
            mark("more ↓ \(hidden) line\(hidden == 1 ? "" : "s") · \(downKeys)", into: &grid, rect: rect, y: rect.maxY - 1, theme: theme)
        }
    }

    private func mark(_ text: String, into grid: inout CellGrid, rect: Rect, y: Int, theme: Theme) {
        let w = min(rect.width, text.displayWidth)
        grid.write(text, x: rect.maxX - w, y: y, style: theme.warning, maxWidth: w)
    }
}
