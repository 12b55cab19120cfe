import AlexNetCore
import Foundation
@testable import Lessons
import Testing

/// The seven kinds added for the course, each checked against arithmetic written out here.
@Suite struct MoreQuizKindsTests {
    static func questions(_ kind: QuizKind) throws -> [QuizQuestion] { try QuizGeneratorTests.questions(kind) }
    static func g(_ q: QuizQuestion, _ key: String) -> Int { q.givens[key]! }

    @Test func atLeastFourteenKindsAndEveryTopicsKindsExist() {
        #expect(QuizKind.allCases.count >= 14)
        #expect(Set(QuizTopic.all.kinds) == Set(QuizKind.allCases))
        for topic in QuizTopic.allCases { #expect(!topic.kinds.isEmpty) }
    }

    @Test func poolWithCeilRounding() throws {
        for q in try Self.questions(.poolCeil) {
            let (w, f, s, p) = (Self.g(q, "W"), Self.g(q, "F"), Self.g(q, "S"), Self.g(q, "P"))
            #expect(p == 0)
            #expect(q.answer == (w - f + s - 1) / s + 1, "\(q.prompt)")
            #expect(q.answer == (w - f) / s + 2, "the question is only asked where ceil and floor differ")
        }
    }

    @Test func activationMemory() throws {
        for q in try Self.questions(.activationMemory) {
            #expect(q.answer == Self.g(q, "values") * 4 * Self.g(q, "batch"))
        }
    }

    @Test func mostParamsIsTheLargestLayer() throws {
        for q in try Self.questions(.mostParams) {
            let params = (1...Self.g(q, "layers")).map { Self.g(q, "params\($0)") }
            #expect(params[q.answer - 1] == params.max())
        }
        // AlexNet's is fc6 (9216·4096 + 4096), the sixth learned layer.
        var g = try QuizGenerator(seed: 0)
        let fc6 = (0..<40).map { _ in g.mostParams() }.first { $0.prompt.contains("of alexnet ") }
        if let fc6 { #expect(fc6.answer == 6 && Self.g(fc6, "params6") == 9216 * 4096 + 4096) }
    }

    /// AlexNet edits worked by hand: the input side changes only fc6 (via pool5's side); conv5's width
    /// changes conv5 (2 groups of 192 input maps) and fc6.
    @Test func whatIfParameterChange() throws {
        var checked = 0
        for q in try Self.questions(.whatIfParams) where Self.g(q, "alexnet") == 1 {
            if let side = q.givens["side"] {
                var s = (side - 11) / 4 + 1
                s = (s - 3) / 2 + 1; s = (s - 3) / 2 + 1; s = (s - 3) / 2 + 1
                #expect(q.answer == (256 * s * s - 9216) * 4096, "\(q.prompt)")
            } else {
                let w = Self.g(q, "conv5")
                let conv5 = (w - 256) * (192 * 9 + 1)
                let fc6 = (w - 256) * 36 * 4096
                #expect(q.answer == conv5 + fc6, "\(q.prompt)")
            }
            checked += 1
        }
        #expect(checked > 5)
    }

    @Test func convShareOfMACsAndFcShareOfParams() throws {
        for q in try Self.questions(.macsShare) {
            let (part, whole) = (Self.g(q, "part"), Self.g(q, "whole"))
            #expect(q.answer == Int((Double(part) * 100 / Double(whole)).rounded()))
        }
        // The issue's figures for AlexNet: conv ~92% of the multiply-adds, fc ~96% of the weights.
        let r = try Preset.alexnet.spec.shapeReport()
        let conv = r.layers.filter { $0.kind.word == "conv" }.reduce(0) { $0 + $1.macs }
        #expect(Int((Double(conv) * 100 / Double(r.totalMACs)).rounded()) == 92)
    }

    @Test func dropoutExpectations() throws {
        for q in try Self.questions(.dropoutExpectation) {
            let p = Double(Self.g(q, "percent")) / 100
            if let n = q.givens["n"] {
                #expect(q.answer == Int((Double(n) * p).rounded()))
            } else if q.givens["paper"] != nil {
                #expect(q.answer == Int((Double(Self.g(q, "x")) * (1 - p)).rounded()))
            } else {
                #expect(q.answer == Int((Double(Self.g(q, "x")) / (1 - p)).rounded()))
            }
        }
    }

    /// b = a / (k + α·Σa²)^β with the paper's k = 2, n = 5, α = 1e-4, β = 0.75, in Double.
    @Test func lrnValue() throws {
        for q in try Self.questions(.lrnValue) {
            let a = (1...5).map { Double(Self.g(q, "a\($0)")) }
            let b = a[2] / pow(2 + 1e-4 * a.reduce(0) { $0 + $1 * $1 }, 0.75)
            #expect(abs(Double(q.answer) - b) <= 0.5 + 1e-3, "\(q.prompt)")
        }
    }

    @Test func sameSeedSameQuestionsForEveryKind() throws {
        var a = try QuizGenerator(seed: 99), b = try QuizGenerator(seed: 99)
        #expect(a.questions(topic: .all, count: 40) == b.questions(topic: .all, count: 40))
    }

    @Test func dueKindsComeFirst() throws {
        var g = try QuizGenerator(seed: 5)
        let qs = g.questions(topic: .shapes, count: 8, due: [.poolCeil, .lrnValue, .inputForExact])
        // lrnValue is not a shapes kind, so it is left out; the others lead, then a full cycle.
        #expect(qs.prefix(2).map(\.kind) == [.poolCeil, .inputForExact])
        #expect(Set(qs.dropFirst(2).map(\.kind)) == Set(QuizTopic.shapes.kinds))
    }
}

/// Spaced repetition kept in the progress file.
@Suite struct SpacedRepetitionTests {
    @Test func missesGoToBoxZeroAndRightAnswersMoveUp() {
        var p = QuizProgress()
        p.record(results: [QuizResult(kind: .lrnValue, right: false), QuizResult(kind: .convOutput, right: true),
                           QuizResult(kind: .convOutput, right: true), QuizResult(kind: .fcParams, right: false),
                           QuizResult(kind: .fcParams, right: false)])
        #expect(p.kinds["lrnValue"] == QuizProgress.KindRecord(asked: 1, correct: 0, box: 0, missed: 1))
        #expect(p.kinds["convOutput"] == QuizProgress.KindRecord(asked: 2, correct: 2, box: 2, missed: 0))
        // Most misses first among box 0; convOutput (box 2) is not due.
        #expect(p.dueKinds == [.fcParams, .lrnValue])
        p.record(results: [QuizResult(kind: .fcParams, right: true)])
        #expect(p.dueKinds == [.lrnValue, .fcParams])
        for _ in 0..<10 { p.record(results: [QuizResult(kind: .convOutput, right: true)]) }
        #expect(p.kinds["convOutput"]?.box == QuizProgress.maxBox)
    }

    /// Only kinds actually missed are asked first: a kind answered right once is not "missed", and a
    /// right answer at the second try keeps its box instead of moving up.
    @Test func onlyMissedKindsAreDueAndSecondTriesDoNotPromote() {
        var p = QuizProgress()
        p.record(results: [QuizResult(kind: .convOutput, right: true)])
        #expect(p.kinds["convOutput"]?.box == 1)
        #expect(p.dueKinds.isEmpty)
        p.record(results: [QuizResult(kind: .fcParams, right: false), QuizResult(kind: .fcParams, right: true, tries: 2)])
        #expect(p.kinds["fcParams"] == QuizProgress.KindRecord(asked: 2, correct: 1, box: 0, missed: 1))
        #expect(p.dueKinds == [.fcParams])
        // A file written before `missed` was kept: misses are asked − correct.
        var old = QuizProgress()
        old.kinds["lrnValue"] = QuizProgress.KindRecord(asked: 2, correct: 2, box: 1, missed: nil)
        old.kinds["poolCeil"] = QuizProgress.KindRecord(asked: 2, correct: 1, box: 1, missed: nil)
        #expect(old.dueKinds == [.poolCeil])
    }

    @Test func survivesASaveAndReadsOldFilesWithoutKinds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ProgressStore(path: dir + "/progress.json")
        var p = QuizProgress()
        p.record(results: [QuizResult(kind: .poolCeil, right: false)])
        p.record(topic: .shapes, correct: 0, outOf: 1)
        try store.save(p)
        #expect(store.load().progress == p)
        try #"{"version":1,"topics":{}}"#.write(toFile: dir + "/progress.json", atomically: true, encoding: .utf8)
        let old = store.load()
        #expect(old.note == nil && old.progress.kinds.isEmpty)
    }

    @Test func anImpossibleKindRecordIsSetAside() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = ProgressStore(path: dir + "/progress.json")
        try #"{"version":1,"topics":{},"kinds":{"poolCeil":{"asked":1,"correct":2,"box":0}}}"#
            .write(toFile: store.path, atomically: true, encoding: .utf8)
        let loaded = store.load()
        #expect(loaded.note?.contains("kind 'poolCeil': more right answers than questions") == true)
        #expect(loaded.progress == QuizProgress())
    }
}
