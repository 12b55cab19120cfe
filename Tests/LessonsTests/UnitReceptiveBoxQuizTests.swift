import AlexNetCore
@testable import Lessons
import Testing

/// The receptive-field-box question against a brute force written here: every input row whose value
/// can reach the unit, found by asking each window which rows it covers.
@Suite struct UnitReceptiveBoxQuizTests {
    /// Rows of the input that reach output rows `rows` of layer `index`: a row r of a layer's input reaches
    /// output row o when o·S − P ≤ r ≤ o·S − P + F − 1; elementwise layers pass rows through.
    static func reachingRows(_ report: ShapeReport, index: Int, rows: Set<Int>) -> Set<Int> {
        var current = rows
        for i in stride(from: index, through: 0, by: -1) {
            let l = report.layers[i]
            guard let f = l.kernel, let s = l.stride, let p = l.padding else { continue }
            let height = i == 0 ? report.input.height : report.layers[i - 1].output.height
            current = Set((0..<height).filter { r in current.contains { o in o * s - p <= r && r <= o * s - p + f - 1 } })
        }
        return current
    }

    @Test func answersAreTheLastRowTheUnitCanSee() throws {
        var sawAlexNet = false, sawMini = false
        for seed in 0..<60 {
            var g = try QuizGenerator(seed: UInt64(seed))
            let q = g.question(.unitReceptiveBox)
            let onAlexNet = q.givens["alexnet"] == 1
            if onAlexNet { sawAlexNet = true } else { sawMini = true }
            let report = try (onAlexNet ? Preset.alexnet : Preset.mini).spec.shapeReport()
            let rows = Self.reachingRows(report, index: q.givens["layer"]!, rows: [q.givens["y"]!])
            #expect(q.answer == rows.max(), "\(q.prompt)")
            #expect(q.givens["a"] == rows.min(), "\(q.prompt)")
            #expect(q.worked.last == "The box: rows \(rows.min()!)–\(rows.max()!), cols \(q.givens["c"]!)–\(q.givens["d"]!) of the input, so b = \(q.answer).")
        }
        #expect(sawAlexNet && sawMini)
    }

    @Test func theReceptiveTopicAsksIt() {
        #expect(QuizTopic.receptive.kinds.contains(.unitReceptiveBox))
    }
}
