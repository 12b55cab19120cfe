import AlexNetCore

/// Screen 1: the pipeline as a row of blocks; ←/→ step through the layers while the panels show the
/// current layer's formula, parameters, costs and what the paper says about it.
public struct LayerWalkScreen: Screen {
    public let report: ShapeReport
    /// Index into `report.layers`.
    public private(set) var selected: Int

    public init(report: ShapeReport, selected: Int = 0) {
        self.report = report
        self.selected = min(max(0, selected), max(0, report.layers.count - 1))
    }

    public var title: String { "Layers" }

    public var keyHelp: [KeyHelp] {
        [KeyHelp("←/→ h/l", "previous / next layer"), KeyHelp("Home/End", "first / last layer"),
         KeyHelp("c", "next conv or fc layer")]
    }

    public var current: LayerReport { report.layers[selected] }

    /// Selects a layer by name (lessons' `show: walk conv2`); unknown names leave the selection.
    public mutating func focus(layer name: String) {
        if let i = report.layers.firstIndex(where: { $0.name == name }) { selected = i }
    }

    public mutating func update(_ key: Key) -> [AppRequest] {
        let last = report.layers.count - 1
        switch key {
        case .left, "h": selected = max(0, selected - 1)
        case .right, "l": selected = min(last, selected + 1)
        case .home: selected = 0
        case .end: selected = last
        case "c":
            if let next = report.layers.indices.dropFirst(selected + 1).first(where: { report.layers[$0].kind.isLearned }) {
                selected = next
            } else if let first = report.layers.indices.first(where: { report.layers[$0].kind.isLearned }) {
                selected = first
            }
        default: break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let blocks = [PipelineStrip.Block(name: "input", shape: report.input.paperDescription)]
            + report.layers.map { PipelineStrip.Block(name: $0.name, shape: $0.output.paperDescription) }
        let (stripArea, rest) = area.splitRows(PipelineStrip.rows)
        PipelineStrip(blocks: blocks, selected: selected + 1).render(into: &grid, area: stripArea, theme: theme)
        let body = rest.splitRows(1).1
        LayerPanels.render(detail: LayerDetail.lines(for: selected, in: report, theme: theme),
                           explanation: LayerFacts.explanation(for: selected, in: report),
                           table: ParameterTable.lines(report: report, selected: selected,
                                                       width: LayerPanels.rightWidth(body), theme: theme),
                           into: &grid, area: body, theme: theme)
    }
}
