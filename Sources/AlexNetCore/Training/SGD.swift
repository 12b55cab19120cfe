/// Stochastic gradient descent with momentum and weight decay, exactly the paper's update (section 5):
///   v ← 0.9 · v − 0.0005 · ε · w − ε · ⟨∂L/∂w⟩_batch
///   w ← w + v
/// with ε the learning rate and ⟨∂L/∂w⟩ the gradient averaged over the batch (the loss is a batch mean).
/// Decay applies to biases too, as the paper's rule is written for every parameter and as PyTorch's
/// `weight_decay` does, which the PyTorch peer uses.
public final class SGD {
    public var learningRate: Double
    public let momentum: Double
    /// A variable so that an experiment can turn decay off (the paper's Figure 1 used no regularisation).
    public var weightDecay: Double
    /// v, one per parameter, by parameter name.
    public private(set) var velocity: [String: Tensor]

    public init(parameters: [Parameter], learningRate: Double, momentum: Double = 0.9, weightDecay: Double = 0.0005) {
        self.learningRate = learningRate; self.momentum = momentum; self.weightDecay = weightDecay
        velocity = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, Tensor(zeros: $0.value.shape)) })
    }

    /// Applies one update to every parameter from its accumulated gradient.
    public func step(_ parameters: [Parameter]) {
        let mu = Float(momentum), decay = Float(weightDecay * learningRate), lr = Float(learningRate)
        for p in parameters {
            var v = velocity[p.name]!
            velocity[p.name] = nil  // keeps v uniquely referenced, so the update below is in place
            v.data.withUnsafeMutableBufferPointer { vp in
                p.grad.data.withUnsafeBufferPointer { gp in
                    p.value.data.withUnsafeMutableBufferPointer { wp in
                        let (vb, gb, wb) = (vp.baseAddress!, gp.baseAddress!, wp.baseAddress!)
                        parallelRanges(vp.count, minimumPerRange: 1 << 16) { r in
                            for i in r {
                                let vi = mu * vb[i] - decay * wb[i] - lr * gb[i]
                                vb[i] = vi
                                wb[i] += vi
                            }
                        }
                    }
                }
            }
            velocity[p.name] = v
        }
    }

    /// Restores momentum from a checkpoint; every tensor must match its parameter's shape.
    public func loadVelocity(_ tensors: [String: Tensor], source: String) throws(WeightsError) {
        for (name, v) in velocity {
            guard let t = tensors[name] else { throw WeightsError(source: source, message: "missing momentum for '\(name)'") }
            guard t.shape == v.shape else {
                throw WeightsError(source: source, message: "momentum for '\(name)' has shape \(t.shape), expected \(v.shape)")
            }
            try WeightsError.checkFinite(t, name: "momentum for '\(name)'", source: source)
        }
        for name in velocity.keys { velocity[name] = tensors[name] }
    }
}

/// Divides the learning rate by 10 when the monitored error has not improved for `patience`
/// evaluations, as the paper did by hand ("when the validation error rate stopped improving").
public struct PlateauSchedule: Sendable, Equatable {
    public var patience: Int
    public var factor: Double
    public var minimumImprovement: Double
    public private(set) var best = Double.infinity
    public private(set) var waited = 0

    public init(patience: Int = 2, factor: Double = 0.1, minimumImprovement: Double = 1e-3) {
        self.patience = patience; self.factor = factor; self.minimumImprovement = minimumImprovement
    }

    /// Continues from a checkpoint's best error and evaluations waited.
    public mutating func resume(best: Double, waited: Int) { self.best = best; self.waited = waited }

    /// Records an error; returns the new learning rate if it should drop.
    public mutating func observe(error: Double, learningRate: Double) -> Double? {
        if error < best - minimumImprovement { best = error; waited = 0; return nil }
        waited += 1
        guard waited >= patience else { return nil }
        waited = 0
        return learningRate * factor
    }
}
