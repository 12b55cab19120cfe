@testable import Lessons
import Testing

/// Every kind's answers against arithmetic written out here, over many seeds (AlexNet's layers and
/// random ones).
@Suite struct QuizGeneratorTests {
    static func questions(_ kind: QuizKind) throws -> [QuizQuestion] {
        try (0..<60).map { seed in
            var g = try QuizGenerator(seed: UInt64(seed))
            return g.question(kind)
        }
    }

    static func g(_ q: QuizQuestion, _ key: String) -> Int { q.givens[key]! }

    @Test(arguments: [QuizKind.convOutput, .poolOutput])
    func windowOutputSide(kind: QuizKind) throws {
        for q in try Self.questions(kind) {
            let (w, f, s, p) = (Self.g(q, "W"), Self.g(q, "F"), Self.g(q, "S"), Self.g(q, "P"))
            #expect(q.answer == (w - f + 2 * p) / s + 1, "\(q.prompt)")
            #expect(q.worked.first == "out = ⌊(W − F + 2P)/S⌋ + 1")
        }
    }

    @Test func paddingToKeepSize() throws {
        for q in try Self.questions(.paddingToKeepSize) {
            let (w, f) = (Self.g(q, "W"), Self.g(q, "F"))
            #expect(q.answer == (f - 1) / 2)
            #expect(w - f + 2 * q.answer + 1 == w)
        }
    }

    @Test func strideForTarget() throws {
        for q in try Self.questions(.strideForTarget) {
            let (w, f, p, out) = (Self.g(q, "W"), Self.g(q, "F"), Self.g(q, "P"), Self.g(q, "out"))
            #expect(q.answer == (w - f + 2 * p) / (out - 1))
            #expect((w - f + 2 * p) % (out - 1) == 0, "the question must have an exact answer")
        }
    }

    @Test func inputForExact() throws {
        for q in try Self.questions(.inputForExact) {
            let (f, s, p, out) = (Self.g(q, "F"), Self.g(q, "S"), Self.g(q, "P"), Self.g(q, "out"))
            #expect(q.answer == (out - 1) * s + f - 2 * p)
        }
    }

    @Test func inputForExactOnConv1Is227() throws {
        let conv1 = try Self.questions(.inputForExact).first { $0.prompt.hasPrefix("\(QuizGenerator.paperNetwork)'s conv1") }
        #expect(try #require(conv1).answer == 227)
    }

    @Test func convParamsWithGroups() throws {
        let qs = try Self.questions(.convParams)
        for q in qs {
            let (cin, cout, f, groups) = (Self.g(q, "Cin"), Self.g(q, "Cout"), Self.g(q, "F"), Self.g(q, "groups"))
            #expect(q.answer == cout * (cin / groups) * f * f + cout)
        }
        #expect(qs.contains { $0.givens["groups"]! > 1 }, "some questions must have groups")
    }

    @Test func fcParams() throws {
        for q in try Self.questions(.fcParams) {
            #expect(q.answer == Self.g(q, "in") * Self.g(q, "out") + Self.g(q, "out"))
        }
    }

    @Test func layerMACs() throws {
        for q in try Self.questions(.layerMACs) {
            if let cin = q.givens["Cin"] {
                let (cout, f, groups, w, s, p) = (Self.g(q, "Cout"), Self.g(q, "F"), Self.g(q, "groups"),
                                                   Self.g(q, "W"), Self.g(q, "S"), Self.g(q, "P"))
                let side = (w - f + 2 * p) / s + 1
                #expect(q.answer == cout * side * side * (cin / groups) * f * f, "\(q.prompt)")
            } else {
                #expect(q.answer == Self.g(q, "in") * Self.g(q, "out"))
            }
        }
    }

    @Test func receptiveField() throws {
        for q in try Self.questions(.receptiveField) {
            var rf = 1, jump = 1
            for i in 1...Self.g(q, "layers") {
                rf += (Self.g(q, "F\(i)") - 1) * jump
                jump *= Self.g(q, "S\(i)")
            }
            #expect(q.answer == rf, "\(q.prompt)")
        }
    }

    /// The layer kinds; the cost and operation kinds range over every preset (MoreQuizKindsTests).
    @Test func bothAlexNetAndRandomLayersAppear() throws {
        for kind in [QuizKind.convOutput, .poolOutput, .paddingToKeepSize, .strideForTarget, .inputForExact,
                     .convParams, .fcParams, .layerMACs, .receptiveField] {
            let prompts = try Self.questions(kind).map(\.prompt)
            #expect(prompts.contains { $0.hasPrefix(QuizGenerator.paperNetwork) }, "\(kind)")
            #expect(prompts.contains { !$0.contains("AlexNet") }, "\(kind)")
        }
    }

    @Test func sameSeedSameQuestions() throws {
        var a = try QuizGenerator(seed: 42), b = try QuizGenerator(seed: 42), c = try QuizGenerator(seed: 43)
        let qa = a.questions(topic: .all, count: 12), qb = b.questions(topic: .all, count: 12)
        #expect(qa == qb)
        let qc = c.questions(topic: .all, count: 12)
        #expect(qa != qc)
    }

    @Test func topicsDrawTheirKindsAndEveryKindBeforeRepeats() throws {
        var g = try QuizGenerator(seed: 7)
        let all = g.questions(topic: .all, count: QuizKind.allCases.count)
        #expect(Set(all.map(\.kind)) == Set(QuizKind.allCases))
        #expect(QuizKind.allCases.count >= 8)
        for topic in [QuizTopic.shapes, .params, .receptive] {
            let drawn = g.questions(topic: topic, count: 10)
            #expect(drawn.allSatisfy { topic.kinds.contains($0.kind) })
        }
    }
}
