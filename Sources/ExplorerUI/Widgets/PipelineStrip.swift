/// The whole network as a row of blocks, name above shape, with arrows between and the current
/// block highlighted; scrolls so the current block is always in view.
struct PipelineStrip {
    enum Mark: Sendable { case normal, changed, inexact, invalid, unknown }

    struct Block {
        var name: String
        var shape: String
        var mark: Mark = .normal
    }

    var blocks: [Block]
    var selected: Int

    static let rows = 3

    /// Draws into the first three rows of `area`: names, shapes with arrows, markers.
    func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard !blocks.isEmpty, area.height >= 2 else { return }
        let arrow = " → "
        let widths = blocks.map { max($0.name.unicodeScalars.count, $0.shape.unicodeScalars.count) }
        var starts: [Int] = []
        var x = 0
        for w in widths { starts.append(x); x += w + arrow.unicodeScalars.count }
        // Scroll so the selected block sits near the middle when the strip is wider than the area.
        let sel = min(max(0, selected), blocks.count - 1)
        let total = x - arrow.unicodeScalars.count
        var offset = 0
        if total > area.width {
            offset = starts[sel] + widths[sel] / 2 - area.width / 2
            offset = min(max(0, offset), total - area.width)
        }
        for (i, block) in blocks.enumerated() {
            let bx = area.x + starts[i] - offset
            let w = widths[i]
            guard bx + w > area.x, bx < area.maxX else { continue }
            var style = theme.plain, shapeStyle = theme.number
            switch block.mark {
            case .normal: break
            case .changed: shapeStyle = theme.changed
            case .inexact: shapeStyle = theme.warning
            case .invalid: style = theme.error; shapeStyle = theme.error
            case .unknown: shapeStyle = theme.dim
            }
            if i == sel { style = theme.selected; shapeStyle = theme.selected }
            let clip = area
            put(block.name.padded(to: w), x: bx, y: area.y, style: i == sel ? style : theme.heading, clip: clip, grid: &grid)
            put(block.shape.padded(to: w), x: bx, y: area.y + 1, style: shapeStyle, clip: clip, grid: &grid)
            if i < blocks.count - 1 {
                put(arrow, x: bx + w, y: area.y + 1, style: theme.dim, clip: clip, grid: &grid)
            }
            if area.height >= 3 {
                let marker: String
                switch block.mark {
                case .inexact: marker = "!"
                case .invalid: marker = "✗"
                case .changed: marker = i == sel ? "▲" : "*"
                default: marker = i == sel ? "▲" : ""
                }
                let mstyle = block.mark == .invalid ? theme.error : block.mark == .inexact ? theme.warning : theme.heading
                put(String(marker.unicodeScalars.prefix(max(w, 1))), x: bx, y: area.y + 2, style: mstyle, clip: clip, grid: &grid)
            }
        }
        if offset > 0 { grid.put("‹", x: area.x, y: area.y + 1, style: theme.dim) }
        if total - offset > area.width { grid.put("›", x: area.maxX - 1, y: area.y + 1, style: theme.dim) }
    }

    private func put(_ text: String, x: Int, y: Int, style: CellStyle, clip: Rect, grid: inout CellGrid) {
        var cx = x
        for s in text.unicodeScalars {
            grid.put(s, x: cx, y: y, style: style, clip: clip)
            cx += 1
        }
    }
}

extension String {
    /// Pads with spaces to `width` columns (counting scalars; every glyph here is one column).
    func padded(to width: Int) -> String {
        let n = unicodeScalars.count
        return n >= width ? self : self + String(repeating: " ", count: width - n)
    }

    func leftPadded(to width: Int) -> String {
        let n = unicodeScalars.count
        return n >= width ? self : String(repeating: " ", count: width - n) + self
    }
}
