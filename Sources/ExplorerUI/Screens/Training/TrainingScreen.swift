import Localization
import AlexNetCore

/// Screen 5: train the current network on a background thread while watching the loss and error
/// curves and conv1's filters change. Space starts or pauses, `s` saves a checkpoint; nothing is saved
/// unless asked.
public struct TrainingScreen: Screen {
    public private(set) var snapshot: TrainingSnapshot
    private var filterImages: [HeatmapImage] = []
    /// What the run trains, for the header: "mini on Fashion-MNIST, batch 64".
    public var description: String
    /// Why this network and not the explored one, when they differ.
    public private(set) var engineReason: String?
    /// Where learning from scratch can be watched when it cannot on every screen here (`AppModel.learningNote`).
    public private(set) var learningNote: String?

    public init(description: String, snapshot: TrainingSnapshot = TrainingSnapshot()) {
        self.description = description
        self.snapshot = snapshot
        filterImages = Self.pictures(snapshot.filters)
    }

    public var title: String { Messages.tabTraining }

    public var keyHelp: [KeyHelp] {
        [KeyHelp("Space", Messages.keyStartPauseTraining), KeyHelp("s", Messages.keySaveCheckpoint),
         KeyHelp("r", Messages.keyResetWeights)]
    }

    public var footerKeys: [KeyHelp] {
        [KeyHelp("Space", Messages.keyStartPause), KeyHelp("s", Messages.keySave), KeyHelp("r", Messages.keyReset)]
    }

    public mutating func update(_ key: Key) -> [AppRequest] {
        switch key {
        case " ": [.training(.toggleRunning)]
        case "s": [.training(.save)]
        case "r": [.training(.reset)]
        default: []
        }
    }

    public mutating func observe(_ model: AppModel) {
        engineReason = model.engine.why
        learningNote = model.learningNote
        if model.training != snapshot { show(model.training) }
    }

    /// A new snapshot from the worker; filter pictures are made here, once per snapshot, not per frame.
    public mutating func show(_ new: TrainingSnapshot) {
        if new.filters != snapshot.filters { filterImages = Self.pictures(new.filters) }
        snapshot = new
    }

    private static func pictures(_ filters: FilterSet?) -> [HeatmapImage] {
        guard let filters else { return [] }
        return (0..<filters.count).map { HeatmapImage.filter(filters.weights, index: $0) }
    }

    var stateText: (String, KeyPath<Theme, CellStyle>) {
        switch snapshot.state {
        case .idle: (Messages.stateReady, \.dim)
        case .running:
            if let goal = snapshot.goal {
                (Messages.stateTrainingOf(done: snapshot.step - goal.from, steps: goal.to - goal.from), \.good)
            } else {
                (Messages.stateTraining, \.good)
            }
        case .paused: (Messages.statePaused, \.warning)
        case .finished(let why): (Messages.stateFinished(why: why), \.good)
        case .failed(let why): (Messages.stateStopped(why: why), \.error)
        }
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let s = snapshot
        let (stateLabel, stateStyle) = stateText
        // Header: what trains and its state, then the figures, each wrapped between whole parts.
        var header = StyledLine.headline(description, state: stateLabel, width: area.width,
                                         styles: (theme.heading, theme[keyPath: stateStyle]))
        var stats = [s.totalSteps.map { Messages.statStepOf(step: NumberText.grouped(s.step), total: NumberText.grouped($0)) }
                        ?? Messages.statStep(step: NumberText.grouped(s.step)),
                     Messages.statEpoch(epoch: NumberText.fixed(s.epoch, 2))]
        if s.imagesPerSecond > 0 { stats.append(Messages.statImagesPerSecond(rate: NumberText.grouped(rounding: s.imagesPerSecond))) }
        if s.learningRate > 0 { stats.append("lr \(s.learningRate)") }
        if let loss = s.loss.last { stats.append(Messages.statLoss(loss: NumberText.fixed(loss.y, 3))) }
        if let e = s.trainError.last { stats.append(Messages.statTrainError(error: NumberText.percent(e.y))) }
        if let e = s.testError.last { stats.append(Messages.statTestError(error: NumberText.percent(e.y))) }
        header += StyledLine.joined(stats, width: area.width, style: theme.number)
        if let message = s.message ?? engineReason {
            header += StyledLine.wrapped(message, width: area.width, style: theme.dim).prefix(2)
        }
        // Until a run has gone some way: the way to watch a network learn from scratch.
        if let learningNote, s.step < 100, s.message == nil {
            header += StyledLine.wrapped(learningNote, width: area.width, style: theme.dim).prefix(2)
        }
        header = Array(header.prefix(max(2, area.height - 7)))
        StyledLine.render(header, into: &grid, rect: area)

        // Body: the two charts (one when short of rows) and, when wide enough, the filters as they learn.
        let body = area.splitRows(header.count + 1).1
        let filtersWidth = s.filters == nil || body.width < 60 ? 0 : min(body.width / 3, 40)
        let (charts, side) = body.splitColumns(body.width - filtersWidth)
        let both = charts.height >= 12
        let (top, bottom) = both ? charts.splitRows(charts.height / 2) : (Rect(x: 0, y: 0, width: 0, height: 0), charts)
        let caps = theme.capabilities
        if both {
            LineChart(series: [ChartSeries(name: "loss", points: s.loss, color: .brightCyan)],
                      xLabel: Messages.chartStep, title: Messages.chartLoss, yBounds: 0...Double.infinity, xEnd: Double(s.step))
                .render(into: &grid, area: top, theme: theme)
        }
        var errors = [ChartSeries(name: "train", points: s.trainError, color: .brightYellow)]
        if !s.testError.isEmpty { errors.append(ChartSeries(name: "test", points: s.testError, color: .brightGreen)) }
        // Both axes end at the step the header shows, not at the last recorded point.
        LineChart(series: errors, xLabel: Messages.chartStep, title: Messages.chartErrorRate,
                  yBounds: 0...1, percent: true, xEnd: Double(s.step))
            .render(into: &grid, area: bottom, theme: theme)
        if let filters = s.filters, side.width > 6 {
            let frame = Frame(title: Messages.filtersAsTheyLearn(filters.layer), style: theme.frame, titleStyle: theme.heading)
            frame.render(into: &grid, area: side)
            FilterGrid(filters: filters, capabilities: caps)
                .render(into: &grid, area: Frame.inner(side), selected: -1, images: filterImages, theme: theme)
        }
    }
}
