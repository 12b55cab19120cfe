/// A line of text made of differently styled spans, for panels of mixed headings and numbers.
struct StyledLine: Sendable {
    var spans: [(text: String, style: CellStyle)]

    init(_ spans: [(String, CellStyle)] = []) { self.spans = spans.map { (text: $0.0, style: $0.1) } }
    init(_ text: String, _ style: CellStyle = .plain) { spans = [(text: text, style: style)] }

    var width: Int { spans.reduce(0) { $0 + $1.text.displayWidth } }

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

    /// The line broken into lines of at most `width` columns by `TextWrap`'s rule; continuation lines are
    /// indented by `indent` (an indented line two columns past its own indent) so they read as part of the
    /// line above. Every character keeps its style.
    func wrapped(width: Int, indent: Int = 4) -> [StyledLine] {
        guard self.width > width, width > indent + 8 else { return [self] }
        var scalars: [Unicode.Scalar] = []
        var styles: [CellStyle] = []
        for span in spans {
            for u in span.text.unicodeScalars { scalars.append(u); styles.append(span.style) }
        }
        return TextWrap.pieces(scalars, width: width, proseIndent: indent).map { piece in
            var line = StyledLine()
            if piece.indent > 0 { line.spans.append((text: String(repeating: " ", count: piece.indent), style: .plain)) }
            var i = piece.range.lowerBound
            while i < piece.range.upperBound {
                var end = i + 1
                while end < piece.range.upperBound, styles[end] == styles[i] { end += 1 }
                line.spans.append((text: String(String.UnicodeScalarView(scalars[i..<end])), style: styles[i]))
                i = end
            }
            return line
        }
    }

    /// The line cut to `width` columns at a space, with "…" where words were left out; a line that
    /// fits is returned as it is. A first word longer than the width is cut (nothing else fits).
    func truncated(width: Int) -> StyledLine {
        guard self.width > width, width > 1 else { return self }
        let wrapped = self.wrapped(width: width - 1, indent: 0)
        guard var first = wrapped.first, first.width > 0 else { return self }
        while let last = first.spans.last, last.text.hasSuffix(" ") {
            first.spans[first.spans.count - 1].text.removeLast()
            if first.spans[first.spans.count - 1].text.isEmpty { first.spans.removeLast() }
        }
        let style = first.spans.last?.style ?? .plain
        first.spans.append((text: "…", style: style))
        return first
    }

    /// Parts ("step 40", "loss 0.512") joined by `separator` into as few lines of at most `width`
    /// columns as they go, a line breaking only between parts, so no figure is split from its label.
    static func joined(_ parts: [String], separator: String = " · ", width: Int, style: CellStyle) -> [StyledLine] {
        var lines: [String] = []
        var line = ""
        for part in parts where !part.isEmpty {
            let next = line.isEmpty ? part : line + separator + part
            if next.displayWidth > width, !line.isEmpty { lines.append(line); line = part } else { line = next }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { StyledLine($0, style) }
    }

    /// A title followed by a state ("ready: press Space to start"): on one line when both fit, else the
    /// title wrapped and the state on lines of its own, so the state is never split across the title.
    static func headline(_ title: String, state: String, width: Int, styles: (title: CellStyle, state: CellStyle)) -> [StyledLine] {
        let one = StyledLine([(title + "  ", styles.title), (state, styles.state)])
        if one.width <= width { return [one] }
        return StyledLine(title, styles.title).wrapped(width: width, indent: 2)
            + StyledLine(state, styles.state).wrapped(width: width, indent: 2)
    }

    /// Word-wrapped plain text as lines in one style.
    static func wrapped(_ text: String, width: Int, style: CellStyle) -> [StyledLine] {
        TextWrap.wrap(text, width: width).map { StyledLine($0, style) }
    }
}
