import Localization
import AlexNetCore

/// Screen 2: change a conv or pool layer's kernel, stride and padding (or the input size) and watch
/// every shape downstream recompute; impossible or inexact tilings are shown where they happen.
public struct WhatIfScreen: Screen {
    private(set) var model: WhatIfNetwork
    public private(set) var selected: Int
    /// Lines the panels are scrolled by; PgDn/PgUp only, since j/k/K edit the kernel here.
    public private(set) var scroll = 0
    private var measured: (area: Rect, theme: Theme)?

    public init(network: NetworkSpec, report: ShapeReport) {
        model = WhatIfNetwork(original: network, originalReport: report)
        selected = 0
    }

    public var title: String { Messages.tabWhatIf }

    /// Selects a layer by name (lessons' `show: whatif conv1`).
    public mutating func focus(layer name: String) {
        if let i = model.network.layers.firstIndex(where: { $0.name == name }) { selected = i }
    }

    public var keyHelp: [KeyHelp] {
        [KeyHelp("←/→ h/l", Messages.keyChooseLayer),
         KeyHelp("k / K", Messages.keyKernel), KeyHelp("s / S", Messages.keyStride), KeyHelp("p / P", Messages.keyPadding),
         KeyHelp("i / I", Messages.keyInputSize), KeyHelp("r", Messages.keyResetPreset),
         KeyHelp("PgDn/PgUp", Messages.keyScrollText)]
    }

    public var footerKeys: [KeyHelp] {
        [KeyHelp("←/→", Messages.keyLayer), KeyHelp("k/K", Messages.keyKernelShort), KeyHelp("s/S", Messages.keyStrideShort),
         KeyHelp("p/P", Messages.keyPad), KeyHelp("i/I", Messages.keyInput), KeyHelp("r", Messages.keyReset), KeyHelp("PgDn", Messages.keyMore)]
    }

    public mutating func layout(area: Rect, theme: Theme) {
        measured = (area, theme)
        scroll = min(scroll, maxScroll)
    }

    static func body(_ area: Rect) -> Rect { LayerWalkScreen.body(area) }

    private func panels(body: Rect, theme: Theme) -> LayerPanels.Layout {
        LayerPanels.layout(detail: detailLines(theme: theme), explanation: explanation,
                           table: downstreamLines(theme: theme), area: body, theme: theme)
    }

    var maxScroll: Int {
        guard let measured else { return 0 }
        return panels(body: Self.body(measured.area), theme: measured.theme).maxScroll
    }

    /// The edited network's report, or nil while a layer is impossible.
    public var report: ShapeReport? { model.report }
    public var error: ShapeError? { model.error }
    public var network: NetworkSpec { model.network }

    public mutating func update(_ key: Key) -> [AppRequest] {
        let last = model.network.layers.count - 1
        let page = measured.map { ScrollView.page(height: Self.body($0.area).height) } ?? 1
        let before = selected
        defer { scroll = selected == before ? min(scroll, maxScroll) : 0 }   // a new layer starts at the top
        switch key {
        case .pageDown: scroll = min(maxScroll, scroll + page)
        case .pageUp: scroll = max(0, scroll - page)
        case .left, "h": selected = max(0, selected - 1)
        case .right, "l": selected = min(last, selected + 1)
        case .home: selected = 0
        case .end: selected = last
        case "k": model.adjust(.kernel, of: selected, by: -1)
        case "K": model.adjust(.kernel, of: selected, by: 1)
        case "s": model.adjust(.stride, of: selected, by: -1)
        case "S": model.adjust(.stride, of: selected, by: 1)
        case "p": model.adjust(.padding, of: selected, by: -1)
        case "P": model.adjust(.padding, of: selected, by: 1)
        case "i": model.adjustInput(by: -1)
        case "I": model.adjustInput(by: 1)
        case "r": model.reset()
        default: break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        PipelineStrip(blocks: blocks(), selected: selected + 1).render(into: &grid, area: area.splitRows(PipelineStrip.rows).0, theme: theme)
        LayerPanels.render(detail: detailLines(theme: theme), explanation: explanation,
                           table: downstreamLines(theme: theme), scroll: scroll, into: &grid, area: Self.body(area), theme: theme)
    }

    private func blocks() -> [PipelineStrip.Block] {
        let originalLayers = model.originalReport.layers
        let input = FeatureShape(model.network.input)
        var blocks = [PipelineStrip.Block(name: "input", shape: input.description,
                                          mark: input == model.originalReport.input ? .normal : .changed)]
        let shown = model.layers
        for (i, spec) in model.network.layers.enumerated() {
            if i < shown.count {
                let layer = shown[i]
                var mark: PipelineStrip.Mark = layer.output == originalLayers[i].output ? .normal : .changed
                if !layer.isExact { mark = .inexact }
                blocks.append(.init(name: spec.name, shape: layer.output.description, mark: mark))
            } else if i == model.errorIndex {
                blocks.append(.init(name: spec.name, shape: "✗", mark: .invalid))
            } else {
                blocks.append(.init(name: spec.name, shape: "?", mark: .unknown))
            }
        }
        return blocks
    }

    private func detailLines(theme: Theme) -> [StyledLine] {
        let spec = model.network.layers[selected]
        var lines: [StyledLine] = []
        let input = model.network.input
        let inputField: [(String, CellStyle)] = [
            (Messages.whatIfInput, theme.bold),
            ("\(input.height)×\(input.width)", model.network.input == model.original.input ? theme.number : theme.changed),
            (" [i/I]", theme.dim)]
        lines.append(StyledLine([(spec.name, theme.heading), ("  " + LayerDetail.kindName(spec.kind), theme.dim),
                                 (model.isEdited ? Messages.whatIfReset : "", theme.dim)]))
        let originalSpec = model.original.layers[selected]
        if let w = spec.kind.window, let w0 = originalSpec.kind.window {
            func field(_ label: String, _ v: Int, _ v0: Int, _ keys: String) -> [(String, CellStyle)] {
                [(label, theme.bold), ("\(v)", v == v0 ? theme.number : theme.changed), (" \(keys)   ", theme.dim)]
            }
            lines.append(StyledLine(field(Messages.whatIfKernel, w.kernel, w0.kernel, "[k/K]") + field(Messages.whatIfStride, w.stride, w0.stride, "[s/S]")))
            lines.append(StyledLine(field(Messages.whatIfPadding, w.padding, w0.padding, "[p/P]") + inputField))
        } else {
            lines.append(StyledLine(Messages.whatIfNotEditable, theme.dim))
            lines.append(StyledLine(inputField))
        }
        if let error = model.error, selected == model.errorIndex {
            lines.append(StyledLine("✗ " + error.message, theme.error))
            for l in TextWrap.wrap(Messages.whatIfNoShapeAfter, width: 60) {
                lines.append(StyledLine(l, theme.dim))
            }
            return lines
        }
        guard selected < model.layers.count else {
            lines.append(StyledLine(Messages.whatIfNoShape, theme.dim))
            if let error = model.error { lines.append(StyledLine("✗ " + error.description, theme.error)) }
            return lines
        }
        let layer = model.layers[selected]
        let was = model.originalReport.layers[selected]
        var shapeLine: [(String, CellStyle)] = [(layer.input.description, theme.number), (" → ", theme.dim),
                                                 (layer.output.description, layer.output == was.output ? theme.number : theme.changed)]
        if layer.output != was.output { shapeLine.append((Messages.whatIfPresetWas(output: "\(was.output)"), theme.dim)) }
        lines.append(StyledLine(shapeLine))
        if let f = layer.formula {
            for step in f.steps { lines.append(StyledLine("  " + step, theme.plain)) }
            if let w = layer.widthFormula { lines.append(StyledLine(Messages.detailWidth(formula: w.text), theme.plain)) }
            for (i, part) in LayerDetail.exactnessLines(f).enumerated() {
                lines.append(StyledLine((f.isExact || i > 0 ? "  " : "! ") + part, f.isExact ? theme.good : theme.warning))
            }
        }
        if let error = model.error {
            lines.append(StyledLine("✗ " + error.description, theme.error))
        }
        return lines
    }

    private var explanation: String {
        (model.originalReport.convolutionRounding == .ceil ? Messages.whatIfIntroCeil : Messages.whatIfIntro)
            + " " + Messages.whatIfMarks
    }

    /// Learned layers and pools: preset shape → now, and the parameter total that follows (fc6's
    /// weights depend on the last feature map's size).
    private func downstreamLines(theme: Theme) -> [StyledLine] {
        var lines = [StyledLine(Messages.whatIfTableHeader, theme.bold)]
        let shown = model.layers
        for (i, was) in model.originalReport.layers.enumerated() {
            switch was.kind {
            case .conv, .maxpool, .linear: break
            default: continue
            }
            let now: String, style: CellStyle
            if i < shown.count {
                now = shown[i].output.description
                style = shown[i].output == was.output ? theme.number : (shown[i].isExact ? theme.changed : theme.warning)
            } else {
                now = i == model.errorIndex ? "✗" : "?"
                style = i == model.errorIndex ? theme.error : theme.dim
            }
            let nameStyle = i == selected ? theme.selected : theme.plain
            lines.append(StyledLine([(was.name.padded(to: 7), nameStyle), (" " + was.output.description.padded(to: 11), theme.dim),
                                     (" " + now, style)]))
        }
        let before = model.originalReport.totalParams
        if let report = model.report {
            let after = report.totalParams
            lines.append(StyledLine([(Messages.whatIfParams, theme.bold), (NumberText.short(before).padded(to: 11), theme.dim),
                                     (" " + NumberText.short(after), after == before ? theme.number : theme.changed)]))
        }
        return lines
    }
}
