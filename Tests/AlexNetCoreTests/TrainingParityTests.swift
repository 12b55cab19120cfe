import Foundation
import Testing
@testable import AlexNetCore

/// Three SGD steps against PyTorch (scripts/make_training_parity_fixture.py): from the same initial
/// weights and on the same three batches, every weight, bias and momentum value after every step must
/// match within 1e-4 relative. This decides whether a difference between our curves and PyTorch's is
/// in the update (forward, backward, momentum, decay) or only in the random draws.
@Suite struct TrainingParityTests {
    static func fixture(_ name: String) throws -> SafetensorsFile {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "safetensors", subdirectory: "Fixtures"))
        return try SafetensorsFile.read(from: url.path)
    }

    /// Largest |ours − theirs| / max(|theirs|, 1e-3 · the tensor's largest |value|): relative, with a floor so
    /// that values near zero in a tensor of large ones do not count as huge relative errors.
    static func worst(_ ours: Tensor, _ theirs: Tensor) -> Float {
        let scale = theirs.data.map { abs($0) }.max() ?? 0
        var worst: Float = 0
        for (a, b) in zip(ours.data, theirs.data) { worst = max(worst, abs(a - b) / max(abs(b), 1e-3 * scale, 1e-12)) }
        return worst
    }

    /// ‖ours − theirs‖ / ‖theirs‖ over the whole tensor.
    static func relativeL2(_ ours: Tensor, _ theirs: Tensor) -> Double {
        var d = 0.0, n = 0.0
        for (a, b) in zip(ours.data, theirs.data) { d += Double(a - b) * Double(a - b); n += Double(b) * Double(b) }
        return n > 0 ? (d / n).squareRoot() : d.squareRoot()
    }

    @Test(arguments: [("figure1_tanh", Preset.figure1, Activation.tanh), ("mini_relu", Preset.mini, Activation.relu)])
    func threeStepsMatchPyTorch(name: String, preset: Preset, activation: Activation) throws {
        let file = try Self.fixture(name + "_steps")
        #expect(file.metadata["network"] == preset.rawValue)
        // Dropout off on both sides (different random masks); parameter names stay those of the preset.
        var spec = preset.spec.replacingActivations(with: activation)
        spec.layers = spec.layers.map { l in
            if case .dropout = l.kind { return LayerSpec(name: l.name, kind: .dropout(p: 0)) }
            return l
        }
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        var initial: [String: Tensor] = [:]
        for p in net.parameters { initial[p.name] = try #require(file["init." + p.name], "init.\(p.name)") }
        try net.load(initial, source: name)
        let lr = try #require(Double(file.metadata["lr"] ?? ""))
        let trainer = Trainer(network: net, learningRate: lr)
        #expect(trainer.optimizer.momentum == Double(file.metadata["momentum"] ?? ""))
        #expect(trainer.optimizer.weightDecay == Double(file.metadata["weight_decay"] ?? ""))
        let losses = try JSONDecoder().decode([Double].self, from: Data((file.metadata["losses"] ?? "").utf8))
        #expect(losses.count == 3)
        for k in 1...3 {
            let images = try #require(file["batch\(k).images"])
            let labels = try #require(file["batch\(k).labels"]).data.map { Int($0) }
            let result = try trainer.trainStep(Batch(images: images, labels: labels))
            #expect(abs(result.loss - losses[k - 1]) < 1e-4 * losses[k - 1], "step \(k) loss \(result.loss) vs \(losses[k - 1])")
            for p in net.parameters {
                let w = try #require(file["step\(k).\(p.name)"])
                let buffer = try #require(file["momentum\(k).\(p.name)"])
                // PyTorch's buffer b and our velocity v: v = −lr · b (see the script).
                let expectedVelocity = Tensor(shape: buffer.shape, data: buffer.data.map { -Float(lr) * $0 })
                let v = try #require(trainer.optimizer.velocity[p.name])
                // Weights: every value within 1e-4 relative. Momentum is a fresh gradient sum, where single
                // values near a cancellation carry float32 summation-order noise of a few 1e-4 of themselves
                // (PyTorch and OpenBLAS sum in different orders): whole tensors within 1e-4 relative (L2),
                // and no value off by more than 1e-3 relative.
                let (dw, dv) = (Self.worst(p.value, w), Self.worst(v, expectedVelocity))
                let (lw, lv) = (Self.relativeL2(p.value, w), Self.relativeL2(v, expectedVelocity))
                #expect(dw < 1e-4, "\(name) step \(k) \(p.name) weights: worst relative difference \(dw)")
                #expect(lw < 1e-4 && lv < 1e-4, "\(name) step \(k) \(p.name): relative L2 difference weights \(lw), momentum \(lv)")
                #expect(dv < 1e-3, "\(name) step \(k) \(p.name) momentum: worst relative difference \(dv)")
            }
            // Training moved the weights by more than the tolerance, or the comparison would prove nothing.
            if k == 1 {
                let moved = net.parameters.map { Self.worst($0.value, initial[$0.name]!) }.max() ?? 0
                #expect(moved > 1e-2, "step 1 moved the weights by only \(moved)")
            }
        }
    }
}
