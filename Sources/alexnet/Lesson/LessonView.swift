import AlexNetCore
import ExplorerUI
import Lessons

/// The lesson in the TUI: the narrative panel (the same lines plain mode prints, from the shared
/// `LessonSession`) beside the layer walk focused on the step's layer. n/p move, answers are typed
/// at the bottom of the panel and Enter submits them.
struct LessonView {
    private(set) var session: LessonSession
    /// The current step's lines plus any feedback, shown in the panel.
    private(set) var lines: [String]
    private(set) var typed = ""
    private(set) var wantsQuit = false
    private var walk: LayerWalkScreen
    private var focusName: String?
    private var theme: Theme

    init(session: LessonSession, capabilities: Capabilities) {
        self.session = session
        theme = Theme(capabilities)
        lines = session.enter()
        walk = LayerWalkScreen(report: session.context.report)
        refocus()
    }

    mutating func update(_ key: Key) {
        if session.awaitingAnswer {
            switch key {
            case .enter:
                let answer = typed.trimmingCharacters(in: .whitespaces)
                typed = ""
                switch answer.lowercased() {
                case "": break
                case "hint", "?": lines.append(session.hint.map { "Hint: \($0)" } ?? "No hint for this one.")
                case "skip": lines += session.skip()
                default: lines += session.answer(answer)
                }
            case .backspace: if !typed.isEmpty { typed.removeLast() }
            case .escape: wantsQuit = true
            case .character(let c) where typed.count < 40: typed.append(c)
            case .left, .pageUp: move(forward: false)
            default: break
            }
            return
        }
        switch key {
        case "n", .enter, .right, .pageDown, " ": move(forward: true)
        case "p", .left, .pageUp: move(forward: false)
        case "q", .escape: wantsQuit = true
        case .up, .down: walk.update(key)
        default: break
        }
    }

    private mutating func move(forward: Bool) {
        let moved = forward ? session.next() : session.previous()
        if !moved {
            if forward { lines.append(session.summary); lines.append("(q to leave)") }
            return
        }
        typed = ""
        lines = session.enter()
        refocus()
    }

    /// Points the walk at the latest layer a step showed, on the network of the current step.
    private mutating func refocus() {
        if let layer = session.step.show?.layer { focusName = layer }
        let report = session.context.report
        let index = focusName.flatMap { name in report.layers.firstIndex { $0.name == name } } ?? 0
        walk = LayerWalkScreen(report: report, selected: index)
    }

    func render(into grid: inout CellGrid) {
        grid.fill(grid.bounds)
        let bounds = grid.bounds
        let panelWidth = max(30, min(bounds.width * 2 / 5, 70))
        let (left, right) = bounds.splitColumns(min(panelWidth, bounds.width))
        renderPanel(into: &grid, area: left)
        if right.width > 20 { walk.render(into: &grid, area: right, theme: theme) }
    }

    private func renderPanel(into grid: inout CellGrid, area: Rect) {
        let inner = area.inset(dx: 1, dy: 1)
        guard inner.width > 4, inner.height > 3 else { return }
        for y in area.y..<area.maxY { grid.put("│", x: area.maxX - 1, y: y, style: theme.frame) }
        _ = grid.write(session.lesson.title, x: inner.x, y: area.y, style: theme.heading, maxWidth: inner.width)
        var wrapped: [String] = []
        for line in lines { wrapped += Self.wrap(line, width: inner.width - 1) }
        let footer = session.awaitingAnswer ? "answer> \(typed)_" : (session.isLast ? "p back · q quit" : "n next · p back · q quit")
        let room = inner.height - 2
        let shown = wrapped.suffix(room)
        for (i, line) in shown.enumerated() {
            let style = line.hasPrefix("Right") ? theme.good : line.hasPrefix("Not quite") ? theme.warning
                : line.hasPrefix("Q:") ? theme.bold : theme.plain
            _ = grid.write(line, x: inner.x, y: inner.y + i, style: style, maxWidth: inner.width - 1)
        }
        _ = grid.write(footer, x: inner.x, y: inner.maxY - 1, style: theme.number, maxWidth: inner.width - 1)
    }

    /// Greedy word wrap; leading spaces (formula steps) are kept.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard line.count > width, width > 8 else { return [line] }
        var out: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.count + word.count + 1 > width, !current.isEmpty {
                out.append(current); current = "  "
            }
            current += (current.isEmpty || current == "  " ? "" : " ") + word
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
