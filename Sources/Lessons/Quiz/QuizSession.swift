import AlexNetCore

/// A quiz being taken: the current question, the score, and the feedback for a typed answer.
/// The plain runner and the TUI both drive it.
public struct QuizSession: Sendable {
    public let questions: [QuizQuestion]
    public private(set) var index = 0
    /// Right answers (at either try) and questions answered; `firstTry` of them right at the first try.
    public private(set) var correct = 0
    public private(set) var asked = 0
    public var firstTry: Int { results.filter { $0.right && $0.tries == 1 }.count }
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
        current.map { "Question \(index + 1)/\(questions.count): \($0.prompt)" }
    }

    /// Checks a typed answer and moves on; a first wrong one is asked again, a second gets the worked
    /// formula (a right answer at the second try counts as right, as in lessons). A typed text that is
    /// not a number is asked again (`accepted` false) without counting.
    public mutating func answer(_ typed: String) -> (accepted: Bool, lines: [String]) {
        guard let q = current else { return (false, []) }
        guard let n = AnswerMatcher.number(typed) else { return (false, ["Please type a whole number."]) }
        if !q.accepts(n), wrongTries == 0 {
            wrongTries = 1
            return (false, ["Not quite. Try again."])
        }
        let tries = wrongTries + 1
        wrongTries = 0
        asked += 1
        index += 1
        results.append(QuizResult(kind: q.kind, right: q.accepts(n), tries: tries))
        if q.accepts(n) {
            correct += 1
            let also = n == q.answer ? "" : " (so is \(NumberText.grouped(q.answer)))"
            let second = tries == 2 ? " At the second try: it counts apart from first-try answers." : ""
            return (true, ["Right: \(NumberText.grouped(n))\(also).\(second)"])
        }
        return (true, ["Not quite: the answer is \(NumberText.grouped(q.answer))."] + q.worked.map { "  " + $0 })
    }

    /// "Score: 7/10 (5 at the first try, 2 at the second)".
    public var scoreLine: String {
        let second = correct - firstTry
        return "Score: \(correct)/\(asked)" + (second == 0 ? "" : " (\(firstTry) at the first try, \(second) at the second)")
    }
}

/// One answered quiz question: its kind, whether the answer was right, and at which try (1 or 2).
public struct QuizResult: Sendable, Equatable {
    public var kind: QuizKind
    public var right: Bool
    public var tries: Int
    public init(kind: QuizKind, right: Bool, tries: Int = 1) { self.kind = kind; self.right = right; self.tries = tries }
    /// Right at the first try: what spaced repetition counts as known.
    public var rightFirstTime: Bool { right && tries == 1 }
}
