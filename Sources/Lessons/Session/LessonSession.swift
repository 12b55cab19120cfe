import Foundation
import AlexNetCore

/// A lesson being taken: which step is next, the network after the what-ifs so far, and how many
/// times the current question was missed. A wrong answer earns the hint; a second wrong answer (or a
/// lesson without a hint) earns the right answer, the worked formula and the explanation.
public struct LessonSession: Conversation {
    public let lesson: Lesson
    public private(set) var stepIndex = 0
    public private(set) var network: NetworkSpec
    public private(set) var report: ShapeReport
    public private(set) var misses = 0
    public private(set) var correct = 0
    public private(set) var asked = 0
    private var waiting: Question?

    /// Fails when the preset's own shapes cannot be computed (never for the shipped presets).
    public init(lesson: Lesson) throws(ShapeError) {
        self.lesson = lesson
        network = lesson.preset.spec
        report = try network.shapeReport()
    }

    public var isFinished: Bool { waiting == nil && stepIndex >= lesson.steps.count }
    public var isAwaitingAnswer: Bool { waiting != nil }

    public var endOfInputNote: String {
        "(input ended: lesson stopped at step \(min(stepIndex, lesson.steps.count)) of \(lesson.steps.count))"
    }

    var facts: CoreFacts { CoreFacts(report: report) }

    public mutating func start() -> [String] {
        ["# \(lesson.title)", "(numbers from the \(lesson.preset.rawValue) preset)", ""] + advance()
    }

    public mutating func reply(_ line: String) -> [String] {
        guard let q = waiting else { return [] }
        let reply = line.trimmingCharacters(in: .whitespaces)
        if reply.isEmpty { return ["(type an answer, or 'skip')"] }
        if reply.lowercased() == "skip" {
            return reveal(q, lead: "Skipped.") + advance()
        }
        switch judge(reply, q) {
        case .right:
            correct += 1
            var lines = ["Correct."]
            if let e = q.explain { lines.append(fill(e)) }
            waiting = nil; misses = 0
            return lines + [""] + advance()
        case .unreadable(let message):
            return [message]
        case .wrong:
            misses += 1
            if misses == 1, let hint = q.hint {
                return ["Not quite. Hint: \(fill(hint))", "Try again:"]
            }
            return reveal(q, lead: "Not quite.") + advance()
        }
    }

    enum Verdict { case right, wrong, unreadable(String) }

    func judge(_ reply: String, _ q: Question) -> Verdict {
        switch q.answer {
        case .choice(let choices, let correct):
            guard let i = ChoiceAnswer.index(of: reply, in: choices) else {
                return .unreadable("Answer with a letter a–\(ChoiceAnswer.letter(choices.count - 1)).")
            }
            return i == correct ? .right : .wrong
        case .expression, .literal:
            guard let n = ReplyNumber.parse(reply) else { return .unreadable("Answer with a whole number, e.g. 34,944.") }
            return n == rightNumber(q) ? .right : .wrong
        }
    }

    func rightNumber(_ q: Question) -> Int? {
        switch q.answer {
        case .expression(let e): try? facts.number(e)
        case .literal(let n, _): n
        case .choice: nil
        }
    }

    private mutating func reveal(_ q: Question, lead: String) -> [String] {
        var lines: [String]
        switch q.answer {
        case .choice(let choices, let correct):
            lines = ["\(lead) The answer is \(ChoiceAnswer.letter(correct))) \(choices[correct])."]
        case .expression(let e):
            lines = ["\(lead) The answer is \(NumberText.grouped(rightNumber(q) ?? 0))."]
            lines += WorkedAnswer.lines(for: e, in: report)
        case .literal(let n, let check):
            lines = ["\(lead) The answer is \(NumberText.grouped(n))."]
            if let check { lines += WorkedAnswer.lines(for: check, in: report) }
        }
        if let e = q.explain { lines.append(fill(e)) }
        waiting = nil; misses = 0
        return lines + [""]
    }

    /// Placeholders the checker would have rejected stay as written rather than stopping the lesson.
    func fill(_ text: String) -> String { (try? facts.fill(text)) ?? text }

    /// Runs steps until a question is asked or the lesson ends.
    private mutating func advance() -> [String] {
        var lines: [String] = []
        while stepIndex < lesson.steps.count {
            let step = lesson.steps[stepIndex]
            stepIndex += 1
            switch step.action {
            case .text(let t):
                lines += fill(t).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if lines.last == "" { lines.removeLast() }
            case .show(let screen, let layer):
                lines.append("[screen: \(screen.rawValue)\(layer.map { " " + $0 } ?? "")]")
                if let layer, let r = report.layer(named: layer) { lines += LayerFacts.lines(r) }
            case .train(let steps):
                lines.append("[train: \(steps) steps] Training runs in the explorer: run `alexnet explore` and open the Training screen.")
            case .set(let change):
                lines += apply(change)
            case .ask(let q):
                asked += 1
                lines.append("Q\(asked). \(fill(q.prompt))")
                if case .choice(let choices, _) = q.answer {
                    for (i, c) in choices.enumerated() { lines.append("  \(ChoiceAnswer.letter(i))) \(fill(c))") }
                }
                waiting = q
                return lines
            }
        }
        lines.append("Lesson complete: \(correct) of \(asked) questions right first or second time.")
        return lines
    }

    private mutating func apply(_ change: WhatIf) -> [String] {
        do {
            let next = try change.apply(to: network, preset: lesson.preset)
            let nextReport = try next.shapeReport()
            network = next; report = nextReport
        } catch {
            return ["[what-if refused: \(error)]"]
        }
        switch change {
        case .reset: return ["[what-if: back to the \(lesson.preset.rawValue) preset]"]
        case .input(let side):
            let first = report.layers.first.map { "; \($0.name) output now \($0.output)" } ?? ""
            return ["[what-if: input \(side)×\(side)\(first)]"]
        case .layer(let name, let c):
            let parts = [("kernel", c.kernel), ("stride", c.stride), ("padding", c.padding), ("out", c.out), ("groups", c.groups)]
                .compactMap { name, v in v.map { "\(name) \($0)" } }
            let shape = report.layer(named: name).map { "; \(name) output now \($0.output)" } ?? ""
            return ["[what-if: \(name) \(parts.joined(separator: ", "))\(shape)]"]
        }
    }
}
