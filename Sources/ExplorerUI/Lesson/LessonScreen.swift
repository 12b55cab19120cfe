import Localization
import AlexNetCore
import Lessons

/// A lesson in full screen: the narrative panel (the same lines plain mode prints, from the shared
/// `LessonSession`) beside the real explorer, or above it when the window is narrow. A step's `show:`
/// switches the explorer to that screen and layer, `train: N` trains N steps visibly on the training
/// screen (Esc skips the rest), `experiment: N` runs the ReLU-vs-tanh comparison live on the experiment
/// screen and records its result in the session for `{experiment.…}`, and `input:` / `preset:` change
/// the network every screen shows.
///
/// The lesson drives an `Explorer` like any other: the runtime that serves `alexnet explore` serves it
/// too (`withExplorer`), and builds a new engine when `networkGeneration` changes.
public struct LessonScreen: Sendable {
    public private(set) var session: LessonSession
    /// The current step's lines plus any feedback.
    public private(set) var lines: [String] = []
    public private(set) var typed = ""
    public private(set) var wantsQuit = false
    public private(set) var explorer: Explorer
    /// Bumped whenever the step's run identity (network, rounding, recipe) differs from the explorer's: the
    /// engine must be rebuilt, and training starts afresh, as plain mode's does (`LessonContext.RunIdentity`).
    public private(set) var networkGeneration = 0
    /// The run identity the explorer was built for.
    private var runIdentity: LessonContext.RunIdentity?
    /// The current step's `train: N`, while it runs and after.
    public private(set) var training: StepTraining?
    /// The lesson's `experiment: N` comparison while it runs (it goes on when the learner moves on, and
    /// its result fills the later steps' placeholders when it comes).
    public private(set) var experiment: StepExperiment?
    /// The latest `show:` up to this step: the explorer keeps showing it until another one comes.
    private var focus: ScreenFocus?
    /// Narrative lines scrolled back from the newest (PgUp / PgDn).
    private var scrollBack = 0
    /// A step just entered shows its first lines whatever its length, until the learner scrolls or answers.
    private var openAtTop = true
    private let capabilities: Capabilities
    private let theme: Theme
    private var size = (width: 0, height: 0)

    public struct StepTraining: Sendable, Equatable {
        public var steps: Int
        /// The training step the run was at when asked.
        public var fromStep: Int
        public var finished = false
        public var skipped = false
    }

    public struct StepExperiment: Sendable, Equatable {
        /// Steps per run asked for.
        public var steps: Int
        public var finished = false
        public var skipped = false
    }

    public init(session: LessonSession, capabilities: Capabilities) {
        self.session = session
        self.capabilities = capabilities
        theme = Theme(capabilities)
        explorer = Explorer(model: Self.placeholder(session.context), capabilities: capabilities)
        runIdentity = session.context.runIdentity
        enterStep()
    }

    // MARK: - Driving the explorer

    /// The model from the runtime for the current network (weights, features, data): replaces the
    /// placeholder, keeping the screen on show and any request not yet carried out.
    public mutating func attach(_ model: AppModel) {
        let pending = explorer.takeRequests()
        rebuildExplorer(model)
        explorer.request(pending)
    }

    /// Runs the runtime on the explorer, then follows the step's training.
    public mutating func withExplorer<R>(_ body: (inout Explorer) -> R) -> R {
        let result = body(&explorer)
        followTraining()
        followExperiment()
        return result
    }

    /// The explorer's model before (or without) an engine: the lesson's shapes, rounding included, and its
    /// recipe's learning rate for the training header.
    static func placeholder(_ context: LessonContext) -> AppModel {
        AppModel(report: context.report, weights: nil, learningRate: context.recipe.rate)
    }

    private mutating func rebuildExplorer(_ model: AppModel) {
        explorer = Explorer(model: model, capabilities: capabilities)
        if size.width > 0 { resize(width: size.width, height: size.height) }
        applyFocus()
    }

    private mutating func applyFocus() {
        if training != nil { explorer.show(.training); return }
        if case .experiment = session.step.action { explorer.show(.experiment); return }
        guard let focus else { explorer.show(.walk); return }   // before any show: the layer walk
        if let unit = focus.unit {
            explorer.inspect(layer: unit.layer, channel: unit.channel, y: unit.y, x: unit.x)
            return
        }
        explorer.show(Self.kind(of: focus.screen), layer: focus.layer)
    }

    static func kind(of screen: ScreenFocus.Screen) -> Explorer.ScreenKind {
        switch screen {
        case .walk: .walk
        case .whatif, .shapes: .whatIf
        case .filters: .filters
        case .features, .neuron: .features
        case .training, .train: .training
        case .experiment: .experiment
        }
    }

    // MARK: - Steps

    private mutating func enterStep() {
        if let t = training, !t.finished { explorer.request([.training(.pause)]) }
        training = nil
        lines = Self.narrative(session)
        typed = ""
        // A new step opens at its first line (a long one used to open at its end, its start scrolled away).
        openAtTop = true
        // The latest `show:` at or before this step, whichever way the learner came.
        focus = session.lesson.steps.prefix(session.index + 1).last { $0.show != nil }?.show
        // The pane shows the step's shapes (a `rounding:` step changes them with the network unchanged) and its
        // recipe's run: a change of either rebuilds the explorer and its engine, as plain mode starts a new run.
        let context = session.context
        if context.runIdentity != runIdentity || context.report != explorer.model.report {
            runIdentity = context.runIdentity
            networkGeneration += 1
            rebuildExplorer(Self.placeholder(context))
        }
        if case .train(let n) = session.step.action {
            training = StepTraining(steps: n, fromStep: explorer.model.training.step)
            explorer.request([.training(.steps(n))])
        }
        // Run once per lesson: coming back to the step shows the recorded result instead.
        if case .experiment(let n) = session.step.action, session.experiment == nil, experiment?.finished != false {
            experiment = StepExperiment(steps: n)
            explorer.request([.comparison(.steps(n))])
        }
        applyFocus()
    }

    /// The step's lines as plain mode prints them, less the facts plain mode prints in place of a screen
    /// (the real screen is beside them here), with the text's hard line breaks joined into paragraphs
    /// so that they wrap to the panel.
    static func narrative(_ session: LessonSession) -> [String] {
        var lines = session.enter(trains: true)
        if let focus = session.step.show {
            let facts = session.facts(for: focus)
            if let start = lines.firstIndex(of: facts[0]), lines[start...].starts(with: facts) {
                lines.replaceSubrange(start..<(start + facts.count), with: [Messages.screenFocus("\(focus)")])
            }
        }
        var joined: [String] = []
        var joinable = false
        for line in lines {
            let prose = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("[") && !line.hasPrefix("──")
                && !line.hasPrefix(Messages.questionPrefix)
            // Chinese lines join with no space between their characters.
            if prose, joinable, let last = joined.last { joined[joined.count - 1] = LineBreaking.join(last, line) }
            else { joined.append(line) }
            joinable = prose
        }
        return joined
    }

    private mutating func move(forward: Bool) {
        let moved = forward ? session.next() : session.previous()
        if !moved {
            if forward { lines.append(session.summary); lines.append(Messages.lessonLeave); openAtTop = false }
            return
        }
        enterStep()
    }

    /// Notes the end of the step's training run (or why it could not run) in the narrative.
    private mutating func followTraining() {
        guard var t = training, !t.finished else { return }
        let s = explorer.model.training
        switch s.state {
        case .failed(let why):
            t.finished = true
            lines.append("(" + Messages.cannotTrainHere(why) + ")")
            openAtTop = false   // a result at the end of the step: show it
        case .finished(let why):
            t.finished = true
            lines.append(Messages.trainingStopped(why))
            openAtTop = false   // a result at the end of the step: show it
        default:
            guard let done = Self.stepsDone(s, of: t), done >= t.steps, s.state != .running else { break }
            t.finished = true
            lines.append(Messages.trainedSteps(t.steps, now: NumberText.grouped(s.step), figures: Self.figures(s)))
            openAtTop = false   // a result at the end of the step: show it
        }
        training = t
    }

    /// Records the comparison's result once it finishes with this step's budget (an earlier run on the
    /// experiment screen with another budget does not count), then refreshes the narrative so that the
    /// `{experiment.…}` placeholders of the step on show read the measured numbers.
    private mutating func followExperiment() {
        guard var e = experiment, !e.finished else { return }
        switch explorer.model.comparisonState {
        case .failed(let why):
            e.finished = true
            lines.append("(" + Messages.cannotRunExperimentHere(why) + ")")
            openAtTop = false   // a result at the end of the step: show it
        case .finished:
            let summary = explorer.model.comparison
            guard Self.isResult(summary, ofBudget: e.steps) else { break }
            e.finished = true
            session.record(experiment: summary)
            if case .experiment = session.step.action {
                lines.append(Messages.experimentResult(ComparisonVerdict(summary: summary).winnerLine + "."))
                openAtTop = false   // a result at the end of the step: show it
            } else {
                lines = Self.narrative(session)
            }
        default: break
        }
        experiment = e
    }

    /// A finished comparison answers an `experiment: N` when no run went past N steps and each either
    /// reached the target or ran all N (the runs are deterministic, so a shorter budget's is the same).
    static func isResult(_ summary: ComparisonSummary, ofBudget n: Int) -> Bool {
        !summary.curves.isEmpty && summary.curves.allSatisfy { c in
            guard let last = c.points.last, last.step <= n else { return false }
            return c.firstPoint(reaching: summary.target) != nil || last.step == n
        }
    }

    private mutating func skipExperiment() {
        guard var e = experiment, !e.finished else { return }
        explorer.request([.comparison(.pause)])
        e.finished = true
        e.skipped = true
        experiment = e
        lines.append(Messages.experimentStopped(explorer.model.comparison.progressLine))
        openAtTop = false   // a result at the end of the step: show it
    }

    /// Steps of this step's run done so far, once a snapshot of that run has arrived (an earlier run's
    /// goal does not count).
    static func stepsDone(_ s: TrainingSnapshot, of t: StepTraining) -> Int? {
        guard let goal = s.goal, goal.to - goal.from == t.steps, goal.from >= t.fromStep, s.step > t.fromStep else { return nil }
        return s.step - goal.from
    }

    static func figures(_ s: TrainingSnapshot) -> String {
        var text = ""
        if let loss = s.loss.last { text += Messages.trainingFiguresLoss(NumberText.fixed(loss.y, 3)) }
        if let e = s.trainError.last { text += Messages.trainingFiguresError(NumberText.percent(e.y)) }
        return text
    }

    private mutating func skipTraining() {
        guard var t = training, !t.finished else { return }
        explorer.request([.training(.pause)])
        t.finished = true
        t.skipped = true
        training = t
        let s = explorer.model.training
        let done = Self.stepsDone(s, of: t) ?? 0
        lines.append(Messages.trainingSkippedAfter(done, of: t.steps, figures: Self.figures(s)))
        openAtTop = false   // a result at the end of the step: show it
    }

    // MARK: - Keys

    public mutating func update(_ key: Key) {
        switch key {
        case .control("c"): wantsQuit = true; return
        case .escape where training?.finished == false: skipTraining(); return
        case .escape where experiment?.finished == false && Self.isExperimentStep(session): skipExperiment(); return
        case .pageUp:
            if openAtTop { scrollBack = maxScrollBack; openAtTop = false }
            scrollBack = min(scrollBack + 5, maxScrollBack); return
        case .pageDown:
            if openAtTop { scrollBack = maxScrollBack; openAtTop = false }
            scrollBack = max(0, scrollBack - 5); return
        default: break
        }
        if session.awaitingAnswer {
            switch key {
            case .enter:
                let answer = Self.trimmed(typed)
                typed = ""
                scrollBack = 0
                openAtTop = false   // the answer's feedback comes at the end: show it
                switch answer.lowercased() {
                case "": break
                case "hint", "?", "提示": lines.append(session.hint.map { Messages.hintLine($0) } ?? Messages.noHint)
                case "skip", "跳过": lines += session.skip()
                default: lines += session.answer(answer)
                }
            case .backspace: if !typed.isEmpty { typed.removeLast() }
            case .escape: wantsQuit = true
            case .left: move(forward: false)
            case .character(let c) where typed.count < 40: typed.append(c)
            default: explorer.update(key)
            }
            return
        }
        switch key {
        case "n", .enter, .right: move(forward: true)
        case "p", .left: move(forward: false)
        case "q", .escape: wantsQuit = true
        default: explorer.update(key)
        }
    }

    static func isExperimentStep(_ session: LessonSession) -> Bool {
        if case .experiment = session.step.action { return true }
        return false
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    // MARK: - Layout and drawing

    public mutating func resize(width: Int, height: Int) {
        size = (width, height)
        if let screen = Self.layout(width: width, height: height).screen {
            explorer.resize(width: screen.width, height: screen.height)
        }
    }

    /// Side by side when the explorer gets its minimum width beside a readable panel; else the screen
    /// above the narrative; else the narrative alone.
    /// The explorer's design width.
    static let designWidth = 80

    static func layout(width: Int, height: Int) -> (panel: Rect, screen: Rect?) {
        let bounds = Rect(x: 0, y: 0, width: width, height: height)
        let minimum = Explorer.minimumSize
        var panelWidth = max(34, min(width * 2 / 5, 64))
        // The explorer's screens are designed at 80 columns: at 120×40 a 72-column explorer squeezed the layer
        // walk's right column to 24 and broke its parameter table. Give it 80 whenever the panel keeps 34.
        if width - panelWidth < designWidth, width - designWidth >= 34 { panelWidth = width - designWidth }
        if width - panelWidth >= minimum.width, height >= minimum.height {
            let (panel, screen) = bounds.splitColumns(panelWidth)
            return (panel, screen)
        }
        let panelHeight = max(8, height * 2 / 5)
        if width >= minimum.width, height - panelHeight >= minimum.height {
            let (screen, panel) = bounds.splitRows(height - panelHeight)
            return (panel, screen)
        }
        return (bounds, nil)
    }

    public func render(into grid: inout CellGrid) {
        ScreenText.$roundingInWords.withValue(!capabilities.unicode) { renderWindow(into: &grid) }
    }

    private func renderWindow(into grid: inout CellGrid) {
        grid.fill(grid.bounds)
        let (panel, screen) = Self.layout(width: grid.width, height: grid.height)
        if let screen {
            var sub = CellGrid(width: screen.width, height: screen.height)
            explorer.render(into: &sub)
            Self.mask(&sub, hiding: session.hiddenValues)
            for y in 0..<sub.height { for x in 0..<sub.width { grid[screen.x + x, screen.y + y] = sub[x, y] } }
        }
        renderPanel(into: &grid, area: panel, beside: screen.map { $0.x > panel.x } ?? false, explorerShown: screen != nil)
    }

    /// The text of the explorer pane beside the narrative at the session's step, as drawn at 80×24 and
    /// at 120×40 (what `lesson --check` reads for answers shown too early).
    public static func paneText(_ session: LessonSession) -> [String] {
        [(80, 24), (120, 40)].flatMap { (width, height) -> [String] in
            var screen = LessonScreen(session: session, capabilities: .monochrome)
            screen.resize(width: width, height: height)
            guard let area = layout(width: width, height: height).screen else { return [] }
            var grid = CellGrid(width: width, height: height)
            screen.render(into: &grid)
            return Self.maskedRows(height: area.height).map { area.y + $0 }.map { y in
                var view = String.UnicodeScalarView()
                for x in area.x..<area.maxX where !grid[x, y].isWideContinuation { view.append(grid[x, y].character) }
                return String(view)
            }
        }
    }

    /// The explorer's rows that carry content: its first row is the tab bar ("1 Layers  2 …") and its
    /// last the key help, whose digits are keys, not values, and stay as they are.
    static func maskedRows(height: Int) -> Range<Int> { height > 2 ? 1..<(height - 1) : 0..<height }

    /// Hides the numbers the student is about to be asked for (`HiddenAnswer`) in the pane: the walk's
    /// formula would otherwise print the answer beside the question. Answered, the pane shows it again,
    /// worked formula included.
    static func mask(_ grid: inout CellGrid, hiding values: [Int]) {
        guard !values.isEmpty else { return }
        for y in maskedRows(height: grid.height) {
            // One scalar per cell (a wide character's continuation cell is skipped and kept).
            let columns = (0..<grid.width).filter { !grid[$0, y].isWideContinuation }
            var view = String.UnicodeScalarView()
            for x in columns { view.append(grid[x, y].character) }
            let row = String(view)
            let hidden = Array(HiddenAnswer.masked(row, hiding: values).unicodeScalars)
            for (i, x) in columns.enumerated() where i < hidden.count && hidden[i] != grid[x, y].character {
                grid[x, y] = Cell(hidden[i], style: grid[x, y].style)
            }
        }
    }

    /// The narrative's lines wrapped to `width`, with the style of each.
    func wrappedLines(width: Int) -> [(String, CellStyle)] {
        var out: [(String, CellStyle)] = []
        for line in lines {
            let style = line.hasPrefix(Messages.rightPrefix) ? theme.good : line.hasPrefix(Messages.notQuitePrefix) ? theme.warning
                : line.hasPrefix(Messages.questionPrefix) ? theme.bold : line.hasPrefix("──") ? theme.heading
                : line.hasPrefix("[") || line.hasPrefix("(") || line.hasPrefix("（") ? theme.dim : theme.plain
            out += TextWrap.wrap(line, width: width).map { ($0, style) }
        }
        return out
    }

    var footer: String { footer(width: .max) }

    /// The status line, in a shorter form where the whole one would not fit `width` columns.
    func footer(width: Int) -> String {
        if let t = training, !t.finished {
            let done = Self.stepsDone(explorer.model.training, of: t) ?? 0
            let whole = Messages.lessonFooterTraining(done, of: t.steps)
            return whole.displayWidth <= width ? whole : Messages.lessonFooterTrainingShort(done, of: t.steps)
        }
        if let e = experiment, !e.finished, Self.isExperimentStep(session) {
            let whole = Messages.lessonFooterExperiment(e.steps)
            return whole.displayWidth <= width ? whole : Messages.lessonFooterExperimentShort(e.steps)
        }
        if session.awaitingAnswer { return "\(Messages.answerPrompt)\(typed)_" }
        return session.isLast ? Messages.lessonFooterLast : Messages.lessonFooter
    }

    /// Where the panel's parts go in `area`: the text rectangle, the wrapped title, the note that the
    /// explorer is hidden (a window too small for both), and the rows left for the narrative.
    private func panelGeometry(area: Rect, beside: Bool, explorerShown: Bool)
        -> (inner: Rect, title: [String], hidden: String?, bodyRow: Int, rows: Int) {
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - (beside ? 3 : 2), height: area.height)
        guard inner.width > 8, inner.height > 3 else { return (inner, [], nil, 0, 0) }
        var row = beside ? 0 : 1
        // The whole title, wrapped, never cut.
        let title = Array(TextWrap.wrap(session.lesson.title, width: inner.width).prefix(max(0, inner.height - 3 - row)))
        row += title.count
        let minimum = Explorer.minimumSize
        let hidden = explorerShown ? nil
            : "(explorer hidden: the window needs \(minimum.width)×\(minimum.height + 8) to show it)"
        if hidden != nil { row += 1 }
        row += 1
        return (inner, title, hidden, row, max(0, inner.height - row - 1))
    }

    /// How far the narrative can scroll back from its end in the current window (0 when it all fits).
    private var maxScrollBack: Int {
        guard size.width > 0 else { return 0 }
        let (panel, screen) = Self.layout(width: size.width, height: size.height)
        let g = panelGeometry(area: panel, beside: screen.map { $0.x > panel.x } ?? false, explorerShown: screen != nil)
        guard g.rows > 0 else { return 0 }
        let count = ScreenText.$roundingInWords.withValue(!capabilities.unicode) { wrappedLines(width: g.inner.width).count }
        return max(0, count - g.rows)
    }

    private func renderPanel(into grid: inout CellGrid, area: Rect, beside: Bool, explorerShown: Bool = true) {
        let g = panelGeometry(area: area, beside: beside, explorerShown: explorerShown)
        let inner = g.inner
        guard inner.width > 8, inner.height > 3 else { return }
        if beside { for y in area.y..<area.maxY { grid.put("│", x: area.maxX - 1, y: y, style: theme.frame) } }
        else { for x in area.x..<area.maxX { grid.put("─", x: x, y: area.y, style: theme.frame) } }
        var row = beside ? 0 : 1
        for line in g.title {
            grid.write(line, in: inner, row: row, style: theme.heading)
            row += 1
        }
        if let hidden = g.hidden { grid.write(hidden, in: inner, row: row, style: theme.dim) }
        let body = wrappedLines(width: inner.width)
        let rows = g.rows
        guard rows > 0 else { return }
        row = g.bodyRow
        let back = openAtTop ? max(0, body.count - rows) : min(scrollBack, max(0, body.count - rows))
        let end = body.count - back
        let start = max(0, end - rows)
        var shown = Array(body[start..<end])
        if start > 0, !shown.isEmpty { shown[0] = (Messages.moreAbove, theme.dim) }
        if back > 0, !shown.isEmpty { shown[shown.count - 1] = (Messages.moreBelow, theme.dim) }
        for (i, (text, style)) in shown.enumerated() {
            grid.write(text, in: inner, row: row + i, style: style)
        }
        grid.write(footer(width: inner.width), in: inner, row: inner.height - 1, style: theme.number)
    }
}
