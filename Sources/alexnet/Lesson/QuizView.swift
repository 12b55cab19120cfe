import ExplorerUI
import Lessons

/// The quiz in the TUI: the question, a typed answer, and the feedback (with the worked formula)
/// for the previous one. Enter submits; Esc leaves.
struct QuizView {
    private(set) var session: QuizSession
    private(set) var feedback: [String] = []
    private(set) var typed = ""
    private(set) var wantsQuit = false
    private let theme: Theme

    init(session: QuizSession, capabilities: Capabilities) {
        self.session = session
        theme = Theme(capabilities)
    }

    mutating func update(_ key: Key) {
        if session.isFinished {
            if key == .escape || key == "q" || key == .enter { wantsQuit = true }
            return
        }
        switch key {
        case .enter:
            guard !typed.isEmpty else { return }
            feedback = session.answer(typed).lines
            typed = ""
        case .backspace: if !typed.isEmpty { typed.removeLast() }
        case .escape: wantsQuit = true
        case .character(let c) where typed.count < 20: typed.append(c)
        default: break
        }
    }

    func render(into grid: inout CellGrid) {
        grid.fill(grid.bounds)
        let area = grid.bounds.inset(dx: 2, dy: 1)
        guard area.width > 10, area.height > 4 else { return }
        var y = area.y
        func put(_ text: String, _ style: CellStyle) {
            for line in LessonView.wrap(text, width: area.width) where y < area.maxY {
                _ = grid.write(line, x: area.x, y: y, style: style, maxWidth: area.width)
                y += 1
            }
        }
        put("AlexNet quiz · \(session.scoreLine) · Esc leaves", theme.heading)
        y += 1
        for line in feedback {
            put(line, line.hasPrefix("Right") ? theme.good : line.hasPrefix("Not quite") ? theme.warning : theme.plain)
        }
        if !feedback.isEmpty { y += 1 }
        if let prompt = session.promptLine {
            put(prompt, theme.bold)
            put("answer> \(typed)_", theme.number)
        } else {
            put("Done. \(session.scoreLine). Enter leaves.", theme.bold)
        }
    }
}
