import Foundation
import Testing
@testable import AlexNetCore

/// The pieces of the Figure 1 experiment: the preset, saturation, the per-activation learning-rate
/// search, the median over seeds and the JSON report.
@Suite struct Figure1ExperimentTests {
    @Test func figure1IsThreeConvLayersAndOneFullyConnected() throws {
        let report = try Preset.figure1.spec.shapeReport()
        let learned = report.layers.filter { $0.kind.isLearned }
        #expect(learned.map(\.name) == ["conv1", "conv2", "conv3", "fc4"])
        #expect(learned.map(\.output.channels) == [32, 32, 64, 10])
        // Overlapping 3/2 pooling: 28 → 13 → 6 → 2.
        #expect(report.layers.filter { if case .maxpool = $0.kind { true } else { false } }.map(\.output.height) == [13, 6, 2])
        // 1·25·32+32 + 32·25·32+32 + 32·25·64+64 + 256·10+10
        #expect(report.totalParams == 832 + 25_632 + 51_264 + 2_570)
        #expect(!report.layers.contains { if case .dropout = $0.kind { true } else { false } })
    }

    /// tanh′(x) = 1 − tanh²(x) < 0.1 exactly when |x| > atanh(√0.9) ≈ 1.8184; σ′ < 0.1 when |x| > 2.0634.
    @Test func saturationFractionIsExactOnAHandBuiltLayer() {
        // Batch of 2 × 5 units; inputs on both sides of the thresholds, with margins of 0.03 or more.
        let x: [Float] = [0, 0.5, 1.79, 1.85, -2.5,
                          -1.7, 3.0, -1.85, 0.1, 10]
        let input = Tensor(shape: [2, 5], data: x)
        let tanh = ElementwiseActivation(.tanh)
        _ = tanh.forward(input, mode: .train)
        // Saturated: 1.85, −2.5, 3.0, −1.85, 10 → 5 of 10.
        #expect(Saturation.fraction(of: tanh.output!, activation: .tanh) == 0.5)
        let sigmoid = ElementwiseActivation(.sigmoid)
        _ = sigmoid.forward(input, mode: .train)
        // |x| > 2.063: −2.5, 3.0 and 10 → 3 of 10.
        #expect(Saturation.fraction(of: sigmoid.output!, activation: .sigmoid) == 0.3)
        // ReLU: a unit is dead when it is zero for every image of the batch. Unit 0 (0 and −1.7) is;
        // unit 4 (−2.5 and 10) and unit 2 (1.79, −1.85) are not → 1 of 5.
        let relu = ElementwiseActivation(.relu)
        _ = relu.forward(input, mode: .train)
        let d = ReLUDeadness(output: relu.output!, inputVaries: [Bool](repeating: true, count: 5))
        #expect(d.dead == 0.2 && d.zeroForWholeBatch == 0.2 && d.constantInput == 0)
    }

    /// With ReLU the conv layer applies it in its own epilogue and the ReLU layer passes through: the
    /// saturation must still be measured, on the same outputs an unfused forward keeps.
    @Test(arguments: [Activation.tanh, .relu]) func networkMeasuresNameTheLearnedLayers(activation: Activation) throws {
        let spec = Preset.figure1.spec.replacingActivations(with: activation)
        let net = try Network(spec: spec, initialization: .he, seed: 3)
        let trainer = Trainer(network: net, learningRate: 0.01)
        var random = SeededRandom(seed: 5)
        let images = Tensor(shape: [4, 1, 28, 28], data: (0..<(4 * 784)).map { _ in Float(random.uniform() * 4 - 2) })
        // The same images through a forward that keeps every layer's output (no fusion), before the step
        // changes the weights: conv1's activation, which the training step's measure must agree with.
        _ = net.forward(images, mode: .eval, keepActivations: true)
        let before = try #require(net.activations[spec.layers[1].name])
        _ = try trainer.trainStep(Batch(images: images, labels: [0, 1, 2, 3]))
        let m = net.layerMeasures()
        #expect(m.map(\.layer) == ["conv1", "conv2", "conv3", "fc4"])
        #expect(m.last?.saturation == nil)
        #expect(m.dropLast().allSatisfy { ($0.saturation ?? -1) >= 0 && ($0.saturation ?? 2) <= 1 })
        // conv1 sees random pixels everywhere: every unit's input varies, so ReLU's measure is the plain
        // "zero for every image" fraction here.
        let expected = activation == .relu
            ? ReLUDeadness(output: before, inputVaries: [Bool](repeating: true, count: before.count / 4)).dead
            : Saturation.fraction(of: before, activation: activation)
        #expect(m[0].saturation == expected)
        // The ratio is ‖g‖/‖W‖ of the weights, recomputed here from first principles.
        let w = try #require(net.parameter(named: "features.0.weight"))
        let g2 = w.grad.data.reduce(0.0) { $0 + Double($1) * Double($1) }, w2 = w.value.data.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(abs(m[0].gradRatio - (g2 / w2).squareRoot()) < 1e-12)
        #expect(m[0].gradRatio > 0)
    }

    /// A grid where ReLU's fastest rate is 0.05 and tanh's is 0.005: each activation must get its own.
    @Test func learningRateSearchPicksPerActivation() {
        var calls: [String] = []
        var budgets: [Int] = []
        let picks = LearningRateSearch.pick(grid: [0.005, 0.01, 0.05], activations: [.relu, .tanh], budget: 150) { a, lr, budget in
            calls.append("\(a.rawValue) \(lr)")
            budgets.append(budget)
            switch (a, lr) {
            case (.relu, 0.05): return LearningRateTrial(learningRate: lr, stepsToTarget: 40, finalError: 0.2)
            case (.relu, 0.01): return LearningRateTrial(learningRate: lr, stepsToTarget: 90, finalError: 0.2)
            case (.tanh, 0.005): return LearningRateTrial(learningRate: lr, stepsToTarget: 60, finalError: 0.2)
            case (.tanh, 0.05): return LearningRateTrial(learningRate: lr, stepsToTarget: nil, finalError: 1, diverged: true)
            default: return LearningRateTrial(learningRate: lr, stepsToTarget: nil, finalError: 0.5)
            }
        }
        #expect(calls.count == 6)
        // Once tanh reached the target at step 60 with 0.005, its later rates get 60 steps at most.
        #expect(budgets == [150, 150, 90, 150, 60, 60])
        #expect(picks.map(\.activation) == [.relu, .tanh])
        #expect(picks[0].learningRate == 0.05)
        #expect(picks[1].learningRate == 0.005)
    }

    @Test func bestTrialPrefersReachingThenLowerErrorAndNeverDiverged() {
        let none = LearningRateSearch.best([LearningRateTrial(learningRate: 1, stepsToTarget: 5, finalError: 0, diverged: true)])
        #expect(none == nil)
        let pick = LearningRateSearch.best([
            LearningRateTrial(learningRate: 0.01, stepsToTarget: nil, finalError: 0.3),
            LearningRateTrial(learningRate: 0.02, stepsToTarget: nil, finalError: 0.4),
        ])
        #expect(pick?.learningRate == 0.01)
        let reached = LearningRateSearch.best([
            LearningRateTrial(learningRate: 0.01, stepsToTarget: nil, finalError: 0.1),
            LearningRateTrial(learningRate: 0.02, stepsToTarget: 120, finalError: 0.25),
        ])
        #expect(reached?.learningRate == 0.02)
    }

    @Test func medianCountsNeverAsSlowest() {
        #expect(SeedSpread(activation: .relu, steps: [300, 100, 200]).median == 200)
        #expect(SeedSpread(activation: .relu, steps: [300, nil, 100, 200]).median == 250)
        #expect(SeedSpread(activation: .relu, steps: [nil, nil, 100]).median == nil)
        let s = SeedSpread(activation: .tanh, steps: [50, nil, 70])
        #expect(s.min == 50 && s.max == nil && s.reached == 2 && s.median == 70)
    }

    static func curve(_ a: Activation, lr: Double, seed: UInt64, steps: [(Int, Double)]) -> TrainingCurve {
        TrainingCurve(activation: a, points: steps.map {
            CurvePoint(step: $0.0, epoch: 0, loss: 1, trainError: $0.1,
                       layers: [LayerMeasure(layer: "conv1", saturation: 0.25, gradRatio: 0.001),
                                LayerMeasure(layer: "fc2", saturation: nil, gradRatio: 0.002)])
        }, seconds: 2, learningRate: lr, seed: seed)
    }

    @Test func jsonKeysComeInTheDocumentedOrder() throws {
        let summaries = [1, 2].map { seed in
            ComparisonSummary(target: 0.25, curves: [
                Self.curve(.relu, lr: 0.02, seed: UInt64(seed), steps: [(10, 0.5), (20, 0.2)]),
                Self.curve(.tanh, lr: 0.01, seed: UInt64(seed), steps: [(10, 0.5), (20, 0.4)]),
            ])
        }
        let report = ComparisonReport(network: "figure1", target: 0.25, initialization: .he, seeds: summaries)
        guard case .object(let top) = report.json else { Issue.record("not an object"); return }
        #expect(top.map(\.0) == ["network", "target", "seeds", "runs", "summary", "ratio", "targets", "by_target"])
        guard case .array(let runs) = top[3].1, case .object(let run) = runs[0] else { Issue.record("no runs"); return }
        #expect(runs.count == 4)
        #expect(run.map(\.0) == ["activation", "lr", "init", "seed", "steps_to_target", "final_error", "wall_s",
                                 "saturation", "grad_ratio", "steps_to_targets"])
        guard case .array(let sat) = run[7].1, case .object(let s0) = sat[0],
              case .array(let grad) = run[8].1, case .object(let g0) = grad[0] else { Issue.record("no measures"); return }
        #expect(s0.map(\.0) == ["layer", "fraction"] && g0.map(\.0) == ["layer", "value"])
        #expect(sat.count == 1 && grad.count == 2)
        guard case .array(let summary) = top[4].1, case .object(let first) = summary[0] else { Issue.record("no summary"); return }
        #expect(first.map(\.0) == ["activation", "median_steps", "min", "max"])
        // tanh never reached 25%: steps null, ratio null.
        let text = report.json.text()
        #expect(text.contains("\"steps_to_target\":null"))
        #expect(text.contains("\"ratio\":null,\"targets\":[0.25]"))
        // The whole text parses as JSON.
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
    }

    @Test func csvCarriesPerLayerColumns() {
        let summary = ComparisonSummary(target: 0.25, curves: [Self.curve(.relu, lr: 0.02, seed: 1, steps: [(10, 0.5)])])
        let lines = summary.csv.split(separator: "\n")
        #expect(lines[0] == "activation,step,epoch,loss,train_error,seed,lr,saturation_conv1,grad_ratio_conv1,grad_ratio_fc2")
        #expect(lines[1].hasSuffix(",1,0.02,0.250000,0.001,0.002"))
    }
}
