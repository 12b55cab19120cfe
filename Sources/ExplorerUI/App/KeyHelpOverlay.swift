/// The `?` box: every global key and the active screen's keys, centred over the screen.
struct KeyHelpOverlay {
    let screen: any Screen

    func render(into grid: inout CellGrid, theme: Theme) {
        let rows: [KeyHelp?] = Explorer.globalKeys + [nil] + screen.keyHelp
        let keyWidth = rows.compactMap { $0?.keys.unicodeScalars.count }.max() ?? 0
        let textWidth = rows.compactMap { $0.map { keyWidth + 2 + $0.action.unicodeScalars.count } }.max() ?? 0
        let w = min(grid.width - 2, textWidth + 4), h = min(grid.height - 2, rows.count + 4)
        let box = Rect(x: (grid.width - w) / 2, y: (grid.height - h) / 2, width: w, height: h)
        grid.fill(box)
        Frame(title: "Keys: \(screen.title)", style: theme.heading, titleStyle: theme.heading).render(into: &grid, area: box)
        let inner = Frame.inner(box).inset(dx: 1, dy: 1)
        for (i, row) in rows.enumerated() {
            guard let row else {
                grid.write(String(repeating: "─", count: inner.width), in: inner, row: i, style: theme.frame)
                continue
            }
            StyledLine([(row.keys.padded(to: keyWidth + 2), theme.number), (row.action, theme.plain)])
                .render(into: &grid, rect: inner, row: i)
        }
    }
}
