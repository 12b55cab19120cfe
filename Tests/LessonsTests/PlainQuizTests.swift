import Foundation
@testable import Lessons
import Testing

@Suite struct PlainQuizTests {
    @Test func seededQuizTranscriptWithAWrongAnswer() throws {
        var g = try QuizGenerator(seed: 5)
        let questions = g.questions(topic: .params, count: 3)
        // Right, wrong twice, then a non-number followed by the right one.
        var input = [String(questions[0].answer), String(questions[1].answer + 1), String(questions[1].answer + 2),
                     "many", String(questions[2].answer)]
        var lines: [String] = []
        let score = PlainQuizRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) })
            .run(questions)
        #expect(score.correct == 2 && score.asked == 3)
        #expect(lines.contains("Question 1/3: " + questions[0].prompt))
        // The first wrong answer gets a second try, the second the answer.
        let retryAt = try #require(lines.firstIndex(of: "Not quite. Try again."))
        let wrongAt = try #require(lines.firstIndex { $0.hasPrefix("Not quite: the answer is") })
        #expect(lines[retryAt + 1] == "answer> " && retryAt + 2 == wrongAt)
        // The worked formula follows the wrong answer, line by line.
        #expect(Array(lines[(wrongAt + 1)...].prefix(questions[1].worked.count)) == questions[1].worked.map { "  " + $0 })
        #expect(lines.contains("Please type a whole number."))
        #expect(lines.last == "Score: 2/3")
    }

    @Test func workedFormulaShowsTheNumbersOfAnAlexNetLayer() throws {
        // Find a seeded fc question on AlexNet and check its worked lines by hand.
        for seed in 0..<50 {
            var g = try QuizGenerator(seed: UInt64(seed))
            let q = g.question(.fcParams)
            guard q.prompt.hasPrefix("\(QuizGenerator.paperNetwork)'s fc6") else { continue }
            var input = ["1", "2"]
            var lines: [String] = []
            _ = PlainQuizRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) }).run([q])
            #expect(lines.contains("Not quite: the answer is 37,752,832."))
            #expect(lines.contains("  weights = inputs · outputs = 9216 · 4096 = 37,748,736"))
            return
        }
        Issue.record("no seed below 50 asked about fc6")
    }

    /// Piped answers are written back after the prompt, so the transcript reads as a dialogue.
    @Test func echoedAnswersReadAsADialogue() throws {
        let q = QuizQuestion(kind: .convOutput, prompt: "W = 227, F = 11, S = 4, P = 0: output side?", answer: 55,
                             worked: ["⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"])
        var input = ["54", "56"]
        var lines: [String] = []
        _ = PlainQuizRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) }, echo: true).run([q])
        #expect(lines == ["(type a whole number; commas are fine; q quits)",
                          "Question 1/1: W = 227, F = 11, S = 4, P = 0: output side?",
                          "answer> 54", "Not quite. Try again.",
                          "answer> 56", "Not quite: the answer is 55.", "  ⌊(227 − 11 + 2·0)/4⌋ + 1 = 55",
                          "Score: 0/1"])
    }

    /// A right answer at the second try counts, as in lessons, but is recorded and scored apart.
    @Test func rightAtTheSecondTryCounts() {
        let q = QuizQuestion(kind: .convOutput, prompt: "p", answer: 55, worked: [])
        var session = QuizSession(questions: [q, q])
        #expect(session.answer("54") == (false, ["Not quite. Try again."]))
        #expect(session.asked == 0 && !session.isFinished)
        #expect(session.answer("55") == (true, ["Right: 55. At the second try: it counts apart from first-try answers."]))
        #expect(session.answer("55") == (true, ["Right: 55."]))
        #expect(session.scoreLine == "Score: 2/2 (1 at the first try, 1 at the second)")
        #expect(session.firstTry == 1)
        #expect(session.results == [QuizResult(kind: .convOutput, right: true, tries: 2),
                                    QuizResult(kind: .convOutput, right: true, tries: 1)])
        let json = QuizWorksheet.resultLine(session: session, topic: .all, seed: 7)
        #expect(json.contains(#""correct":2,"firstTry":1,"secondTry":1"#))
        #expect(json.contains(#""convOutput":{"asked":2,"right":2,"firstTry":1}"#))
    }

    /// Ties and either rounding are right: the answer the question names is not the only one.
    @Test func otherRightAnswersAreAccepted() {
        let q = QuizQuestion(kind: .mostParams, prompt: "p", answer: 6, worked: [], alsoRight: [6, 7])
        #expect(q.alsoRight == [7])
        var session = QuizSession(questions: [q])
        #expect(session.answer("7") == (true, ["Right: 7 (so is 6)."]))
        #expect(session.correct == 1)
    }

    @Test func endOfInputStopsTheQuiz() throws {
        var g = try QuizGenerator(seed: 1)
        var lines: [String] = []
        let score = PlainQuizRunner(readLine: { nil }, write: { lines.append($0) }).run(g.questions(topic: .all, count: 5))
        #expect(score.asked == 0)
        #expect(lines.last == "Score: 0/0")
    }
}
