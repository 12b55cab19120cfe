@testable import Lessons
import Testing

/// Going back to an answered question shows what the learner answered and whether it was right;
/// it used to show the right answer as theirs (`(answered: b) y)` after they typed `c`).
@Suite struct RevisitAnswerTests {
    static let yaml = """
    title: Revisit
    preset: alexnet
    steps:
      - question: Which?
        choices: [x, y, z]
        answer: b
      - question: How many parameters does conv1 have?
        answer: conv1.params
        hint: "96·3·11·11 + 96"
      - text: the end
    """

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Typed at step 1, then at step 2; `nil` leaves that question unanswered.
        var first: [String]
        var second: [String]
        var revisitFirst: String?
        var revisitSecond: String?
        var correct: Int, asked: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "wrong letter twice, wrong number twice", first: ["c", "a"], second: ["1", "2"],
             revisitFirst: "(you answered a) x: not right; the answer is b) y)",
             revisitSecond: "(you answered 2: not right; the answer is 34,944)", correct: 0, asked: 2),
        Case(name: "right letter, right number on the second try", first: ["B"], second: ["1", "34 944"],
             revisitFirst: "(you answered b) y: right)", revisitSecond: "(you answered 34,944: right)", correct: 2, asked: 2),
        Case(name: "choice by its number", first: ["3", "3"], second: ["34944"],
             revisitFirst: "(you answered c) z: not right; the answer is b) y)", revisitSecond: "(you answered 34,944: right)",
             correct: 1, asked: 2),
        Case(name: "skipped", first: ["skip"], second: ["1", "skip"],
             revisitFirst: "(you skipped this one; the answer is b) y)",
             revisitSecond: "(you skipped this one; the answer is 34,944)", correct: 0, asked: 2),
    ]

    /// Answers both questions, then walks back to each and reads the line it shows.
    @Test(arguments: cases)
    func revisitShowsTheLearnersOwnAnswer(_ c: Case) throws {
        var session = try LessonSession(lesson: try LessonLoader(file: "r.yaml").load(text: Self.yaml))
        func type(_ inputs: [String]) {
            for t in inputs { _ = t == "skip" ? session.skip() : session.answer(t) }
        }
        type(c.first)
        let toSecond = session.next()
        type(c.second)
        let toEnd = session.next(), backToSecond = session.previous()
        #expect(toSecond && toEnd && backToSecond)
        #expect(!session.awaitingAnswer)
        #expect(session.enter().last == c.revisitSecond)
        let backToFirst = session.previous()
        #expect(backToFirst)
        #expect(session.enter().last == c.revisitFirst)
        #expect((session.correct, session.asked) == (c.correct, c.asked))
        // A settled question is not asked again, and its record does not change.
        let again = session.answer("b")
        #expect(again == ["(no question is waiting here)"])
        #expect(session.enter().last == c.revisitFirst)
    }

    @Test func anUnansweredQuestionShowsNoAnswerLine() throws {
        var session = try LessonSession(lesson: try LessonLoader(file: "r.yaml").load(text: Self.yaml))
        let moved = session.next() && session.previous()
        #expect(moved && session.awaitingAnswer)
        #expect(session.enter().last == "   c) z")
    }

    /// The plain runner transcript: the learner types c twice, goes on (skipping the next question), comes back.
    @Test func plainRunnerShowsTheTypedChoiceWhenGoingBack() throws {
        var input = ["c", "c", "", "skip", "p", "q"]
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) })
            .run(try LessonSession(lesson: try LessonLoader(file: "r.yaml").load(text: Self.yaml)))
        let back = try #require(lines.lastIndex(of: "── Step 1/3 ──"))
        #expect(Array(lines[back...].prefix(6)) == ["── Step 1/3 ──", "Q: Which?", "   a) x", "   b) y", "   c) z",
                                                     "(you answered c) z: not right; the answer is b) y)"])
        #expect(!lines.contains { $0.hasPrefix("(answered:") })
    }
}
