import Localization
import AlexNetCore

/// All filters as heatmaps in rows; the grid pages so that the selected filter is visible, and the
/// selected one is underlined with its number.
struct FilterGrid {
    let filters: FilterSet?
    let capabilities: Capabilities
    /// How the images were drawn, for the status line: RGB patches (3-channel filters) or `channel`'s heatmap.
    var rgbPatches = true
    var channel = 0

    /// Cells per filter including the gap: one column right, one row below (for the label), with the
    /// filters shrunk 1:`factor`.
    func pitch(factor: Int = 1) -> (width: Int, height: Int) {
        guard let f = filters else { return (1, 1) }
        let s = HeatmapView.cellSize(width: (f.kernelWidth + factor - 1) / factor, height: (f.kernelHeight + factor - 1) / factor,
                                     capabilities: capabilities)
        return (max(s.width, 3) + 1, s.height + 1)
    }

    /// 1 when a filter and its label fit in `area` (less the status row), else the smallest whole
    /// factor that makes them fit: a filter is shrunk, never cropped.
    func factor(for area: Rect) -> Int {
        guard let f = filters else { return 1 }
        let rows = max(1, area.height - 2) * (capabilities.halfBlocks ? 2 : 1)
        return max(1, (f.kernelHeight + rows - 1) / rows)
    }

    func columns(for area: Rect) -> Int { max(1, (area.width + 1) / pitch(factor: factor(for: area)).width) }

    func render(into grid: inout CellGrid, area: Rect, selected: Int, images: [HeatmapImage], theme: Theme) {
        guard let f = filters else { return }
        let legendRows = 1
        let gridArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendRows)
        let shrink = factor(for: area)
        let pitch = pitch(factor: shrink)
        let cols = max(1, (gridArea.width + 1) / pitch.width)
        let visibleRows = max(1, gridArea.height / pitch.height)
        let totalRows = (f.count + cols - 1) / cols
        let selRow = selected / cols
        let firstRow = (selRow / visibleRows) * visibleRows
        for i in (firstRow * cols)..<min(f.count, (firstRow + visibleRows) * cols) {
            let r = i / cols - firstRow, c = i % cols
            let x = gridArea.x + c * pitch.width, y = gridArea.y + r * pitch.height
            HeatmapView(image: images[i].shrunk(by: shrink), capabilities: capabilities).render(into: &grid, x: x, y: y, clip: gridArea)
            if i == selected {
                let label = "\(i)".padded(to: pitch.width - 1)
                grid.write(label, x: x, y: y + pitch.height - 1, style: theme.selected, maxWidth: gridArea.maxX - x)
            }
        }
        let pages = (totalRows + visibleRows - 1) / visibleRows
        // A negative selection (the training screen's live view) selects nothing.
        // The status keeps whole parts, most useful first, as many as the width takes.
        // Numbered from 0, as the CLI's tiles, --channel and the tensors are.
        // Without colour there is no blue or red: the ramp below is the legend.
        var parts = [selected >= 0 ? Messages.filterOf(index: selected, last: f.count - 1) : Messages.filtersCount(count: f.count)]
        if pages > 1 { parts.append(Messages.filterRows(first: firstRow + 1, last: min(totalRows, firstRow + visibleRows), total: totalRows)) }
        parts.append(f.channels == 3 && rgbPatches ? Messages.filterRGBScale
            : (capabilities.halfBlocks ? Messages.filterChannelColours(channel: channel) : Messages.filterChannelOnly(channel: channel))
                + (f.channels == 3 ? Messages.filterPressV : ""))
        if shrink > 1 { parts.insert(Messages.filterShown(shrink: shrink), at: 1) }
        // Without colour the ramp is the legend (and "full colour" would mean nothing).
        if !capabilities.halfBlocks { parts.append(Messages.filterRamp) }
        else if f.channels == 3 && rgbPatches { parts.append(Messages.filterColourLegend) }
        StyledLine.joined(parts, width: area.width, style: theme.dim).first?.render(into: &grid, rect: area, row: area.height - 1)
    }
}
