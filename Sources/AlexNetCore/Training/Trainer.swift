import Foundation

/// A training run stopped because the numbers blew up; the weights are those before the bad step.
public struct DivergenceError: Error, Equatable, CustomStringConvertible {
    public var step: Int
    public var loss: Double
    /// The loss was finite but a gradient was not.
    public var inGradients = false
    public var description: String {
        let what = inGradients ? "the gradients became nan or inf" : "loss became \(NumberText.fixed(loss, 3))"
        return "training diverged: \(what) at step \(step); the weights are kept as they were before that step; try a smaller --lr"
    }
}

/// What one optimiser step measured.
public struct StepResult: Sendable, Equatable {
    public var loss: Double
    public var correct: Int
    public var count: Int
    public var error: Double { 1 - Double(correct) / Double(max(count, 1)) }
}

/// Runs forward, loss, backward and the SGD update, checking every step for NaN/inf before any weight
/// changes, so a diverging run stops with the last good weights.
public final class Trainer {
    public let network: Network
    public let optimizer: SGD
    public private(set) var step = 0

    public init(network: Network, learningRate: Double) {
        self.network = network
        optimizer = SGD(parameters: network.parameters, learningRate: learningRate)
    }

    /// Restores the step counter of a resumed run.
    public func resume(atStep step: Int) { self.step = step }

    public func trainStep(_ batch: Batch) throws(DivergenceError) -> StepResult {
        network.zeroGradients()
        let logits = network.forward(batch.images, mode: .train)
        let (loss, dLogits, correct) = Network.loss(logits: logits, labels: batch.labels)
        guard loss.isFinite else { throw DivergenceError(step: step + 1, loss: loss) }
        network.backward(dLogits)
        guard gradientsAreFinite() else { throw DivergenceError(step: step + 1, loss: loss, inGradients: true) }
        optimizer.step(network.trainableParameters)
        step += 1
        return StepResult(loss: loss, correct: correct, count: batch.count)
    }

    /// x·0 is 0 for finite x and NaN otherwise, so one sum tells whether every gradient is finite
    /// (summing the values themselves could overflow).
    private func gradientsAreFinite() -> Bool {
        for p in network.trainableParameters {
            var probe: Float = 0
            p.grad.data.withUnsafeBufferPointer { g in for v in g { probe += v * 0 } }
            if !probe.isFinite || probe.isNaN { return false }
        }
        return true
    }

    /// Error rate and mean loss over batches, in evaluation mode (no dropout).
    public func evaluate<S: Sequence>(_ batches: S) -> (error: Double, loss: Double) where S.Element == Batch {
        Self.evaluate(network, batches)
    }

    public static func evaluate<S: Sequence>(_ network: Network, _ batches: S) -> (error: Double, loss: Double) where S.Element == Batch {
        var wrong = 0, total = 0, loss = 0.0
        for batch in batches {
            let logits = network.forward(batch.images, mode: .eval)
            let r = Network.loss(logits: logits, labels: batch.labels)
            wrong += batch.count - r.correct; total += batch.count; loss += r.loss * Double(batch.count)
        }
        return (Double(wrong) / Double(max(total, 1)), loss / Double(max(total, 1)))
    }
}
