/// A line of text made of differently styled spans, for panels of mixed headings and numbers.
struct StyledLine: Sendable {
    var spans: [(text: String, style: CellStyle)]

    init(_ spans: [(String, CellStyle)] = []) { self.spans = spans.map { (text: $0.0, style: $0.1) } }
    init(_ text: String, _ style: CellStyle = .plain) { spans = [(text: text, style: style)] }

    var width: Int { spans.reduce(0) { $0 + $1.text.unicodeScalars.count } }

    /// Draws at row `row` of `rect`, clipped to it.
    func render(into grid: inout CellGrid, rect: Rect, row: Int, column: Int = 0) {
        guard row >= 0, row < rect.height else { return }
        var x = rect.x + column
        for span in spans where x < rect.maxX {
            x = grid.write(span.text, x: x, y: rect.y + row, style: span.style, maxWidth: rect.maxX - x)
        }
    }

    /// Draws lines from the top of `rect`, as many as fit.
    static func render(_ lines: [StyledLine], into grid: inout CellGrid, rect: Rect) {
        for (i, line) in lines.prefix(rect.height).enumerated() { line.render(into: &grid, rect: rect, row: i) }
    }

    /// Word-wrapped plain text as lines in one style.
    static func wrapped(_ text: String, width: Int, style: CellStyle) -> [StyledLine] {
        TextWrap.wrap(text, width: width).map { StyledLine($0, style) }
    }
}
