import AlexNetCore
import Foundation

/// A quiz being taken: one try per question, the worked formula after a miss, the score at the end.
public struct QuizSession: Conversation {
    public let topic: QuizTopic
    public let questions: [QuizQuestion]
    public private(set) var index = 0
    public private(set) var score = 0
    private var started = false

    public init(topic: QuizTopic, questions: [QuizQuestion]) {
        self.topic = topic; self.questions = questions
    }

    public var isFinished: Bool { started && index >= questions.count }

    public var endOfInputNote: String {
        "(input ended: \(score) of \(index) answered right; quiz stopped at question \(index + 1) of \(questions.count))"
    }

    public mutating func start() -> [String] {
        started = true
        return ["Quiz: \(topic.rawValue), \(questions.count) questions. Answer with a whole number.", ""] + ask()
    }

    public mutating func reply(_ line: String) -> [String] {
        guard index < questions.count else { return [] }
        guard let n = ReplyNumber.parse(line) else { return ["Answer with a whole number, e.g. 55."] }
        let q = questions[index]
        var lines: [String]
        if n == q.answer {
            score += 1
            lines = ["Correct."]
        } else {
            lines = ["Not quite: the answer is \(NumberText.grouped(q.answer))."] + q.worked.map { "  " + $0 }
        }
        index += 1
        return lines + [""] + ask()
    }

    private func ask() -> [String] {
        guard index < questions.count else {
            return ["Score: \(score) of \(questions.count)."]
        }
        let q = questions[index]
        return ["Q\(index + 1) [\(q.kind.rawValue)] \(q.prompt)"]
    }
}
