import Localization
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
    public init(description: String, targets: [Double], activations: [Activation]) {
        self.description = description
        summary = ComparisonSummary(targets: targets, curves: activations.map { TrainingCurve(activation: $0) })
        state = .idle
    }

    public var verdict: ComparisonVerdict { ComparisonVerdict(summary: summary) }

    /// Whether the runs are over, so that the verdict (not the progress) shows.
    private var isOver: Bool {
        switch state {
        case .finished, .failed: true
        default: false
        }
    }

    public var title: String { Messages.tabCompare }

    /// Whether a narrow window shows the "Why" text in place of the chart (`w`); wide ones show both.
    public private(set) var showingWhy = false
    /// Lines the "Why" text is scrolled by.
    public private(set) var whyScroll = 0
    private var measured: (area: Rect, theme: Theme)?

    public var keyHelp: [KeyHelp] {
        [KeyHelp("Space", Messages.keyStartPauseBothRuns), KeyHelp("w", Messages.keyWhyThisRun),
         KeyHelp("J/K PgDn/PgUp", Messages.keyScrollWhy)]
    }
    public var footerKeys: [KeyHelp] { [KeyHelp("Space", Messages.keyStartPauseBoth), KeyHelp("w", Messages.keyWhy), KeyHelp("J/K", Messages.keyScroll)] }

    public mutating func update(_ key: Key) -> [AppRequest] {
        let page = measured.flatMap { regions(area: $0.area, theme: $0.theme).why }.map { ScrollView.page(height: $0.height) } ?? 1
        switch key {
        case " ": return [.comparison(.toggleRunning)]
        case "w": showingWhy.toggle(); whyScroll = 0
        case .escape: showingWhy = false
        case "J", .pageDown: whyScroll = min(maxWhyScroll, whyScroll + page)
        case "K", .pageUp: whyScroll = max(0, whyScroll - page)
        default: break
        }
        return []
    }

    public mutating func layout(area: Rect, theme: Theme) {
        measured = (area, theme)
        whyScroll = min(whyScroll, maxWhyScroll)
    }

    private var maxWhyScroll: Int {
        guard let measured, let why = regions(area: measured.area, theme: measured.theme).why else { return 0 }
        return ScrollView.maxOffset(lineCount: whyLines(width: why.width, theme: measured.theme).count, height: why.height)
    }

    func whyLines(width: Int, theme: Theme) -> [StyledLine] {
        StyledLine.wrapped(measuredText, width: max(1, width - 1), style: theme.plain)
    }

    public mutating func observe(_ model: AppModel) {
        // A runtime that names its comparison runs its own network (figure1), whatever is explored.
        engineReason = model.comparisonDescription == nil ? model.engine.why : nil
        show(model.comparison, state: model.comparisonState)
    }

    public mutating func show(_ summary: ComparisonSummary, state: TrainingSnapshot.State) {
        self.summary = summary; self.state = state
    }

    static let palette: [TerminalColor] = [.brightGreen, .brightRed, .brightBlue, .brightMagenta]

    /// Before a result: what decides the race, without assuming who wins it.
    static var explanation: String { Messages.compareWhatDecides }

    /// The measures' definitions, as `compare --help` gives them.
    static var definitions: String { Messages.compareDefinitions }

    /// The panel's title: it follows the outcome.
    var whyTitle: String {
        guard isOver else { return Messages.whyTitle }
        return verdict.winner.map { Messages.whyWon(winner: ComparisonVerdict.name($0)) } ?? Messages.whyTitle
    }

    /// Before a verdict, the explanation; after it, the paper's finding, this run's measured reasons and the
    /// steps per target; the definitions last.
    var measuredText: String {
        guard isOver, summary.curves.contains(where: { !$0.points.isEmpty }) else {
            return Self.explanation + "\n\n" + Self.definitions
        }
        let v = verdict
        var parts = [v.paperLine] + v.reasons
        if let ratio = v.ratioLine { parts.append(ratio + ".") }
        parts.append(Self.definitions)
        return parts.joined(separator: "\n\n")
    }

    private var stateText: String {
        switch state {
        case .idle: Messages.stateReady
        case .running: Messages.stateTrainingBoth
        case .paused: Messages.statePaused
        // The verdict is in the header below; the state says only that the runs are over.
        case .finished: Messages.stateFinishedOnly
        case .failed(let why): Messages.stateStopped(why: why)
        }
    }

    /// Header wrapped, never cut: what runs and its state, then the progress, or the verdict naming the
    /// winner with the paper's finding beside it, then the steps-per-target ratios once a run passed the
    /// first target, then the note.
    private func header(width: Int, height: Int, theme: Theme) -> [StyledLine] {
        let anyPoints = summary.curves.contains { !$0.points.isEmpty }
        var results: [String]
        if isOver {
            results = anyPoints ? [verdict.winnerLine, Self.paperShort(verdict)] : [Messages.noStepsYet]
        } else {
            results = summary.progressLine.components(separatedBy: " · ")
        }
        let passedFirst = summary.curves.contains { $0.firstPoint(reaching: summary.target) != nil }
        if passedFirst, let ratio = verdict.ratioLine { results.append(ratio) }
        // The budget of the run on screen (200 from Space, a lesson's `experiment: N` its own), once there is one.
        let what = description + (summary.maxSteps.map { ", ≤\(NumberText.grouped($0)) steps" } ?? "")
        var header = StyledLine.headline(what, state: stateText, width: width, styles: (theme.heading, theme.dim))
        if isOver, anyPoints {
            header += StyledLine.wrapped(results[0], width: width, style: theme.number)
            header += results.dropFirst().flatMap { StyledLine.wrapped($0, width: width, style: theme.plain) }
        } else {
            header += StyledLine.joined(results, width: width, style: theme.number)
        }
        if let engineReason { header += StyledLine.wrapped(engineReason, width: width, style: theme.dim).prefix(2) }
        return Array(header.prefix(max(2, height - 7)))
    }

    /// The paper beside the verdict in one short line: `Paper (CIFAR-10): ReLU 6× faster. Here tanh won: w says why.`
    static func paperShort(_ v: ComparisonVerdict) -> String {
        let here: String
        switch v.winner {
        case .relu?: here = "ReLU won here too"
        case let w?: here = "here \(ComparisonVerdict.name(w)) won"
        case nil: here = "no winner here"
        }
        return "Paper (CIFAR-10): ReLU 6× faster than tanh; \(here). w: why"
    }

    /// The chart's area and the "Why" panel's inside: beside the chart from 90 columns, else in its
    /// place while `w` shows it.
    private func regions(area: Rect, theme: Theme) -> (header: [StyledLine], chart: Rect?, whyFrame: Rect?, why: Rect?) {
        let header = header(width: area.width, height: area.height, theme: theme)
        let body = area.splitRows(header.count + 1).1
        if body.width >= 90 {
            let (chart, panel) = body.splitColumns(body.width - min(42, body.width / 3))
            return (header, chart, panel, Frame.inner(panel))
        }
        return showingWhy ? (header, nil, body, Frame.inner(body)) : (header, body, nil, nil)
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let r = regions(area: area, theme: theme)
        StyledLine.render(r.header, into: &grid, rect: area)
        if let curvesArea = r.chart {
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
            let pct = Messages.targetLabel(target: NumberText.percent(summary.target, places: 0))
            LineChart(series: series, target: (summary.target, pct), xLabel: Messages.chartStep, title: Messages.chartTrainingError,
                      yBounds: 0...1, percent: true)
                .render(into: &grid, area: chartArea, theme: theme)
        }
        if let frame = r.whyFrame, let inner = r.why {
            let title = r.chart == nil ? Messages.whyTitleBackNamed(title: whyTitle) : whyTitle
            Frame(title: title, style: theme.frame, titleStyle: theme.heading).render(into: &grid, area: frame)
            ScrollView(lines: whyLines(width: inner.width, theme: theme), offset: whyScroll,
                       downKeys: "J/PgDn", upKeys: "K/PgUp").render(into: &grid, rect: inner, theme: theme)
        }
    }
}
