import Localization
import AlexNetCore

/// A quiz being taken: the current question, the score, and the feedback for a typed answer.
/// The plain runner and the TUI both drive it.
public struct QuizSession: Sendable {
    public let questions: [QuizQuestion]
    public private(set) var index = 0
    public private(set) var correct = 0
    public private(set) var asked = 0
    /// Wrong tries on the current question: the first gets another try, the second the worked formula.
    public private(set) var wrongTries = 0
    /// Each answered question's kind and whether it was right, in order: kept per kind in the
    /// progress file (spaced repetition) and in the `--format json` result line.
    public private(set) var results: [QuizResult] = []

    public init(questions: [QuizQuestion]) { self.questions = questions }

    public var isFinished: Bool { index >= questions.count }
    public var current: QuizQuestion? { isFinished ? nil : questions[index] }

    /// "Question 2/10: …"
    public var promptLine: String? {
        current.map { Messages.quizPromptLine(index + 1, of: questions.count, prompt: $0.prompt) }
    }

    /// Checks a typed answer and moves on; a first wrong one is asked again, a second gets the worked
    /// formula (a right answer at the second try counts as right, as in lessons). A typed text that is
    /// not a number is asked again (`accepted` false) without counting.
    public mutating func answer(_ typed: String) -> (accepted: Bool, lines: [String]) {
        guard let q = current else { return (false, []) }
        guard let n = AnswerMatcher.number(typed) else { return (false, [Messages.quizPleaseWholeNumber]) }
        if n != q.answer, wrongTries == 0 {
            wrongTries = 1
            return (false, [Messages.quizTryAgain])
        }
        wrongTries = 0
        asked += 1
        index += 1
        results.append(QuizResult(kind: q.kind, right: n == q.answer))
        if n == q.answer {
            correct += 1
            return (true, [Messages.right(NumberText.grouped(q.answer))])
        }
        return (true, [Messages.notQuiteAnswer(NumberText.grouped(q.answer))] + q.worked.map { "  " + $0 })
    }

    public var scoreLine: String { Messages.quizScore(correct: correct, asked: asked) }
}

/// One answered quiz question: its kind and whether the answer was right.
public struct QuizResult: Sendable, Equatable {
    public var kind: QuizKind
    public var right: Bool
    public init(kind: QuizKind, right: Bool) { self.kind = kind; self.right = right }
}
