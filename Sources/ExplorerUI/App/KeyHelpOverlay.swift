import Localization
/// The `?` box: the active screen's keys, then every global key, centred over the screen. Actions
/// wrap at words beside their keys; when the window is too short for all of them the box drops its
/// padding, then ends with how many keys a taller window would show.
struct KeyHelpOverlay {
    let screen: any Screen

    func render(into grid: inout CellGrid, theme: Theme) {
        let rows: [KeyHelp?] = screen.keyHelp + [nil] + Explorer.globalKeys
        let keyWidth = rows.compactMap { $0?.keys.displayWidth }.max() ?? 0
        let widest = rows.compactMap { $0.map { keyWidth + 2 + $0.action.displayWidth } }.max() ?? 0
        let w = min(grid.width - 2, widest + 4)
        let textWidth = max(8, w - 4 - keyWidth - 2)
        // One entry per key, its action wrapped beside the key column.
        var lines: [StyledLine?] = []
        for row in rows {
            guard let row else { lines.append(nil); continue }
            for (i, part) in TextWrap.wrap(row.action, width: textWidth).enumerated() {
                lines.append(StyledLine([((i == 0 ? row.keys : "").padded(to: keyWidth + 2), theme.number), (part, theme.plain)]))
            }
        }
        let roomy = lines.count + 4 <= grid.height - 2
        let padding = roomy ? 1 : 0
        let maxLines = grid.height - 2 - 2 - 2 * padding
        var shown = lines
        if lines.count > maxLines {
            shown = Array(lines.prefix(max(0, maxLines - 1)))
            // Entries start with their key; continuation lines start with spaces.
            let entriesShown = shown.compactMap { $0 }.filter { !($0.spans.first?.text.hasPrefix(" ") ?? true) }.count
            let hidden = rows.compactMap { $0 }.count - entriesShown
            shown.append(StyledLine(Messages.moreKeys(max(1, hidden)), theme.dim))
        }
        let h = min(grid.height - 2, shown.count + 2 + 2 * padding)
        let box = Rect(x: (grid.width - w) / 2, y: (grid.height - h) / 2, width: w, height: h)
        grid.fill(box)
        Frame(title: Messages.keysTitle(screen.title), style: theme.heading, titleStyle: theme.heading).render(into: &grid, area: box)
        let inner = Frame.inner(box).inset(dx: 1, dy: padding)
        for (i, line) in shown.enumerated() {
            guard let line else {
                grid.write(String(repeating: "─", count: inner.width), in: inner, row: i, style: theme.frame)
                continue
            }
            line.render(into: &grid, rect: inner, row: i)
        }
    }
}
