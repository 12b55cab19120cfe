/// What one learned layer looked like after a training step: how many of the units it feeds were
/// saturated, and how large its weight gradient was next to its weights. These are the two numbers that
/// say *why* one activation trains faster than another (the paper's explanation of Figure 1).
public struct LayerMeasure: Sendable, Equatable {
    /// The learned layer (conv1, fc4), named the same whatever the activation.
    public var layer: String
    /// Fraction of the units after this layer's activation that pass (almost) no gradient, in [0, 1]
    /// (`Saturation` defines it per activation); nil when no activation follows the layer (the last
    /// fully connected layer).
    public var saturation: Double?
    /// ‖∂L/∂W‖ / ‖W‖ over the layer's weights (biases left out): the relative size of a plain SGD step.
    public var gradRatio: Double
    /// ReLU only: fraction of channels (features, for a fully connected layer) that were zero for every
    /// image and position of the batch — filters that learn nothing from it.
    public var deadChannels: Double?
    /// ReLU only: fraction of units whose input window was the same for every image of the batch (the
    /// background of Fashion-MNIST's pictures); `saturation` leaves them out.
    public var constantInput: Double?

    public init(layer: String, saturation: Double?, gradRatio: Double, deadChannels: Double? = nil,
                constantInput: Double? = nil) {
        self.layer = layer; self.saturation = saturation; self.gradRatio = gradRatio
        self.deadChannels = deadChannels; self.constantInput = constantInput
    }
}

/// The saturation rules, applied to an activation's output y = f(x) for a batch (N, …):
/// - tanh and the sigmoid: an output counts as saturated when |f′(x)| < 0.1, i.e. 1 − y² < 0.1 for
///   tanh (|x| > 1.818) and y(1 − y) < 0.1 for the sigmoid (|x| > 2.063); the fraction is over every
///   output of the batch.
/// - ReLU: f′ is 0 or 1, so what starves a weight is a unit that is zero for *every* image of the batch.
///   Counted only among units whose input varies across the batch (`ReLUDeadness`): a unit that sees the
///   same window in every image (a constant background) gives every image the same value, and zero there
///   says nothing about whether the unit can learn.
public enum Saturation {
    public static let derivativeThreshold: Float = 0.1

    /// One sentence per rule, for `--help`, the screens and the lessons.
    public static let definition = "saturated: tanh/sigmoid units with |f′(x)| < 0.1; relu units zero for "
        + "every image of the batch, counted only where the unit's input varies across the batch"

    /// tanh and the sigmoid: the fraction of outputs with |f′| under the threshold.
    public static func fraction(of output: Tensor, activation: Activation) -> Double {
        precondition(activation != .relu, "ReLU's measure needs the layer's input: ReLUDeadness")
        guard output.count > 0 else { return 0 }
        return output.data.withUnsafeBufferPointer { y -> Double in
            var saturated = 0
            switch activation {
            case .tanh: for v in y where 1 - v * v < derivativeThreshold { saturated += 1 }
            case .sigmoid: for v in y where v * (1 - v) < derivativeThreshold { saturated += 1 }
            case .relu: break
            }
            return Double(saturated) / Double(y.count)
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

/// ReLU's three numbers for one batch, from its output y (N, C, H, W) or (N, F) and, per unit, whether
/// the unit's input varied across the batch.
public struct ReLUDeadness: Sendable, Equatable {
    /// Units zero for every image, among the units whose input varies: the honest "dead" fraction.
    public var dead: Double
    /// Channels zero for every image and position.
    public var deadChannels: Double
    /// Units whose input was the same for every image.
    public var constantInput: Double
    /// Units zero for every image among *all* units — the measure this program used to report, which
    /// counts every background position of a black-edged picture as dead.
    public var zeroForWholeBatch: Double

    /// `inputVaries` has one flag per unit (C·H·W or F), in the output's order.
    public init(output y: Tensor, inputVaries: [Bool]) {
        let n = y.shape.first ?? 0
        let units = n > 0 ? y.count / n : 0
        precondition(inputVaries.count == units, "one input flag per unit: \(units), got \(inputVaries.count)")
        let channels = y.shape.count >= 2 ? y.shape[1] : max(units, 1)
        let perChannel = units / max(channels, 1)
        var alive = [Bool](repeating: false, count: units)
        y.data.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let row = i * units
                for j in 0..<units where p[row + j] > 0 { alive[j] = true }
            }
        }
        var varying = 0, deadVarying = 0, zero = 0
        for j in 0..<units {
            if !alive[j] { zero += 1 }
            if inputVaries[j] { varying += 1; if !alive[j] { deadVarying += 1 } }
        }
        var channelsDead = 0
        for c in 0..<channels where !alive[(c * perChannel)..<((c + 1) * perChannel)].contains(true) { channelsDead += 1 }
        let u = Double(max(units, 1))
        dead = varying > 0 ? Double(deadVarying) / Double(varying) : 0
        deadChannels = Double(channelsDead) / Double(max(channels, 1))
        constantInput = Double(units - varying) / u
        zeroForWholeBatch = Double(zero) / u
    }

    /// Per output unit (OC, OH, OW) of a convolution: whether its input window — every channel of its
    /// group over the kernel, padding included — differs between some two images of the batch x (N, C, H, W).
    /// Values within a relative 1e-6 of the first image's count as equal (GEMM kernels may sum identical
    /// windows in a different order in different columns).
    public static func convInputVaries(_ x: Tensor, spec: ConvSpec, outHeight: Int, outWidth: Int) -> [Bool] {
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let groups = max(1, spec.groups), cg = c / groups, plane = h * w
        // Per group and input position: does any channel of the group vary there?
        var pixelVaries = [Bool](repeating: false, count: groups * plane)
        x.data.withUnsafeBufferPointer { p in
            for g in 0..<groups {
                for ch in (g * cg)..<((g + 1) * cg) {
                    for i in 1..<max(n, 1) {
                        for q in 0..<plane where !pixelVaries[g * plane + q] {
                            let a = p[ch * plane + q], b = p[(i * c + ch) * plane + q]
                            if abs(a - b) > 1e-6 * max(1, abs(a)) { pixelVaries[g * plane + q] = true }
                        }
                    }
                }
            }
        }
        let positions = outHeight * outWidth, ocg = spec.outChannels / groups
        var out = [Bool](repeating: false, count: spec.outChannels * positions)
        for g in 0..<groups {
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    let y0 = oy * spec.stride - spec.padding, x0 = ox * spec.stride - spec.padding
                    var varies = false
                    for yy in max(0, y0)..<min(h, y0 + spec.kernel) where !varies {
                        for xx in max(0, x0)..<min(w, x0 + spec.kernel) where pixelVaries[g * plane + yy * w + xx] {
                            varies = true; break
                        }
                    }
                    guard varies else { continue }
                    for o in (g * ocg)..<((g + 1) * ocg) { out[o * positions + oy * outWidth + ox] = true }
                }
            }
        }
        return out
    }

    /// A fully connected layer's units all see the whole input x (N, F): they vary together.
    public static func linearInputVaries(_ x: Tensor, outFeatures: Int) -> [Bool] {
        let n = x.shape[0], f = n > 0 ? x.count / n : 0
        let varies = x.data.withUnsafeBufferPointer { p -> Bool in
            for i in 1..<max(n, 1) {
                for j in 0..<f where abs(p[j] - p[i * f + j]) > 1e-6 * max(1, abs(p[j])) { return true }
            }
            return false
        }
        return [Bool](repeating: varies, count: outFeatures)
    }
}

extension Network {
    /// Per learned layer, from the last training step: the saturation of the activation that follows it
    /// (from the outputs that forward kept for backward, and for ReLU the layer's kept input) and
    /// ‖∂L/∂W‖/‖W‖ from the gradients that backward left. Call after a training step and before the next
    /// one zeroes the gradients.
    public func layerMeasures() -> [LayerMeasure] {
        var out: [LayerMeasure] = []
        var lastLearned: Layer?
        for (spec, layer) in layers {
            guard let layer else { continue }
            if spec.kind.isLearned, let w = layer.parameters.first {
                out.append(LayerMeasure(layer: spec.name, saturation: nil,
                                        gradRatio: Saturation.gradientRatio(weights: w.value, gradient: w.grad)))
                lastLearned = layer
            } else if let a = layer as? ElementwiseActivation, let y = a.output, !out.isEmpty, out[out.count - 1].saturation == nil {
                if a.function == .relu {
                    guard let varies = Self.inputVaries(of: lastLearned, output: y) else { continue }
                    let d = ReLUDeadness(output: y, inputVaries: varies)
                    out[out.count - 1].saturation = d.dead
                    out[out.count - 1].deadChannels = d.deadChannels
                    out[out.count - 1].constantInput = d.constantInput
                } else {
                    out[out.count - 1].saturation = Saturation.fraction(of: y, activation: a.function)
                }
            }
        }
        return out
    }

    /// Per unit of a learned layer's output, whether its input varied across the last training batch.
    private static func inputVaries(of layer: Layer?, output y: Tensor) -> [Bool]? {
        if let conv = layer as? Conv2D, let x = conv.input, y.shape.count == 4 {
            return ReLUDeadness.convInputVaries(x, spec: conv.spec, outHeight: y.shape[2], outWidth: y.shape[3])
        }
        if let linear = layer as? Linear, let x = linear.input {
            return ReLUDeadness.linearInputVaries(x, outFeatures: linear.outFeatures)
        }
        return nil
    }
}
