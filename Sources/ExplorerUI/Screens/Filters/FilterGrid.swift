import AlexNetCore

/// All filters as heatmaps in rows; the grid pages so that the selected filter is visible, and the
/// selected one is underlined with its number.
struct FilterGrid {
    let filters: FilterSet?
    let capabilities: Capabilities
    /// How the images were drawn, for the status line: RGB patches (3-channel filters) or `channel`'s heatmap.
    var rgbPatches = true
    var channel = 0

    /// Cells per filter including the gap: one column right, one row below (for the label).
    var pitch: (width: Int, height: Int) {
        guard let f = filters else { return (1, 1) }
        let s = HeatmapView.cellSize(width: f.kernelWidth, height: f.kernelHeight, capabilities: capabilities)
        return (max(s.width, 3) + 1, s.height + 1)
    }

    func columns(for area: Rect) -> Int { max(1, (area.width + 1) / pitch.width) }

    func render(into grid: inout CellGrid, area: Rect, selected: Int, images: [HeatmapImage], theme: Theme) {
        guard let f = filters else { return }
        let legendRows = 1
        let gridArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendRows)
        let cols = columns(for: gridArea)
        let visibleRows = max(1, gridArea.height / pitch.height)
        let totalRows = (f.count + cols - 1) / cols
        let selRow = selected / cols
        let firstRow = (selRow / visibleRows) * visibleRows
        for i in (firstRow * cols)..<min(f.count, (firstRow + visibleRows) * cols) {
            let r = i / cols - firstRow, c = i % cols
            let x = gridArea.x + c * pitch.width, y = gridArea.y + r * pitch.height
            HeatmapView(image: images[i], capabilities: capabilities).render(into: &grid, x: x, y: y, clip: gridArea)
            if i == selected {
                let label = "\(i)".padded(to: pitch.width - 1)
                grid.write(label, x: x, y: y + pitch.height - 1, style: theme.selected, maxWidth: gridArea.maxX - x)
            }
        }
        let pages = (totalRows + visibleRows - 1) / visibleRows
        // A negative selection (the training screen's live view) selects nothing.
        var status = selected >= 0 ? "filter \(selected) of \(f.count)" : "\(f.count) filters"
        if pages > 1 { status += " · rows \(firstRow + 1)–\(min(totalRows, firstRow + visibleRows)) of \(totalRows)" }
        status += f.channels == 3 && rgbPatches
            ? " · RGB, one scale per filter (min → black, max → full colour)"
            : " · channel \(channel), blue < 0 < red" + (f.channels == 3 ? " (v: RGB)" : "")
        if !capabilities.halfBlocks { status += " · ramp \" .:-=+*#%@\" low → high" }
        grid.write(status, in: area, row: area.height - 1, style: theme.dim)
    }
}
