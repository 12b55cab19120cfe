import Localization
import AlexNetCore

/// Screen 1: the pipeline as a row of blocks; ←/→ step through the layers while the panels show the
/// current layer's formula, parameters, costs and what the paper says about it.
public struct LayerWalkScreen: Screen {
    public let report: ShapeReport
    /// Index into `report.layers`.
    public private(set) var selected: Int
    /// Lines the detail panels are scrolled by (0 at the top); a new layer starts at the top.
    public private(set) var scroll = 0
    /// The area and theme of the last layout, to know how far the panels can scroll.
    private var measured: (area: Rect, theme: Theme)?

    public init(report: ShapeReport, selected: Int = 0) {
        self.report = report
        self.selected = min(max(0, selected), max(0, report.layers.count - 1))
    }

    public var title: String { Messages.tabLayers }

    public var keyHelp: [KeyHelp] {
        [KeyHelp("←/→ h/l", Messages.keyPreviousNextLayer), KeyHelp("Home/End", Messages.keyFirstLastLayer),
         KeyHelp("J/K PgDn/PgUp", Messages.keyScrollText), KeyHelp("c", Messages.keyNextConvFC)]
    }

    public var footerKeys: [KeyHelp] {
        [KeyHelp("←/→", Messages.keyLayer), KeyHelp("J/K", Messages.keyScroll), KeyHelp("c", Messages.keyNextConvFCShort), KeyHelp("Home/End", Messages.keyFirstLast)]
    }

    public var current: LayerReport { report.layers[selected] }

    public mutating func layout(area: Rect, theme: Theme) {
        measured = (area, theme)
        scroll = min(scroll, maxScroll)
    }

    /// Selects a layer by name (lessons' `show: walk conv2`); unknown names leave the selection.
    public mutating func focus(layer name: String) {
        if let i = report.layers.firstIndex(where: { $0.name == name }) { selected = i }
    }

    public mutating func update(_ key: Key) -> [AppRequest] {
        let last = report.layers.count - 1
        let before = selected
        defer { if selected != before { scroll = 0 } }
        switch key {
        case "J", .pageDown: scroll = min(maxScroll, scroll + page)
        case "K", .pageUp: scroll = max(0, scroll - page)
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

    /// The panels' area below the pipeline strip.
    static func body(_ area: Rect) -> Rect { area.splitRows(PipelineStrip.rows).1.splitRows(1).1 }

    private func panels(body: Rect, theme: Theme) -> LayerPanels.Layout {
        LayerPanels.layout(detail: LayerDetail.lines(for: selected, in: report, theme: theme),
                           explanation: LayerExplanation.explanation(for: selected, in: report),
                           table: ParameterTable.lines(report: report, selected: selected,
                                                       width: LayerPanels.rightWidth(body), theme: theme),
                           area: body, theme: theme)
    }

    /// How far the current layer's panels scroll in the last measured area (0 before the first layout).
    var maxScroll: Int {
        guard let measured else { return 0 }
        return panels(body: Self.body(measured.area), theme: measured.theme).maxScroll
    }

    private var page: Int { measured.map { ScrollView.page(height: Self.body($0.area).height) } ?? 1 }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let blocks = [PipelineStrip.Block(name: "input", shape: report.input.description)]
            + report.layers.map { PipelineStrip.Block(name: $0.name, shape: $0.output.description) }
        let stripArea = area.splitRows(PipelineStrip.rows).0
        PipelineStrip(blocks: blocks, selected: selected + 1).render(into: &grid, area: stripArea, theme: theme)
        let body = Self.body(area)
        LayerPanels.render(detail: LayerDetail.lines(for: selected, in: report, theme: theme),
                           explanation: LayerExplanation.explanation(for: selected, in: report),
                           table: ParameterTable.lines(report: report, selected: selected,
                                                       width: LayerPanels.rightWidth(body), theme: theme),
                           scroll: scroll, scrollKeys: ("J/PgDn", "K/PgUp"), into: &grid, area: body, theme: theme)
    }
}
