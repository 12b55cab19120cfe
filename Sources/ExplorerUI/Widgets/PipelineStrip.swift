/// The whole network as a row of blocks, name above shape, with arrows between and the current
/// block highlighted; scrolls by whole blocks so the current one is always in view.
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

    /// The blocks shown: a run of whole blocks around the selected one that fits in `width` columns,
    /// with room for a "‹ " before it and a " ›" after it when blocks are hidden on that side.
    /// The run grows from the selected block to the right and to the left in turn, so the selected
    /// block stays near the middle and the strip moves by whole layers, never cutting a name or shape.
    func visibleRange(width: Int) -> ClosedRange<Int> {
        let sel = min(max(0, selected), blocks.count - 1)
        let widths = blocks.map(Self.width)
        func cost(_ a: Int, _ b: Int) -> Int {
            widths[a...b].reduce(0, +) + Self.arrow.count * (b - a) + (a > 0 ? 2 : 0) + (b < blocks.count - 1 ? 2 : 0)
        }
        var (a, b) = (sel, sel)
        var growRight = true
        while a > 0 || b < blocks.count - 1 {
            if growRight, b < blocks.count - 1, cost(a, b + 1) <= width { b += 1 }
            else if a > 0, cost(a - 1, b) <= width { a -= 1 }
            else if b < blocks.count - 1, cost(a, b + 1) <= width { b += 1 }
            else { break }
            growRight.toggle()
        }
        return a...b
    }

    static let arrow = " → "
    static func width(_ block: Block) -> Int { max(block.name.displayWidth, block.shape.displayWidth) }

    /// Draws into the first three rows of `area`: names, shapes with arrows, markers.
    func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard !blocks.isEmpty, area.height >= 2 else { return }
        let sel = min(max(0, selected), blocks.count - 1)
        let range = visibleRange(width: area.width)
        var bx = area.x
        if range.lowerBound > 0 { grid.put("‹", x: bx, y: area.y + 1, style: theme.dim); bx += 2 }
        for i in range {
            let block = blocks[i]
            let w = Self.width(block)
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
            if i < range.upperBound {
                put(Self.arrow, x: bx + w, y: area.y + 1, style: theme.dim, clip: clip, grid: &grid)
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
            bx += w + (i < range.upperBound ? Self.arrow.count : 0)
        }
        if range.upperBound < blocks.count - 1 { grid.put("›", x: bx + 1, y: area.y + 1, style: theme.dim, clip: area) }
    }

    private func put(_ text: String, x: Int, y: Int, style: CellStyle, clip: Rect, grid: inout CellGrid) {
        var cx = x
        for s in text.unicodeScalars {
            let w = s.displayWidth
            guard w > 0 else { continue }
            // A wide character shows only when both its columns are inside the clip.
            if w == 1 || (cx >= clip.x && cx + 1 < clip.maxX) {
                grid.put(s, x: cx, y: y, style: style, clip: clip)
                if w == 2 { grid.put(Cell.wideContinuation.character, x: cx + 1, y: y, style: style, clip: clip) }
            }
            cx += w
        }
    }
}
