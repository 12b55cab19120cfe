import AlexNetCore

/// A lesson being taken: which step is showing, the network at that step, and the answers given.
/// Plain mode and the TUI both drive it: `enter()` gives the step's lines, `answer(_:)` checks a
/// typed answer, `next()` / `previous()` move.
public struct LessonSession: Sendable {
    public let lesson: Lesson
    public private(set) var index = 0
    public private(set) var context: LessonContext
    /// Wrong tries on the current question; the second one reveals the answer (every question gets a
    /// second try, with its hint when it has one).
    public private(set) var wrongTries = 0
    /// Questions answered right (first or second try) and questions asked, for the summary.
    public private(set) var correct = 0
    public var asked: Int { given.count }
    /// The learner's own answer at each settled question, by step index.
    public private(set) var given: [Int: GivenAnswer] = [:]
    /// The result of the lesson's `experiment:` step once it has run (plain runner or full screen); later
    /// text reads it through `{experiment.…}`. It stays when the learner goes back.
    public private(set) var experiment: ComparisonSummary?
    /// The network at every step, built once: the lesson is refused up front if a step breaks it.
    private let contexts: [LessonContext]

    /// Fails (with the step's `file:line`) if a step's action breaks the network, e.g. `input: 1`;
    /// `--check` reports the same line in the same words.
    public init(lesson: Lesson) throws(ConfigError) {
        self.lesson = lesson
        contexts = try LessonReplay.contexts(of: lesson)
        context = contexts[0]
    }

    public var step: LessonStep { lesson.steps[index] }
    public var isLast: Bool { index == lesson.steps.count - 1 }
    /// True while the current step's question is waiting for an answer.
    public var awaitingAnswer: Bool { step.question != nil && given[index] == nil }

    /// What the step shows: a header, the screen focus, the action, the text and the question.
    /// `trains` says whether the caller will run a `train` action itself (and print its progress).
    public func enter(trains: Bool = false) -> [String] {
        var lines = ["── Step \(index + 1)/\(lesson.steps.count) ──"]
        if let action = step.action {
            let skipped = switch action {
            case .train where !trains: ": training runs in the explorer (alexnet explore); here it is skipped"
            case .experiment where !trains: ": it runs in the full-screen lesson and in plain mode; here it is skipped"
            default: ""
            }
            // Generated text, like the screen facts: a preset's summary may quote the count asked for.
            lines.append(HiddenAnswer.masked("[\(action.summary(in: context))\(skipped)]", hiding: hiddenValues))
        }
        if let focus = step.show { lines += facts(for: focus) }
        if let text = step.text { lines += render(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        while lines.last == "" { lines.removeLast() }
        if let q = step.question {
            lines.append("Q: " + render(q.prompt))
            if case .choice(let options, _) = q.answer {
                for (i, o) in options.enumerated() { lines.append("   \(Self.letter(i))) \(render(o))") }
            }
            if let mine = given[index], let expected = expectedAnswer { lines.append(mine.revisitLine(expected: expected)) }
        }
        return lines
    }

    /// Plain mode's text for a screen focus, with the answers not yet given masked (`HiddenAnswer`).
    public func facts(for focus: ScreenFocus) -> [String] {
        LayerFacts.lines(for: focus, in: context).map { HiddenAnswer.masked($0, hiding: hiddenValues) }
    }

    /// The numbers the student must not see yet: the answer of this step's question and of the next
    /// step's, while each waits for an answer. The full-screen pane masks them too.
    public var hiddenValues: [Int] {
        [index, index + 1].flatMap { i in given[i] == nil ? Self.hiddenNumbers(of: lesson, at: i, in: contexts) : [] }
    }

    /// What a step's question hides: its answer, and for a layer's `params` also its `weights` (the
    /// screens print "34,848 weights + 96 biases = 34,944", which would leave a sum to copy).
    static func hiddenNumbers(of lesson: Lesson, at i: Int, in contexts: [LessonContext]) -> [Int] {
        guard let answer = numericAnswer(of: lesson, at: i, in: contexts) else { return [] }
        guard case .expression(let e)? = lesson.steps[i].question?.answer, e.terms.isEmpty, e.field == "params",
              e.subject != "total",
              let weights = try? CoreExpression(subject: e.subject, field: "weights").evaluate(in: contexts[i]).get().number
        else { return [answer] }
        return [answer, weights]
    }

    /// The number a step's question asks for (nil for a choice, or a step without a question).
    static func numericAnswer(of lesson: Lesson, at i: Int, in contexts: [LessonContext]) -> Int? {
        guard lesson.steps.indices.contains(i), contexts.indices.contains(i), let q = lesson.steps[i].question else { return nil }
        switch q.answer {
        case .expression(let e): return try? e.evaluate(in: contexts[i]).get().number
        case .literal(let n, _): return n
        case .choice: return nil
        }
    }

    /// The right answer of the current question, as the core computes it.
    public var expectedAnswer: CoreValue? {
        guard let q = step.question else { return nil }
        switch q.answer {
        case .expression(let e): return try? e.evaluate(in: context).get()
        case .literal(let n, _): return .number(n)
        // Options may hold placeholders ("the same, {norm1.input}"): the answer reads as the option did.
        case .choice(let options, let correct): return .text("\(Self.letter(correct))) \(render(options[correct]))")
        }
    }

    /// Checks a typed answer; a wrong one gets another try (with the hint, if there is one), a second
    /// wrong one the answer and explanation.
    public mutating func answer(_ typed: String) -> [String] {
        guard let q = step.question, awaitingAnswer, let expected = expectedAnswer else {
            return ["(no question is waiting here)"]
        }
        let isRight: Bool
        let mine: String
        switch q.answer {
        case .choice(let options, let correct):
            guard let picked = AnswerMatcher.choice(typed, options: options) else {
                return ["Please answer with a letter from a to \(Self.letter(options.count - 1))."]
            }
            isRight = picked == correct
            mine = "\(Self.letter(picked))) \(render(options[picked]))"
        default:
            guard let n = AnswerMatcher.number(typed) else { return ["Please type a whole number (commas are fine)."] }
            isRight = n == expected.number
            mine = NumberText.grouped(n)
        }
        var lines: [String] = []
        if isRight {
            lines.append("Right: \(expected).")
            correct += 1
        } else if wrongTries == 0 {
            wrongTries += 1
            return [q.hint.map { "Not quite. Hint: \(render($0))" } ?? "Not quite.", "Try again (or type 'skip')."]
        } else {
            lines.append("Not quite: the answer is \(expected).")
        }
        if let e = q.explanation { lines += render(e).split(separator: "\n").map(String.init) }
        settle(GivenAnswer(typed: mine, outcome: isRight ? .right : .wrong))
        return lines
    }

    /// Gives up on the current question: shows the answer and explanation.
    public mutating func skip() -> [String] {
        guard let q = step.question, awaitingAnswer, let expected = expectedAnswer else { return [] }
        var lines = ["The answer is \(expected)."]
        if let e = q.explanation { lines += render(e).split(separator: "\n").map(String.init) }
        settle(GivenAnswer(typed: nil, outcome: .skipped))
        return lines
    }

    /// The hint of the current question, if it has one.
    public var hint: String? { step.question?.hint.map(render) }

    /// Keeps the measured result of the experiment step for `{experiment.…}` in later steps.
    public mutating func record(experiment result: ComparisonSummary) {
        experiment = result
    }

    /// Moves to the next step; false at the end.
    public mutating func next() -> Bool {
        guard !isLast else { return false }
        return move(to: index + 1)
    }

    /// Moves back one step; false at the start.
    public mutating func previous() -> Bool {
        guard index > 0 else { return false }
        return move(to: index - 1)
    }

    /// "You answered 3 of 4 questions right."
    public var summary: String {
        asked == 0 ? "End of \"\(lesson.title)\"." : "End of \"\(lesson.title)\": \(correct) of \(asked) questions right."
    }

    private mutating func move(to newIndex: Int) -> Bool {
        guard contexts.indices.contains(newIndex) else { return false }
        index = newIndex; context = contexts[newIndex]; wrongTries = 0
        return true
    }

    /// A question is answered once; its answer is kept for going back (and for the summary).
    private mutating func settle(_ answer: GivenAnswer) {
        if given[index] == nil { given[index] = answer }
        wrongTries = 0
    }

    /// Placeholders filled from the core; a lesson that passed `--check` always resolves, and one
    /// that did not shows the raw text rather than stopping the lesson.
    private func render(_ text: String) -> String {
        (try? PlaceholderText.render(text, in: context, experiment: experiment).get()) ?? text
    }

    /// `a`–`z` for the first 26 options (the loader allows no more); past that the 1-based number, so
    /// a lesson built in code with more options still shows instead of trapping.
    static func letter(_ i: Int) -> String {
        (0..<26).contains(i) ? String(UnicodeScalar(UInt8(97 + i))) : String(i + 1)
    }
}
