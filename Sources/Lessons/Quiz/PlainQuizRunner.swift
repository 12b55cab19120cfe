import AlexNetCore
import Foundation

/// Asks quiz questions one line at a time; a wrong answer gets the worked formula. Ends on `q` or
/// end of input, and returns the score so the caller can save progress.
public struct PlainQuizRunner {
    let readLine: () -> String?
    let write: (String) -> Void

    public init(readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.readLine = readLine; self.write = write
    }

    /// Right answers and questions answered (a question left at end of input does not count).
    public func run(_ questions: [QuizQuestion]) -> (correct: Int, asked: Int) {
        var correct = 0, asked = 0
        write("(type a whole number; commas are fine; q quits)")
        questionLoop: for (i, q) in questions.enumerated() {
            write("Question \(i + 1)/\(questions.count): \(q.prompt)")
            while true {
                write("answer> ")
                guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { break questionLoop }
                if line.lowercased() == "q" { break questionLoop }
                guard let n = AnswerMatcher.number(line) else {
                    write("Please type a whole number."); continue
                }
                asked += 1
                if n == q.answer {
                    correct += 1
                    write("Right: \(NumberText.grouped(q.answer)).")
                } else {
                    write("Not quite: the answer is \(NumberText.grouped(q.answer)).")
                    q.worked.forEach { write("  " + $0) }
                }
                break
            }
        }
        write("Score: \(correct)/\(asked)")
        return (correct, asked)
    }
}
