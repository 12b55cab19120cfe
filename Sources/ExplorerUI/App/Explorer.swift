import Localization
import AlexNetCore

/// The whole explorer: the app model, the screens that show it, which one is showing, the key help
/// overlay and whether to quit. The backend feeds it keys, sizes and engine events (`apply`), draws what
/// it renders, and carries out the requests it queues (`takeRequests`).
public struct Explorer: Sendable {
    /// Below this the explorer only says that the window is too small.
    public static let minimumSize = (width: 44, height: 14)

    /// The one state every screen shows.
    public private(set) var model: AppModel
    public private(set) var screens: [any Screen]
    public private(set) var active = 0
    public private(set) var showingHelp = false
    public private(set) var wantsQuit = false
    public var theme: Theme
    /// Requests for the runtime (training, forward passes), oldest first.
    private var requests: [AppRequest] = []
    private var size = (width: 0, height: 0)

    /// The screens in tab order; `show:` in lessons names them.
    public enum ScreenKind: Int, Sendable, CaseIterable {
        case walk, whatIf, filters, features, training, experiment
    }

    /// The explorer as it ships: layer walk, what-if, filters, feature maps, training and ReLU vs tanh,
    /// all showing one model.
    public init(model: AppModel, capabilities: Capabilities) {
        self.model = model
        theme = Theme(capabilities)
        let engine = model.engine.label
        screens = [
            LayerWalkScreen(report: model.report), WhatIfScreen(network: model.explored, report: model.report),
            FiltersScreen(filters: model.weights?.filters), FeatureMapsScreen(features: model.features),
            TrainingScreen(description: model.trainingDescription.map { "\(engine), \($0)" }
                           ?? "\(engine), batch \(model.batchSize), lr \(model.learningRate)"),
            CompareScreen(description: model.comparisonDescription ?? Messages.compareDescription(engine: engine),
                          targets: model.comparisonTargets, activations: [.relu, .tanh]),
        ]
        broadcast()
    }

    /// The shipped explorer for a network and (optionally) conv1 filters, with no engine attached: what
    /// the tests and the render benchmark drive.
    public init(network: NetworkSpec, filters: FilterSet?, features: FeatureSet? = nil,
                capabilities: Capabilities) throws(ShapeError) {
        let weights = filters.map { NetworkWeights(filters: $0, provenance: $0.provenance) }
        self.init(model: try AppModel(explored: network, weights: weights, features: features), capabilities: capabilities)
    }

    public var activeScreen: any Screen { screens[active] }
    public var activeKind: ScreenKind? { ScreenKind(rawValue: active) }
    /// The network's name for the title bar.
    public var networkName: String { model.explored.name }

    /// Every key the explorer understands everywhere, for `?`.
    public static var globalKeys: [KeyHelp] {
        [KeyHelp("1–9", Messages.keyGoToScreen), KeyHelp("Tab / Shift-Tab", Messages.keyNextPreviousScreen),
         KeyHelp("?", Messages.keyShowHideKeys), KeyHelp("q  Ctrl-C", Messages.keyQuit)]
    }

    public mutating func update(_ key: Key) {
        switch key {
        case "q", .control("c"):
            wantsQuit = true
        case "?":
            showingHelp.toggle()
        case .escape where showingHelp:
            showingHelp = false
        case .tab:
            switchTo((active + 1) % screens.count)
        case .backTab:
            switchTo((active + screens.count - 1) % screens.count)
        case .character(let c) where c.isASCII && c.isNumber:
            if let n = c.wholeNumberValue, n >= 1, n <= screens.count { switchTo(n - 1) }
        case .resize:
            break
        default:
            if showingHelp { showingHelp = false; return }
            request(screens[active].update(key))
        }
    }

    /// Applies a request from a screen (or a lesson): what only changes the model happens here, the
    /// rest waits for the runtime.
    public mutating func request(_ new: [AppRequest]) {
        for r in new {
            if r == .training(.reset) {
                requests += model.resetWeights()
                broadcast()
            }
            requests.append(r)
        }
    }

    /// An event from the engine: the model changes and every screen sees it.
    public mutating func apply(_ event: AppEvent) {
        requests += model.apply(event)
        broadcast()
    }

    /// The requests queued since the last call, oldest first.
    public mutating func takeRequests() -> [AppRequest] {
        defer { requests.removeAll() }
        return requests
    }

    /// Shows a screen, focused on a layer when given (lessons' `show:`).
    public mutating func show(_ kind: ScreenKind, layer: String? = nil) {
        switchTo(kind.rawValue)
        if let layer { screens[kind.rawValue].focus(layer: layer) }
    }

    /// Shows the features screen's neuron inspector on a unit (lessons' `show: neuron conv1 5 10 20`).
    public mutating func inspect(layer: String, channel: Int, y: Int, x: Int) {
        let i = ScreenKind.features.rawValue
        switchTo(i)
        guard var features = screens[i] as? FeatureMapsScreen else { return }
        features.inspect(layer: layer, channel: channel, y: y, x: x)
        if size.width > 0 { features.layout(area: bodyArea(width: size.width, height: size.height), theme: theme) }
        screens[i] = features
    }

    private mutating func broadcast() {
        for i in screens.indices { screens[i].observe(model) }
        if size.width > 0 {
            let area = bodyArea(width: size.width, height: size.height)
            for i in screens.indices { screens[i].layout(area: area, theme: theme) }
        }
    }

    /// Tells the explorer the terminal's size; screens that page by rows re-measure.
    public mutating func resize(width: Int, height: Int) {
        size = (width, height)
        let area = bodyArea(width: width, height: height)
        for i in screens.indices { screens[i].layout(area: area, theme: theme) }
    }

    private mutating func switchTo(_ index: Int) {
        active = index
        showingHelp = false
        // The weights are made when a screen that shows them first opens (the layer walk needs none).
        if [.filters, .features].contains(ScreenKind(rawValue: index)) { requests += model.needWeights() }
    }

    func bodyArea(width: Int, height: Int) -> Rect {
        Rect(x: 1, y: 2, width: width - 2, height: height - 3)
    }

    /// Draws the title bar, the active screen, the status line and, on `?`, the key help.
    public func render(into grid: inout CellGrid) {
        ScreenText.$roundingInWords.withValue(!theme.capabilities.unicode) { renderWindow(into: &grid) }
    }

    private func renderWindow(into grid: inout CellGrid) {
        grid.fill(grid.bounds)
        let (w, h) = (grid.width, grid.height)
        guard w >= Self.minimumSize.width, h >= Self.minimumSize.height else {
            TooSmallMessage.render(into: &grid, need: Self.minimumSize, theme: theme)
            return
        }
        renderTabs(into: &grid)
        activeScreen.render(into: &grid, area: bodyArea(width: w, height: h), theme: theme)
        renderStatus(into: &grid)
        if showingHelp { KeyHelpOverlay(screen: activeScreen).render(into: &grid, theme: theme) }
    }

    /// Every tab and the network name, abbreviated to fit (see `TabBar`).
    private func renderTabs(into grid: inout CellGrid) {
        TabBar(appName: Messages.appName, titles: screens.map(\.title), active: active, networkName: networkName)
            .render(into: &grid, theme: theme)
    }

    /// The status line: the active screen's most important keys that fit, then the way to every key
    /// and the way out, always at the right ("Tab screens" too when there is room).
    private func renderStatus(into grid: inout CellGrid) {
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), with: Cell(" ", style: theme.bar))
        let keyStyle = CellStyle(fg: theme.bar.fg, bg: theme.bar.bg, bold: true, reverse: theme.bar.reverse)
        func short(_ h: KeyHelp) -> String {
            (h.action.split(separator: " (").first.map(String.init) ?? h.action).split(separator: "（").first.map(String.init) ?? h.action
        }
        func width(_ h: KeyHelp) -> Int { h.keys.displayWidth + short(h).displayWidth + 3 }
        var fixed = [KeyHelp("?", Messages.keyKeys), KeyHelp("q", Messages.keyQuit)]
        let screenKeys = activeScreen.footerKeys
        var x = 1
        var shown: [KeyHelp] = []
        let fixedWidth = fixed.reduce(0) { $0 + width($1) }
        for help in screenKeys where x + width(help) <= grid.width - fixedWidth {
            shown.append(help); x += width(help)
        }
        let tab = KeyHelp("Tab", Messages.keyScreens)
        if x + width(tab) <= grid.width - fixedWidth { fixed.insert(tab, at: 0) }
        x = 1
        for help in shown {
            x = grid.write(help.keys, x: x, y: y, style: keyStyle)
            x = grid.write(" " + short(help) + "  ", x: x, y: y, style: theme.bar)
        }
        x = max(x, grid.width - fixed.reduce(0) { $0 + width($1) })
        for help in fixed {
            x = grid.write(help.keys, x: x, y: y, style: keyStyle)
            x = grid.write(" " + short(help) + "  ", x: x, y: y, style: theme.bar)
        }
    }
}
