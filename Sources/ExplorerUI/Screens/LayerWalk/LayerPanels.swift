/// The two-panel body shared by the layer walk and the what-if screen: numbers on the left,
/// explanation over a table on the right. When a panel's text is longer than the panel (80×24 is
/// the design size), both panels scroll together by `scroll` lines, each with its "more" marks.
enum LayerPanels {
    static func leftWidth(_ area: Rect) -> Int { min(max(44, area.width * 55 / 100), 64, area.width) }
    static func rightWidth(_ area: Rect) -> Int { max(0, area.width - leftWidth(area) - 2) }

    /// Below this the right panel is dropped and the explanation follows the numbers.
    static let minimumRightWidth = 20

    /// What each panel shows, as whole lists of lines (before scrolling).
    struct Layout {
        var left: Rect
        var right: Rect?
        var leftLines: [StyledLine]
        /// The explanation and the table as one list, for when they do not fit together.
        var rightLines: [StyledLine]
        /// Whether the explanation and the table fit without scrolling (the table then sits at the bottom).
        var rightFits: Bool
        var explanation: [StyledLine]
        var table: [StyledLine]

        /// The most `scroll` can usefully be: the larger of the two panels' last offsets.
        var maxScroll: Int {
            let l = ScrollView.maxOffset(lineCount: leftLines.count, height: left.height)
            let r = right.map { rightFits ? 0 : ScrollView.maxOffset(lineCount: rightLines.count, height: $0.height) } ?? 0
            return max(l, r)
        }
    }

    static func layout(detail: [StyledLine], explanation: String, table: [StyledLine], area: Rect, theme: Theme) -> Layout {
        let (left, rest) = area.splitColumns(leftWidth(area))
        let right = rest.splitColumns(2).1
        var leftLines = detail.flatMap { $0.wrapped(width: left.width) }
        if right.width >= minimumRightWidth {
            let table = table.flatMap { $0.wrapped(width: right.width, indent: 2) }
            let text = StyledLine.wrapped(explanation, width: right.width, style: theme.plain)
            let fits = text.count + (table.isEmpty ? 0 : 1) + table.count <= right.height
            return Layout(left: left, right: right, leftLines: leftLines, rightLines: text + [StyledLine()] + table,
                          rightFits: fits, explanation: text, table: table)
        }
        // Narrow window: the explanation follows the numbers, in the one scrolling panel.
        let text = StyledLine.wrapped(explanation, width: left.width, style: theme.plain)
        leftLines += [StyledLine()] + text
        return Layout(left: left, right: nil, leftLines: leftLines, rightLines: [], rightFits: true,
                      explanation: text, table: [])
    }

    static func render(detail: [StyledLine], explanation: String, table: [StyledLine], scroll: Int = 0,
                       scrollKeys: (down: String, up: String) = ("PgDn", "PgUp"),
                       into grid: inout CellGrid, area: Rect, theme: Theme) {
        let plan = layout(detail: detail, explanation: explanation, table: table, area: area, theme: theme)
        ScrollView(lines: plan.leftLines, offset: scroll, downKeys: scrollKeys.down, upKeys: scrollKeys.up)
            .render(into: &grid, rect: plan.left, theme: theme)
        guard let right = plan.right else { return }
        for y in right.y..<right.maxY { grid.put("│", x: right.x - 2, y: y, style: theme.frame) }
        if plan.rightFits {
            // Everything fits: the table keeps its rows at the bottom, the explanation sits on top.
            StyledLine.render(plan.explanation, into: &grid,
                              rect: Rect(x: right.x, y: right.y, width: right.width, height: plan.explanation.count))
            StyledLine.render(plan.table, into: &grid,
                              rect: Rect(x: right.x, y: right.maxY - plan.table.count, width: right.width, height: plan.table.count))
        } else {
            ScrollView(lines: plan.rightLines, offset: scroll, downKeys: scrollKeys.down, upKeys: scrollKeys.up)
                .render(into: &grid, rect: right, theme: theme)
        }
    }
}
