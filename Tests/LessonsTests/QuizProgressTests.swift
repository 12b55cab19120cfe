@testable import Lessons
import Testing

/// Recording a quiz never traps and always records: totals saturate at the counter limit.
@Suite struct QuizProgressTests {
    static let limit = QuizProgress.counterLimit

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var before: QuizProgress.TopicRecord
        var correct: Int, outOf: Int
        /// sessions, correct, asked after recording
        var after: (Int, Int, Int)
        var testDescription: String { name }
    }

    static func record(sessions: Int, correct: Int, asked: Int) -> QuizProgress.TopicRecord {
        .init(sessions: sessions, correct: correct, asked: asked, bestCorrect: 1, bestOutOf: 2, lastCorrect: 1, lastOutOf: 2)
    }

    static let cases: [Case] = [
        Case(name: "ordinary", before: record(sessions: 2, correct: 3, asked: 4), correct: 1, outOf: 2, after: (3, 4, 6)),
        Case(name: "at the limit", before: record(sessions: limit, correct: limit, asked: limit), correct: 10, outOf: 10,
             after: (limit, limit, limit)),
        Case(name: "Int.max in memory", before: record(sessions: .max, correct: .max, asked: .max), correct: 500, outOf: 500,
             after: (limit, limit, limit)),
        Case(name: "one below", before: record(sessions: limit - 1, correct: 0, asked: limit - 1), correct: 0, outOf: 500,
             after: (limit, 0, limit)),
    ]

    @Test(arguments: cases)
    func totalsSaturate(_ c: Case) {
        var p = QuizProgress()
        p.topics["shapes"] = c.before
        p.record(topic: .shapes, correct: c.correct, outOf: c.outOf)
        let r = p.topics["shapes"]!
        #expect((r.sessions, r.correct, r.asked) == c.after)
        #expect((r.lastCorrect, r.lastOutOf) == (c.correct, c.outOf))
    }

    @Test func bestIsComparedAsAFraction() {
        var p = QuizProgress()
        let first = p.record(topic: .params, correct: 0, outOf: 3)   // sets the best, but beats nothing
        let better = p.record(topic: .params, correct: 1, outOf: 3)
        let equal = p.record(topic: .params, correct: 2, outOf: 6)   // equal is not better
        let perfect = p.record(topic: .params, correct: 500, outOf: 500)
        #expect(!first && better && !equal && perfect)
        #expect(p.topics["params"].map { ($0.bestCorrect, $0.bestOutOf) } ?? (0, 0) == (500, 500))
    }

    @Test func aFirstZeroIsNoNewBest() {
        var p = QuizProgress()
        // `New best for shapes!` after a first 0/1 congratulated nothing.
        let first = p.record(topic: .shapes, correct: 0, outOf: 1)
        let again = p.record(topic: .shapes, correct: 0, outOf: 1)
        let one = p.record(topic: .shapes, correct: 1, outOf: 1)
        #expect(!first && !again && one)
    }
}
