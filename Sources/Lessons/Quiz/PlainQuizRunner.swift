import Localization
import Foundation

/// Asks quiz questions one line at a time; a wrong answer gets the worked formula. Ends on `q` or
/// end of input, and returns the score so the caller can save progress.
public struct PlainQuizRunner {
    let readLine: () -> String?
    let write: (String) -> Void
    /// Whether to write back each answer read, so piped input makes a transcript that reads as a dialogue.
    let echo: Bool

    public init(readLine: @escaping () -> String?, write: @escaping (String) -> Void, echo: Bool = false) {
        self.readLine = readLine; self.write = write; self.echo = echo
    }

    /// Right answers and questions answered (a question left at end of input does not count).
    public func run(_ questions: [QuizQuestion]) -> (correct: Int, asked: Int) {
        let session = runSession(questions)
        return (session.correct, session.asked)
    }

    /// The same, returning the finished session (its per-question results too).
    public func runSession(_ questions: [QuizQuestion]) -> QuizSession {
        var session = QuizSession(questions: questions)
        write(Messages.quizKeys)
        var ask = true
        while let prompt = session.promptLine {
            if ask { write(prompt) }
            if !echo { write(Messages.answerPrompt) }
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { break }
            if echo { write(Messages.answerPrompt + line) }
            guard line.lowercased() != "q" else { break }
            let (accepted, lines) = session.answer(line)
            lines.forEach(write)
            ask = accepted
        }
        write(session.scoreLine)
        return session
    }
}
