import Testing
@testable import Lessons

/// A seeded quiz driven with scripted replies; the whole transcript is asserted.
@Suite struct QuizSessionTests {
    func run(seed: UInt64, topic: QuizTopic, count: Int, replies: [String]) -> (QuizSession, [String]) {
        var generator = QuizGenerator(seed: seed)
        var session = QuizSession(topic: topic, questions: generator.questions(topic: topic, count: count))
        var input = replies[...]
        var lines: [String] = []
        PlainRunner().run(&session, input: { input.popFirst() }, output: { lines.append($0) })
        return (session, lines)
    }

    @Test func aWrongAnswerGetsTheWorkedFormulaAndTheScoreCounts() {
        // Hand arithmetic: pool5 ⌊(13 − 3)/2⌋ + 1 = 6; conv1 ⌊(227 − 11)/4⌋ + 1 = 55.
        #expect((13 - 3) / 2 + 1 == 6 && (227 - 11) / 4 + 1 == 55)
        let (session, lines) = run(seed: 3, topic: .shapes, count: 2, replies: ["7", "five", "55"])
        #expect(lines == [
            "Quiz: shapes, 2 questions. Answer with a whole number.",
            "",
            "Q1 [pool output size] AlexNet's pool5 (max pool) sees a 13×13 input with kernel 3, stride 2, padding 0. How wide is its output?",
            "Not quite: the answer is 6.",
            "  out = ⌊(W − F + 2P)/S⌋ + 1",
            "      = ⌊(13 − 3 + 2·0)/2⌋ + 1",
            "      = ⌊10/2⌋ + 1",
            "      = 5 + 1 = 6",
            "  exact: 10 = 5·2, every pixel is used",
            "",
            "Q2 [conv output size] AlexNet's conv1 (conv) sees a 227×227 input with kernel 11, stride 4, padding 0. How wide is its output?",
            "Answer with a whole number, e.g. 55.",
            "Correct.",
            "",
            "Score: 1 of 2.",
        ])
        #expect(session.isFinished && session.score == 1)
    }

    @Test func endOfInputEndsTheQuizWithoutAScore() {
        let (session, lines) = run(seed: 3, topic: .shapes, count: 2, replies: ["6"])
        #expect(!session.isFinished)
        #expect(lines.last == "(input ended: 1 of 1 answered right; quiz stopped at question 2 of 2)")
    }

    @Test func allRightScoresFull() {
        var generator = QuizGenerator(seed: 11)
        let questions = generator.questions(topic: .all, count: 9)
        let (session, lines) = run(seed: 11, topic: .all, count: 9,
                                   replies: questions.map { NumberTextForTests.grouped($0.answer) })
        #expect(session.score == 9)
        #expect(lines.last == "Score: 9 of 9.")
    }
}
