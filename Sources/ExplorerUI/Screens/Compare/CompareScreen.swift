import AlexNetCore

/// The ReLU-vs-tanh screen (the paper's Figure 1): the runs train side by side, their training-error
/// curves drawn live in two colours against the target line, and the steps-to-target ratio filled in
/// once both runs have reached it.
public struct CompareScreen: Screen {
    public private(set) var summary: ComparisonSummary
    public private(set) var state: TrainingSnapshot.State
    /// Why this network and not the explored one, when they differ.
    public private(set) var engineReason: String?
    /// What is compared, for the header: "mini on Fashion-MNIST, batch 64, lr 0.01".
    public var description: String

    public init(description: String, target: Double, activations: [Activation]) {
        self.description = description
        summary = ComparisonSummary(target: target, curves: activations.map { TrainingCurve(activation: $0) })
        state = .idle
    }

    public var title: String { "ReLU vs tanh" }

    public var keyHelp: [KeyHelp] { [KeyHelp("Space", "start / pause both runs")] }
    public var footerKeys: [KeyHelp] { [KeyHelp("Space", "start/pause both")] }

    public mutating func update(_ key: Key) -> [AppRequest] {
        key == " " ? [.comparison(.toggleRunning)] : []
    }

    public mutating func observe(_ model: AppModel) {
        engineReason = model.engine.why
        show(model.comparison, state: model.comparisonState)
    }

    public mutating func show(_ summary: ComparisonSummary, state: TrainingSnapshot.State) {
        self.summary = summary; self.state = state
    }

    static let palette: [TerminalColor] = [.brightGreen, .brightRed, .brightBlue, .brightMagenta]

    static let explanation = """
        Why saturating units learn slowly: tanh(x) and the sigmoid flatten out for large |x|, so their \
        gradient there is close to 0 (tanh′ = 1 − tanh², σ′ = σ(1 − σ) ≤ 0.25) and every layer below \
        receives a shrunken error signal. ReLU's gradient is exactly 1 wherever the unit is active, so the \
        signal passes through undiminished. The paper measured a four-layer CNN on CIFAR-10 reaching 25% \
        training error six times faster with ReLU than with tanh (Figure 1). Here the program measures the \
        same question on its own network and data, from identical weights and identical batches.
        """

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let stateText: String = switch state {
        case .idle: "ready: press Space to start"
        case .running: "training both runs"
        case .paused: "paused: Space resumes"
        case .finished(let why): "finished: \(why)"
        case .failed(let why): "stopped: \(why)"
        }
        let anyPoints = summary.curves.contains { !$0.points.isEmpty }
        let result: String
        switch state {
        case .finished, .failed: result = anyPoints ? summary.resultLine : "no steps yet"
        default: result = summary.progressLine
        }
        // Header wrapped, never cut: what runs and its state, the result between whole parts, the note.
        var header = StyledLine.headline(description, state: stateText, width: area.width, styles: (theme.heading, theme.dim))
        header += StyledLine.joined(result.components(separatedBy: " · "), width: area.width, style: theme.number)
        if let engineReason { header += StyledLine.wrapped(engineReason, width: area.width, style: theme.dim).prefix(2) }
        header = Array(header.prefix(max(2, area.height - 7)))
        StyledLine.render(header, into: &grid, rect: area)

        let body = area.splitRows(header.count + 1).1
        let panelWidth = body.width >= 90 ? min(42, body.width / 3) : 0
        let (chartArea, panel) = body.splitColumns(body.width - panelWidth)
        let series = summary.curves.enumerated().map { i, c in
            ChartSeries(name: c.activation.rawValue,
                        points: c.points.map { ChartPoint(x: Double($0.step), y: $0.trainError) },
                        color: Self.palette[i % Self.palette.count])
        }
        let pct = NumberText.fixed(summary.target * 100, 0) + "% target"
        LineChart(series: series, target: (summary.target, pct), xLabel: "step", title: "Training error",
                  yBounds: 0...1, percent: true)
            .render(into: &grid, area: chartArea, theme: theme)
        if panelWidth > 0 {
            let inner = Frame.inner(panel)
            Frame(title: "Why", style: theme.frame, titleStyle: theme.heading).render(into: &grid, area: panel)
            StyledLine.render(StyledLine.wrapped(Self.explanation, width: inner.width - 1, style: theme.plain),
                              into: &grid, rect: inner.inset(dx: 0, dy: 0))
        }
    }
}
