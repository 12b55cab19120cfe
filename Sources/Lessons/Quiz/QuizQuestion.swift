/// One generated question: what is asked, the core's answer and the worked formula shown after a
/// wrong answer.
public struct QuizQuestion: Sendable, Equatable {
    public var kind: QuizKind
    public var prompt: String
    public var answer: Int
    public var worked: [String]
    /// The numbers the prompt gives, by their formula letter (`W`, `F`, `S`, `P`, `out`, `Cin`, `Cout`,
    /// `groups`, `in`; `F1`, `S1`, … for a stack), so screens and tests need not parse the prompt.
    public var givens: [String: Int]
    /// Other answers that are just as right: a layer tied for the most parameters, a whole percentage
    /// rounded the other way when the exact share lies between two.
    public var alsoRight: [Int] = []

    public init(kind: QuizKind, prompt: String, answer: Int, worked: [String], givens: [String: Int] = [:],
                alsoRight: [Int] = []) {
        self.kind = kind; self.prompt = prompt; self.answer = answer; self.worked = worked; self.givens = givens
        self.alsoRight = alsoRight.filter { $0 != answer }
    }

    /// Whether a typed number is a right answer.
    public func accepts(_ n: Int) -> Bool { n == answer || alsoRight.contains(n) }
}
