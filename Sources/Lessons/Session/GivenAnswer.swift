import Localization
/// What the learner answered at one question, kept so that going back to it shows their own answer
/// and whether it was right, not the right answer dressed up as theirs.
public struct GivenAnswer: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// Right on the first or second try.
        case right
        /// Wrong after the hint (or with no hint).
        case wrong
        /// Given up with `skip`.
        case skipped
    }

    /// The answer as the learner meant it: `c) z` for a choice, `34,944` for a number; nil when skipped.
    public var typed: String?
    public var outcome: Outcome

    public init(typed: String?, outcome: Outcome) { self.typed = typed; self.outcome = outcome }

    /// The line shown when the question is revisited, e.g. `(you answered c) z: not right; the answer is b) y)`.
    func revisitLine(expected: CoreValue) -> String {
        switch outcome {
        case .right: Messages.youAnsweredRight(typed ?? "\(expected)")
        case .wrong: Messages.youAnsweredWrong(typed ?? "?", answer: "\(expected)")
        case .skipped: Messages.youSkipped(answer: "\(expected)")
        }
    }
}
