/// The two-panel body shared by the layer walk and the what-if screen: numbers on the left,
/// explanation over a table on the right.
enum LayerPanels {
    static func leftWidth(_ area: Rect) -> Int { min(max(44, area.width * 55 / 100), 64, area.width) }
    static func rightWidth(_ area: Rect) -> Int { max(0, area.width - leftWidth(area) - 2) }

    static func render(detail: [StyledLine], explanation: String, table: [StyledLine],
                       into grid: inout CellGrid, area: Rect, theme: Theme) {
        let (left, rest) = area.splitColumns(leftWidth(area))
        let right = rest.splitColumns(2).1
        let detail = detail.flatMap { $0.wrapped(width: left.width) }
        StyledLine.render(detail, into: &grid, rect: left)
        if right.width >= 20 {
            for y in right.y..<right.maxY { grid.put("│", x: right.x - 2, y: y, style: theme.frame) }
            // The table keeps its rows at the bottom; the explanation gets what is left above it.
            let tableRows = min(table.count, max(0, right.height - 3))
            let textRows = right.height - tableRows - (tableRows > 0 ? 1 : 0)
            let text = StyledLine.wrapped(explanation, width: right.width, style: theme.plain)
            StyledLine.render(Array(text.prefix(textRows)), into: &grid,
                              rect: Rect(x: right.x, y: right.y, width: right.width, height: textRows))
            StyledLine.render(Array(table.prefix(tableRows)), into: &grid,
                              rect: Rect(x: right.x, y: right.maxY - tableRows, width: right.width, height: tableRows))
        } else {
            // Narrow window: the explanation follows the numbers.
            let after = Rect(x: left.x, y: left.y + detail.count + 1, width: left.width, height: left.height - detail.count - 1)
            StyledLine.render(StyledLine.wrapped(explanation, width: after.width, style: theme.plain), into: &grid, rect: after)
        }
    }
}
