import AlexNetCore

/// The whole explorer: the screens, which one is showing, the key help overlay and whether to quit.
/// The backend feeds it keys and sizes and draws what it renders.
public struct Explorer: Sendable {
    /// Below this the explorer only says that the window is too small.
    public static let minimumSize = (width: 44, height: 14)

    public private(set) var screens: [any Screen]
    public private(set) var active = 0
    public private(set) var showingHelp = false
    public private(set) var wantsQuit = false
    public var theme: Theme
    /// The network's name for the title bar.
    public let networkName: String
    private var size = (width: 0, height: 0)

    /// The standard screens for a network: layer walk, what-if and the first conv layer's filters.
    public init(network: NetworkSpec, filters: FilterSet?, capabilities: Capabilities) throws(ShapeError) {
        let report = try network.shapeReport()
        self.init(screens: [LayerWalkScreen(report: report), WhatIfScreen(network: network, report: report),
                            FiltersScreen(filters: filters)],
                  networkName: network.name, capabilities: capabilities)
    }

    /// Any screens, for tests and for screens added later (feature maps, training).
    public init(screens: [any Screen], networkName: String, capabilities: Capabilities) {
        precondition(!screens.isEmpty)
        self.screens = screens; self.networkName = networkName; theme = Theme(capabilities)
    }

    public var activeScreen: any Screen { screens[active] }

    /// Every key the explorer understands everywhere, for `?`.
    public static let globalKeys = [
        KeyHelp("1–9", "go to screen"), KeyHelp("Tab / Shift-Tab", "next / previous screen"),
        KeyHelp("?", "show or hide the keys"), KeyHelp("q  Ctrl-C", "quit"),
    ]

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
            screens[active].update(key)
        }
    }

    /// Tells the explorer the terminal's size; screens that page by rows re-measure.
    public mutating func resize(width: Int, height: Int) {
        size = (width, height)
        let area = bodyArea(width: width, height: height)
        for i in screens.indices { screens[i].layout(area: area, theme: theme) }
    }

    /// Replaces one screen's state, e.g. filters with a fresh snapshot.
    public mutating func replaceScreen(at index: Int, with screen: any Screen) {
        screens[index] = screen
        if size.width > 0 { screens[index].layout(area: bodyArea(width: size.width, height: size.height), theme: theme) }
    }

    private mutating func switchTo(_ index: Int) {
        active = index
        showingHelp = false
    }

    func bodyArea(width: Int, height: Int) -> Rect {
        Rect(x: 1, y: 2, width: width - 2, height: height - 3)
    }

    /// Draws the title bar, the active screen, the status line and, on `?`, the key help.
    public func render(into grid: inout CellGrid) {
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
        TabBar(appName: "AlexNet Explorer", titles: screens.map(\.title), active: active, networkName: networkName)
            .render(into: &grid, theme: theme)
    }

    /// The status line: the active screen's most important keys that fit, then the way to every key
    /// and the way out, always at the right ("Tab screens" too when there is room).
    private func renderStatus(into grid: inout CellGrid) {
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), with: Cell(" ", style: theme.bar))
        let keyStyle = CellStyle(fg: theme.bar.fg, bg: theme.bar.bg, bold: true, reverse: theme.bar.reverse)
        func short(_ h: KeyHelp) -> String { h.action.split(separator: " (").first.map(String.init) ?? h.action }
        func width(_ h: KeyHelp) -> Int { h.keys.unicodeScalars.count + short(h).unicodeScalars.count + 3 }
        var fixed = [KeyHelp("?", "keys"), KeyHelp("q", "quit")]
        let screenKeys = activeScreen.footerKeys
        var x = 1
        var shown: [KeyHelp] = []
        let fixedWidth = fixed.reduce(0) { $0 + width($1) }
        for help in screenKeys where x + width(help) <= grid.width - fixedWidth {
            shown.append(help); x += width(help)
        }
        let tab = KeyHelp("Tab", "screens")
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
