import Testing
@testable import Lessons

/// Each quiz kind's answer, redone here from the question's givens with plain integer arithmetic.
@Suite struct QuizArithmeticTests {
    static func independentAnswer(_ q: QuizQuestion) -> Int? {
        let g = q.givens
        switch q.kind {
        case .convOutput, .poolOutput:
            return (g["W"]! - g["F"]! + 2 * g["P"]!) / g["S"]! + 1
        case .samePadding:
            return (g["F"]! - 1) / 2
        case .strideForTarget:
            return (g["W"]! - g["F"]! + 2 * g["P"]!) / (g["out"]! - 1)
        case .exactInput:
            return (g["out"]! - 1) * g["S"]! + g["F"]! - 2 * g["P"]!
        case .groupedConvParams:
            return g["OC"]! * (g["C"]! / g["G"]!) * g["K"]! * g["K"]! + g["OC"]!
        case .linearParams:
            return g["in"]! * g["out"]! + g["out"]!
        case .layerMACs:
            return g["OH"]! * g["OW"]! * g["OC"]! * (g["C"]! / g["G"]!) * g["K"]! * g["K"]!
        case .receptiveField:
            var rf = 1, jump = 1, i = 0
            while let k = g["K\(i)"], let s = g["S\(i)"] { rf += (k - 1) * jump; jump *= s; i += 1 }
            return i == 0 ? nil : rf
        }
    }

    @Test func thereAreAtLeastEightKinds() { #expect(QuizKind.allCases.count >= 8) }

    @Test(arguments: QuizKind.allCases, Array(UInt64(1)...40))
    func answerMatchesIndependentArithmetic(kind: QuizKind, seed: UInt64) {
        var generator = QuizGenerator(seed: seed)
        let q = generator.question(kind)
        #expect(q.kind == kind)
        #expect(q.answer == Self.independentAnswer(q), "\(q.prompt)")
        #expect(!q.worked.isEmpty)
        #expect(q.worked.contains { $0.contains("= \(q.answer)") || $0.hasSuffix(NumberTextForTests.grouped(q.answer)) })
    }

    /// The famous numbers, written out by hand.
    @Test func alexNetsOwnLayersGiveThePapersNumbers() {
        var answers: [QuizKind: Set<Int>] = [:]
        for seed in UInt64(1)...200 {
            var generator = QuizGenerator(seed: seed)
            for kind in QuizKind.allCases {
                let q = generator.question(kind)
                if q.prompt.contains("AlexNet") { answers[kind, default: []].insert(q.answer) }
            }
        }
        #expect(answers[.exactInput] == [227])                      // (55 − 1)·4 + 11
        #expect(answers[.strideForTarget] == [4])                   // 216 / 54
        #expect(answers[.linearParams] == [9216 * 4096 + 4096, 4096 * 4096 + 4096, 4096 * 1000 + 1000])
        #expect(answers[.groupedConvParams] == [256 * 48 * 25 + 256, 384 * 192 * 9 + 384, 256 * 192 * 9 + 256])
        #expect(answers[.convOutput] == [55, 27, 13])
        #expect(answers[.poolOutput] == [27, 13, 6])
        #expect(answers[.layerMACs]?.contains(55 * 55 * 96 * 3 * 11 * 11) == true)
        #expect(answers[.receptiveField]?.contains(195) == true)    // pool5, as in the shapes table
    }

    @Test func theSameSeedGivesTheSameQuiz() {
        var a = QuizGenerator(seed: 99), b = QuizGenerator(seed: 99), c = QuizGenerator(seed: 100)
        let qa = a.questions(topic: .all, count: 12), qb = b.questions(topic: .all, count: 12)
        let qc = c.questions(topic: .all, count: 12)
        #expect(qa == qb)
        #expect(qa != qc)
        #expect(Set(qa.map(\.kind)).count == QuizKind.allCases.count)
    }

    @Test(arguments: [QuizTopic.shapes, .params, .receptive])
    func topicsOnlyAskTheirKinds(topic: QuizTopic) {
        var generator = QuizGenerator(seed: 5)
        #expect(generator.questions(topic: topic, count: 10).allSatisfy { $0.kind.topic == topic })
    }
}

/// Thousands separators written independently of the code under test.
enum NumberTextForTests {
    static func grouped(_ n: Int) -> String {
        var s = String(n), out = ""
        while s.count > 3 { out = "," + s.suffix(3) + out; s = String(s.dropLast(3)) }
        return s + out
    }
}
