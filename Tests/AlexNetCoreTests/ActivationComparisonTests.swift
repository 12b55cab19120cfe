import Foundation
import Testing
@testable import AlexNetCore

@Suite struct ActivationComparisonTests {
    /// 10 easy classes of 28×28 images: class k is a bright horizontal band at rows 2k…2k+3 plus noise,
    /// so a few hundred steps separate them.
    static func bands(count: Int, seed: UInt64) -> FashionMNIST {
        var random = SeededRandom(seed: seed)
        var pixels = [UInt8](repeating: 0, count: count * 784)
        var labels: [Int] = []
        for i in 0..<count {
            let k = random.below(10)
            labels.append(k)
            for y in 0..<28 {
                for x in 0..<28 {
                    let band = y >= 2 * k + 2 && y < 2 * k + 6
                    pixels[i * 784 + y * 28 + x] = UInt8(min(255, (band ? 180 : 20) + random.below(60)))
                }
            }
        }
        return FashionMNIST(split: .train, pixels: pixels, labels: labels)
    }

    static let options = TrainingOptions(epochs: 2, batchSize: 16, learningRate: 0.02, seed: 7,
                                         initialization: .he, windowImages: 160, schedule: .constant)

    @Test func runsStartFromIdenticalWeightsAndSeeIdenticalBatches() throws {
        let data = Self.bands(count: 96, seed: 1)
        let c = try ActivationComparison(spec: Preset.mini.spec, activations: [.relu, .tanh], train: data, test: nil,
                                         options: Self.options, targets: [0.01], recordEvery: 1)
        let (relu, tanh) = (c.runs[0].run, c.runs[1].run)
        #expect(relu.network.spec.layers.contains { $0.kind == .activation(.relu) })
        #expect(tanh.network.spec.layers.contains { $0.kind == .activation(.tanh) })
        #expect(relu.network.state.map(\.tensor) == tanh.network.state.map(\.tensor))
        for _ in 0..<8 {
            try c.step()
            let a = try #require(relu.lastBatch), b = try #require(tanh.lastBatch)
            #expect(a == b)
        }
        // Same start, different activations: the weights must have parted.
        #expect(relu.network.state.map(\.tensor) != tanh.network.state.map(\.tensor))
    }

    @Test func curvesCSVAndResultLineAgree() throws {
        let data = Self.bands(count: 1_600, seed: 2)
        let target = 0.25
        let c = try ActivationComparison(spec: Preset.mini.spec, activations: [.relu, .tanh], train: data, test: nil,
                                         options: Self.options, targets: [target], recordEvery: 5)
        var guardSteps = 0
        while !c.isFinished, guardSteps < 1_000 { try c.step(); guardSteps += 1 }
        let summary = c.summary
        // The bands are easy: ReLU must get there, or the test checks nothing.
        #expect(summary.curves[0].firstPoint(reaching: target) != nil, "\(summary.resultLine)")

        // The CSV holds exactly the curves' points.
        let rows = summary.csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == summary.curves.reduce(0) { $0 + $1.points.count })
        for curve in summary.curves {
            let mine = rows.filter { $0[0] == Substring(curve.activation.rawValue) }
            #expect(mine.map { Int($0[1])! } == curve.points.map(\.step))
            // The first step at or under the target, read back from the CSV, is the one the result line names.
            let firstFromCSV = mine.first { Double($0[4])! <= target }.map { Int($0[1])! }
            #expect(firstFromCSV == curve.firstPoint(reaching: target)?.step)
            if let step = firstFromCSV {
                #expect(summary.resultLine.contains("step \(NumberText.grouped(step))"))
            } else {
                #expect(summary.resultLine.contains("never"))
            }
        }
        // Points only fall once both have reached the target, and the ratio is the ratio of those steps.
        if let r = summary.curves[0].firstPoint(reaching: target), let t = summary.curves[1].firstPoint(reaching: target) {
            let ratio = Double(t.step) / Double(r.step)
            #expect(abs(summary.ratio(.tanh)! - ratio) < 1e-12)
            let words = ratio >= 1 ? "\(NumberText.fixed(ratio, 1))× more steps" : "\(NumberText.fixed(1 / ratio, 1))× fewer steps"
            #expect(summary.resultLine.hasSuffix(words))
        }
        #expect(summary.curves.allSatisfy { !$0.points.isEmpty })
    }

    @Test func aRunThatNeverReachesTheTargetGetsNoRatio() {
        let reached = TrainingCurve(activation: .relu, points: [CurvePoint(step: 10, epoch: 0.1, loss: 1, trainError: 0.5),
                                                                CurvePoint(step: 20, epoch: 0.2, loss: 0.5, trainError: 0.2)])
        let never = TrainingCurve(activation: .tanh, points: [CurvePoint(step: 10, epoch: 0.1, loss: 1, trainError: 0.6),
                                                              CurvePoint(step: 20, epoch: 0.2, loss: 0.9, trainError: 0.4)])
        let s = ComparisonSummary(target: 0.25, curves: [reached, never])
        #expect(s.resultLine == "relu reached 25% training error at step 20; tanh never did (last error 40% at step 20)")
        #expect(s.ratio(.tanh) == nil)
        let both = ComparisonSummary(target: 0.25, curves: [reached, TrainingCurve(activation: .tanh, points: [
            CurvePoint(step: 114, epoch: 1, loss: 0.4, trainError: 0.24)])])
        #expect(both.resultLine == "relu reached 25% training error at step 20; tanh at step 114: 5.7× more steps")
    }
}
