import Localization
import AlexNetCore
import Lessons

/// The quiz in full screen: the question, a typed answer, and the feedback (with the worked formula)
/// for the previous one. Enter submits; Esc leaves. A screen like the others: keys in, a grid out.
public struct QuizScreen: Sendable {
    public private(set) var session: QuizSession
    public private(set) var feedback: [String] = []
    public private(set) var typed = ""
    public private(set) var wantsQuit = false
    private let theme: Theme

    public init(session: QuizSession, capabilities: Capabilities) {
        self.session = session
        theme = Theme(capabilities)
    }

    public mutating func update(_ key: Key) {
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
        case .escape, .control("c"): wantsQuit = true
        case .character(let c) where typed.count < 20: typed.append(c)
        default: break
        }
    }

    public func render(into grid: inout CellGrid) {
        ScreenText.$roundingInWords.withValue(!theme.capabilities.unicode) { renderWindow(into: &grid) }
    }

    private func renderWindow(into grid: inout CellGrid) {
        grid.fill(grid.bounds)
        let area = grid.bounds.inset(dx: 2, dy: 1)
        guard area.width > 10, area.height > 4 else { return }
        var y = area.y
        func put(_ text: String, _ style: CellStyle) {
            for line in TextWrap.wrap(text, width: area.width) where y < area.maxY {
                grid.write(line, x: area.x, y: y, style: style, maxWidth: area.width)
                y += 1
            }
        }
        put(Messages.quizHeader(session.scoreLine), theme.heading)
        y += 1
        for line in feedback {
            put(line, line.hasPrefix(Messages.rightPrefix) ? theme.good : line.hasPrefix(Messages.notQuitePrefix) ? theme.warning : theme.plain)
        }
        if !feedback.isEmpty { y += 1 }
        if let prompt = session.promptLine {
            put(prompt, theme.bold)
            put("\(Messages.answerPrompt)\(typed)_", theme.number)
        } else {
            put(Messages.quizDone(session.scoreLine), theme.bold)
        }
    }
}
