/// The title bar: the app's name, one tab per screen and the network's name at the right.
///
/// Every tab and the network name always show. When the full names do not fit, the bar gives things
/// up in this order: the app's name shortens then goes, the other tabs' names shorten ("Features" →
/// "Feat.", "ReLU vs tanh" → "ReLU"), then only their numbers stay; the active tab keeps its full name.
struct TabBar {
    var appName: String
    var titles: [String]
    var active: Int
    var networkName: String

    /// One way of drawing the bar: which app name and how long the other tabs' names may be.
    struct Plan: Equatable {
        var appName: String?
        /// The longest an inactive tab's name may be (nil: whole names; 0: the number only).
        var titleLimit: Int?
        var labels: [String]
        var network: String
        var width: Int
    }

    /// The first plan, from the most to the least complete, that fits in `width` columns.
    func plan(width: Int) -> Plan {
        let short = appName.split(separator: " ").first.map(String.init) ?? appName
        let candidates: [(String?, Int?)] = [(appName, nil), (short, nil), (nil, nil), (short, 6), (nil, 6),
                                             (nil, 5), (nil, 4), (nil, 3), (nil, 0)]
        var last: Plan?
        for (app, limit) in candidates {
            let p = makePlan(app: app, limit: limit, network: networkName)
            if p.width <= width { return p }
            last = p
        }
        // Even numbers alone do not fit: shorten the network's name, keeping at least its first letters.
        var p = last!
        let room = max(1, width - (p.width - p.network.displayWidth))
        if p.network.displayWidth > room { p.network = p.network.prefix(columns: max(1, room - 1)) + "…"; p.width = width }
        return p
    }

    private func makePlan(app: String?, limit: Int?, network: String) -> Plan {
        let labels = titles.enumerated().map { i, title in
            let name = i == active ? title : limit.map { Self.abbreviate(title, to: $0) } ?? title
            return name.isEmpty ? " \(i + 1) " : " \(i + 1) \(name) "
        }
        let appWidth = app.map { $0.displayWidth + 2 } ?? 0
        // A gap between tabs while there is room for one; without, the labels' own spaces part them.
        let gap = limit == nil ? 1 : 0
        let tabs = labels.reduce(0) { $0 + $1.displayWidth } + gap * labels.count
        return Plan(appName: app, titleLimit: limit, labels: labels, network: network,
                    width: appWidth + tabs + 1 + network.displayWidth + 2)
    }

    /// A tab name in at most `limit` columns: its first word when that fits ("What-if" → "What"),
    /// else its start with a full stop ("Features" → "Feat."); 0 gives the empty string.
    static func abbreviate(_ title: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        if title.count <= limit { return title }
        let first = title.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map(String.init) ?? title
        if first.count <= limit, first.count >= min(3, limit) { return first }
        guard limit >= 3 else { return String(title.prefix(limit)) }
        // End the stem on a consonant ("Featu" → "Feat.") while it keeps three letters.
        var stem = String(title.prefix(limit - 1))
        while stem.count > 3, let c = stem.last, "aeiouAEIOU".contains(c) { stem.removeLast() }
        return stem + "."
    }

    func render(into grid: inout CellGrid, theme: Theme) {
        let p = plan(width: grid.width)
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), with: Cell(" ", style: theme.bar))
        let titleStyle = CellStyle(fg: theme.bar.fg, bg: theme.bar.bg, bold: true, reverse: theme.bar.reverse)
        var x = 0
        if let app = p.appName { x = grid.write(" \(app) ", x: 0, y: 0, style: titleStyle) }
        let gap = p.titleLimit == nil ? 1 : 0
        for (i, label) in p.labels.enumerated() {
            x = grid.write(label, x: x + (i == 0 && p.appName == nil ? 0 : gap), y: 0,
                           style: i == active ? theme.barActive : theme.bar)
        }
        let right = " \(p.network) "
        grid.write(right, x: max(x, grid.width - right.displayWidth), y: 0, style: theme.bar)
    }
}
