/// What one learned layer looked like after a training step: how many of the units it feeds were
/// saturated, and how large its weight gradient was next to its weights. These are the two numbers that
/// say *why* one activation trains faster than another (the paper's explanation of Figure 1).
public struct LayerMeasure: Sendable, Equatable {
    /// The learned layer (conv1, fc4), named the same whatever the activation.
    public var layer: String
    /// Fraction of the units after this layer's activation that pass (almost) no gradient, in [0, 1];
    /// nil when no activation follows the layer (the last fully connected layer).
    public var saturation: Double?
    /// ‖∂L/∂W‖ / ‖W‖ over the layer's weights (biases left out): the relative size of a plain SGD step.
    public var gradRatio: Double

    public init(layer: String, saturation: Double?, gradRatio: Double) {
        self.layer = layer; self.saturation = saturation; self.gradRatio = gradRatio
    }
}

/// The saturation rules, applied to an activation's output y = f(x) for a batch (N, …):
/// - tanh and the sigmoid: an output counts as saturated when |f′(x)| < 0.1, i.e. 1 − y² < 0.1 for
///   tanh (|x| > 1.818) and y(1 − y) < 0.1 for the sigmoid (|x| > 2.063); the fraction is over every
///   output of the batch.
/// - ReLU: f′ is 0 or 1, so what starves a weight is a unit that is zero for *every* image of the batch
///   (a "dead" unit for that batch); the fraction is over units (C×H×W positions or features).
public enum Saturation {
    public static let derivativeThreshold: Float = 0.1

    public static func fraction(of output: Tensor, activation: Activation) -> Double {
        let n = output.shape.first ?? 0
        guard n > 0, output.count > 0 else { return 0 }
        let units = output.count / n
        return output.data.withUnsafeBufferPointer { y -> Double in
            switch activation {
            case .tanh:
                var saturated = 0
                for v in y where 1 - v * v < derivativeThreshold { saturated += 1 }
                return Double(saturated) / Double(y.count)
            case .sigmoid:
                var saturated = 0
                for v in y where v * (1 - v) < derivativeThreshold { saturated += 1 }
                return Double(saturated) / Double(y.count)
            case .relu:
                var alive = [Bool](repeating: false, count: units)
                for i in 0..<n {
                    let row = i * units
                    for j in 0..<units where y[row + j] > 0 { alive[j] = true }
                }
                return Double(alive.lazy.filter { !$0 }.count) / Double(units)
            }
        }
    }

    /// ‖g‖ / ‖w‖ with sums in Double; 0 for all-zero weights.
    public static func gradientRatio(weights: Tensor, gradient: Tensor) -> Double {
        var ww = 0.0, gg = 0.0
        for v in weights.data { ww += Double(v) * Double(v) }
        for v in gradient.data { gg += Double(v) * Double(v) }
        return ww > 0 ? (gg / ww).squareRoot() : 0
    }
}

extension Network {
    /// Per learned layer, from the last training step: the saturation of the activation that follows it
    /// (from the outputs that forward kept for backward) and ‖∂L/∂W‖/‖W‖ from the gradients that backward
    /// left. Call after a training step and before the next one zeroes the gradients.
    public func layerMeasures() -> [LayerMeasure] {
        var out: [LayerMeasure] = []
        for (spec, layer) in layers {
            guard let layer else { continue }
            if spec.kind.isLearned, let w = layer.parameters.first {
                out.append(LayerMeasure(layer: spec.name, saturation: nil,
                                        gradRatio: Saturation.gradientRatio(weights: w.value, gradient: w.grad)))
            } else if let a = layer as? ElementwiseActivation, let y = a.output, !out.isEmpty, out[out.count - 1].saturation == nil {
                out[out.count - 1].saturation = Saturation.fraction(of: y, activation: a.function)
            }
        }
        return out
    }
}
