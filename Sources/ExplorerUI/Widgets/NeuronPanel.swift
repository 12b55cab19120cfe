import AlexNetCore

/// The inspector panel for one unit: the input patch and the kernel slice as small heatmaps side by side
/// (a pool unit: its window), then the explanation's lines wrapped to the panel, scrolled from `offset`
/// with a "more ↑"/"more ↓" mark whenever lines are out of sight.
public struct NeuronPanel: Sendable {
    public var explanation: NeuronExplanation
    /// The weights' class names, which name the softmax's classes.
    public var classNames: [String] = []
    /// The first text line shown; clamped when drawn.
    public var offset: Int

    public init(explanation: NeuronExplanation, offset: Int = 0) {
        self.explanation = explanation; self.offset = offset
    }

    // MARK: - Heatmaps

    /// The heatmaps to draw side by side, each with its caption: for a conv unit the patch and the kernel
    /// slice of the channel whose products add up to the most; for a pool unit the window.
    public var heatmaps: [(caption: String, image: HeatmapImage)] {
        let e = explanation
        if let patch = e.patch, let kernel = e.kernel, let strongest = e.strongestChannel {
            let first = e.group?.channels.lowerBound ?? 0
            let (c, f) = (patch.shape[0], patch.shape[1])
            let i = min(c - 1, max(0, strongest - first))
            let range = (i * f * f)..<((i + 1) * f * f)
            let p = patch.data[range], k = kernel.data[range]
            let m = max(abs(k.min() ?? 0), abs(k.max() ?? 0))
            let which = c > 1 ? " ch \(strongest)" : ""
            return [("input\(which)", HeatmapImage(width: f, height: f, values: p, low: p.min() ?? 0, high: p.max() ?? 1, scale: .sequential)),
                    ("kernel\(which)", HeatmapImage(width: f, height: f, values: k, low: -m, high: m, scale: .diverging))]
        }
        if let pool = e.pool, let w = pool.values.first?.count {
            let values = pool.values.flatMap { $0 }.map(Float.init)
            return [("window", HeatmapImage(width: w, height: pool.values.count, values: values[...],
                                            low: values.min() ?? 0, high: values.max() ?? 1, scale: .sequential))]
        }
        return []
    }

    /// Rows the heatmap strip takes (caption included), or 0 when there is none or it would leave fewer
    /// than `minimumTextRows` rows of text in `height`.
    public func heatmapRows(height: Int, capabilities: Capabilities, minimumTextRows: Int = 6) -> Int {
        let tallest = heatmaps.map { HeatmapView.cellSize(width: $0.image.width, height: $0.image.height, capabilities: capabilities).height }.max()
        guard let tallest else { return 0 }
        let rows = tallest + 1
        return height - rows >= minimumTextRows ? rows : 0
    }

    // MARK: - Text

    /// The explanation's lines wrapped to `width`; a wrapped line's continuation is indented.
    public func textLines(width: Int) -> [String] {
        var out: [String] = []
        var source = NeuronReport.lines(explanation, classNames: classNames)
        if let patch = explanation.patch, patch.shape[0] > 1, let strongest = explanation.strongestChannel, !source.isEmpty {
            // Which of the channels the two heatmaps show, right under the title.
            source.insert("heatmaps: channel \(strongest), whose products add up to the most of the \(patch.shape[0])", at: 1)
        }
        // A continuation is indented two columns, so it reads as part of the line above.
        for line in source { out += TextWrap.wrap(line, width: max(1, width), proseIndent: 2) }
        return out
    }

    /// The largest useful offset for a text area of `rows` rows (one row goes to the "more ↑" mark).
    public func maxOffset(width: Int, rows: Int) -> Int {
        let count = textLines(width: width).count
        return count > rows ? count - max(1, rows - 1) : 0
    }

    /// Scrolls by `lines`, clamped to what the area can show.
    public mutating func scroll(by lines: Int, area: Rect, capabilities: Capabilities) {
        let rows = area.height - heatmapRows(height: area.height, capabilities: capabilities)
        offset = min(max(0, offset + lines), maxOffset(width: area.width, rows: rows))
    }

    // MARK: - Drawing

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard area.width > 0, area.height > 0 else { return }
        let stripRows = heatmapRows(height: area.height, capabilities: theme.capabilities)
        if stripRows > 0 {
            var x = area.x
            for (caption, image) in heatmaps {
                let view = HeatmapView(image: image, capabilities: theme.capabilities)
                let width = max(view.size.width, caption.count)
                guard x + view.size.width <= area.maxX else { break }
                grid.write(caption, x: x, y: area.y, style: theme.dim, maxWidth: area.maxX - x)
                view.render(into: &grid, x: x, y: area.y + 1, clip: area)
                x += width + 2
            }
        }
        let text = Rect(x: area.x, y: area.y + stripRows, width: area.width, height: area.height - stripRows)
        let lines = textLines(width: text.width)
        let start = min(max(0, offset), maxOffset(width: text.width, rows: text.height))
        var y = text.y
        if start > 0 {
            mark("more ↑", into: &grid, rect: text, y: y, theme: theme)
            y += 1
        }
        var i = start
        while i < lines.count, y < text.maxY {
            if y == text.maxY - 1, i < lines.count - 1 {
                mark("more ↓ \(lines.count - i) lines", into: &grid, rect: text, y: y, theme: theme)
                break
            }
            grid.write(lines[i], in: text, row: y - text.y, style: style(of: lines[i], first: i == 0, theme: theme))
            i += 1; y += 1
        }
    }

    private func style(of line: String, first: Bool, theme: Theme) -> CellStyle {
        if first { return theme.heading }
        if line.hasPrefix("value ") { return theme.good }
        if line.hasPrefix("grouped conv") { return theme.warning }
        return theme.plain
    }

    private func mark(_ text: String, into grid: inout CellGrid, rect: Rect, y: Int, theme: Theme) {
        let w = min(rect.width, text.count)
        grid.write(text, x: rect.maxX - w, y: y, style: theme.warning, maxWidth: w)
    }
}
