import AlexNetCore

/// The ReLU-vs-tanh screen (the paper's Figure 1): the runs train side by side, their training-error
/// curves drawn live in two colours against the target line, and the steps-to-target ratio filled in
/// once both runs have reached it.
public struct CompareScreen: Screen {
    public private(set) var summary: ComparisonSummary
    public private(set) var state: TrainingSnapshot.State
    public private(set) var requests: [TrainingRequest] = []
    /// What is compared, for the header: "mini on Fashion-MNIST, batch 64, lr 0.01".
    public var description: String

    public init(description: String, target: Double, activations: [Activation]) {
        self.description = description
        summary = ComparisonSummary(target: target, curves: activations.map { TrainingCurve(activation: $0) })
        state = .idle
    }

    public var title: String { "ReLU vs tanh" }

    public var keyHelp: [KeyHelp] { [KeyHelp("Space", "start / pause both runs")] }

    public mutating func update(_ key: Key) {
        if key == " " { requests.append(.toggleRunning) }
    }

    public mutating func takeRequests() -> [TrainingRequest] {
        defer { requests.removeAll() }
        return requests
    }

    public mutating func show(_ summary: ComparisonSummary, state: TrainingSnapshot.State) {
        self.summary = summary; self.state = state
    }

    static let palette: [TerminalColor] = [.brightGreen, .brightRed, .brightBlue, .brightMagenta]

    static let explanation = """
        Why saturating units learn slowly: where |tanh′(x)| < 0.1 a unit passes almost no error signal \
        down; a ReLU passes all of it where it is active, none where it is zero. The bars measure both \
        after each layer at the last logged step: tanh units with |f′| < 0.1, ReLU units zero for the \
        whole batch. ‖∂W‖/‖W‖ is how far one SGD step moves that layer. The paper's four-layer CNN on \
        CIFAR-10 reached 25% six times faster with ReLU; this run measures the question afresh.
        """

    /// The explanation followed by what this run measured, layer by layer, once there is something.
    var measuredText: String {
        let parts = summary.curves.compactMap { c -> String? in
            let sat = c.lastMeasures.compactMap { m in m.saturation.map { "\(m.layer) \(Int(($0 * 100).rounded()))%" } }
            guard !sat.isEmpty, let step = c.points.last(where: { !$0.layers.isEmpty })?.step else { return nil }
            return "\(c.activation.rawValue) at step \(NumberText.grouped(step)): " + sat.joined(separator: ", ")
        }
        return parts.isEmpty ? Self.explanation : Self.explanation + " Measured saturation: " + parts.joined(separator: "; ") + "."
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let stateText: String = switch state {
        case .idle: "ready: press Space to start"
        case .running: "training both runs"
        case .paused: "paused: Space resumes"
        case .finished(let why): "finished: \(why)"
        case .failed(let why): "stopped: \(why)"
        }
        StyledLine([(description + "  ", theme.heading), (stateText, theme.dim)]).render(into: &grid, rect: area, row: 0)
        let anyPoints = summary.curves.contains { !$0.points.isEmpty }
        let result: String
        switch state {
        case .finished, .failed:
            // The verdict must show whole: drop the rates (the header names them) when the line is too long.
            let full = summary.resultLine
            result = !anyPoints ? "no steps yet" : full.count <= area.width ? full : summary.resultLine(compact: true)
        default: result = summary.progressLine
        }
        grid.write(result, in: area, row: 1, style: theme.number)

        let body = area.splitRows(3).1
        let panelWidth = body.width >= 90 ? min(42, body.width / 3) : 0
        let (curvesArea, panel) = body.splitColumns(body.width - panelWidth)
        // The saturation bars beside the curves, when the chart keeps at least 50 columns.
        let barsWidth = curvesArea.width >= 50 + SaturationBars.width ? SaturationBars.width : 0
        let (chartArea, barsArea) = curvesArea.splitColumns(curvesArea.width - barsWidth)
        if barsWidth > 0 {
            SaturationBars(curves: summary.curves, colors: Self.palette)
                .render(into: &grid, area: barsArea.inset(dx: 1, dy: 0), theme: theme)
        }
        let series = summary.curves.enumerated().map { i, c in
            ChartSeries(name: c.activation.rawValue,
                        points: c.points.map { ChartPoint(x: Double($0.step), y: $0.trainError) },
                        color: Self.palette[i % Self.palette.count])
        }
        let pct = NumberText.fixed(summary.target * 100, 0) + "% target"
        LineChart(series: series, target: (summary.target, pct), xLabel: "step", title: "Training error")
            .render(into: &grid, area: chartArea, theme: theme)
        if panelWidth > 0 {
            let inner = Frame.inner(panel)
            Frame(title: "Why", style: theme.frame, titleStyle: theme.heading).render(into: &grid, area: panel)
            StyledLine.render(StyledLine.wrapped(measuredText, width: inner.width - 1, style: theme.plain),
                              into: &grid, rect: inner.inset(dx: 0, dy: 0))
        }
    }
}
