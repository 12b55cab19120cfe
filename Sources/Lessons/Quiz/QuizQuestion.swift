/// One generated question: what is asked, the core's answer and the worked formula shown after a
/// wrong answer.
public struct QuizQuestion: Sendable, Equatable {
    public var kind: QuizKind
    public var prompt: String
    public var answer: Int
    public var worked: [String]

    public init(kind: QuizKind, prompt: String, answer: Int, worked: [String]) {
        self.kind = kind; self.prompt = prompt; self.answer = answer; self.worked = worked
    }
}
