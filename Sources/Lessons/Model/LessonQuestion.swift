/// A question in a lesson, with the answer checked by the core where possible.
public struct LessonQuestion: Sendable, Equatable {
    public enum Answer: Sendable, Equatable {
        /// The core computes the answer (`answer: conv1.params`).
        case expression(CoreExpression)
        /// A number typed in the lesson; `check` (when given) names the core value it must equal.
        case literal(Int, check: CoreExpression?)
        /// Multiple choice: the options and the index of the right one.
        case choice([String], correct: Int)
    }

    public var prompt: String
    public var answer: Answer
    public var hint: String?
    public var explanation: String?
    /// Lines of the `answer:` and `check:` fields, for `--check` messages.
    public var answerLine: Int?
    public var checkLine: Int?

    public init(prompt: String, answer: Answer, hint: String? = nil, explanation: String? = nil,
                answerLine: Int? = nil, checkLine: Int? = nil) {
        self.prompt = prompt; self.answer = answer; self.hint = hint; self.explanation = explanation
        self.answerLine = answerLine; self.checkLine = checkLine
    }
}
