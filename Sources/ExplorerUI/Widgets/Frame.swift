/// A box drawn with line characters around a rectangle, with an optional title in the top edge.
struct Frame {
    var title: String?
    var style: CellStyle
    var titleStyle: CellStyle

    func render(into grid: inout CellGrid, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let (x0, y0, x1, y1) = (area.x, area.y, area.maxX - 1, area.maxY - 1)
        for x in (x0 + 1)..<x1 {
            grid.put("─", x: x, y: y0, style: style); grid.put("─", x: x, y: y1, style: style)
        }
        for y in (y0 + 1)..<y1 {
            grid.put("│", x: x0, y: y, style: style); grid.put("│", x: x1, y: y, style: style)
        }
        grid.put("┌", x: x0, y: y0, style: style); grid.put("┐", x: x1, y: y0, style: style)
        grid.put("└", x: x0, y: y1, style: style); grid.put("┘", x: x1, y: y1, style: style)
        if let title, area.width > 4 {
            grid.write(" \(title) ", x: x0 + 1, y: y0, style: titleStyle, maxWidth: area.width - 2)
        }
    }

    /// The inside of the frame.
    static func inner(_ area: Rect) -> Rect { area.inset(dx: 1, dy: 1) }
}
