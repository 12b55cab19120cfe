#if canImport(Glibc)
import Glibc
#endif

/// A snapshot of one forward pass (the input, every layer's output, the learned tensors) from which any
/// unit can be explained. Sums are redone in Double from the layer's own tensors — not by calling the
/// layer — so that they check the engine rather than repeat it.
public struct NeuronExplainer: Sendable {
    public let report: ShapeReport
    /// The input image (1, C, H, W).
    public let images: Tensor
    /// Each layer's output for the image, by layer name (batch 1).
    public let activations: [String: Tensor]
    /// Conv and linear weight and bias by layer name.
    public let tensors: [String: (weight: Tensor, bias: Tensor)]

    /// How many products a conv unit writes out before the `…`.
    public static let shownProducts = 4
    /// How many inputs a linear unit lists as its top contributors, and a softmax unit as exponentials.
    public static let shownTop = 5

    /// Runs `network` on `images` (N = 1, eval mode) and keeps what every explanation needs.
    public init(network: Network, images: Tensor) {
        precondition(images.shape.first == 1, "the neuron inspector explains one image, got \(images.shape)")
        _ = network.forward(images, mode: .eval, keepActivations: true)
        self.init(afterForwardOf: network, images: images)
    }

    /// Keeps what every explanation needs from a forward pass that just ran on `images` (N = 1) with
    /// `keepActivations`, without running it again (the feature screen's pass).
    public init(afterForwardOf network: Network, images: Tensor) {
        precondition(images.shape.first == 1 && !network.activations.isEmpty,
                     "the neuron inspector needs a forward pass of one image with its activations kept")
        report = network.report
        self.images = images
        activations = network.activations
        var tensors: [String: (weight: Tensor, bias: Tensor)] = [:]
        for layer in network.report.layers where layer.kind.isLearned {
            tensors[layer.name] = network.learnedTensors(layer: layer.name)
        }
        self.tensors = tensors
    }

    /// The arithmetic of `unit`, or the error naming the layer or the valid range.
    public func explain(_ unit: NeuronUnit) throws(NeuronError) -> NeuronExplanation {
        let index = try report.checkedIndex(of: unit)
        let r = report.layers[index]
        var e = NeuronExplanation(unit: unit, kind: r.kind.word, inputName: report.inputName(ofLayer: index),
                                  inputShape: report.inputShape(ofLayer: index), outputShape: r.output,
                                  window: report.window(ofLayer: index, y: unit.y, x: unit.x),
                                  receptiveField: report.receptiveField(ofLayer: index, y: unit.y, x: unit.x))
        let input = index == 0 ? images : activations[report.layers[index - 1].name]!
        switch r.kind {
        case .conv(let c): explainConv(&e, c, input: input)
        case .linear: explainLinear(&e, input: input)
        case .maxpool: explainPool(&e, input: input)
        case .softmax: explainSoftmax(&e, input: input)
        case .activation(let f):
            let a = Double(at(input, e.inputShape, unit))
            let out = Self.apply(f, a)
            e.activation = ActivationStep(layer: unit.layer, function: f, input: a, output: out)
            e.checks.append(check(unit.layer, out, unit))
        case .lrn(let l):
            let step = lrnStep(layer: unit.layer, l, input: input, inputShape: e.inputShape, unit: unit, own: nil)
            e.lrn = step
            e.checks.append(check(unit.layer, step.output, unit))
        case .dropout, .flatten:
            // Identity at evaluation: the unit is its input, moved (flatten) or not.
            // NCHW flattening keeps the order, so the flat index is the same on both sides.
            e.checks.append(check(unit.layer, Double(input.data[flatIndex(r.output, unit)]), unit))
        }
        if case .conv = r.kind { following(&e, after: index) }
        if case .linear = r.kind { following(&e, after: index) }
        return e
    }

    // MARK: - Layers

    /// Σ over the group's channels and the F×F window of input · weight, + bias.
    private func explainConv(_ e: inout NeuronExplanation, _ c: ConvSpec, input: Tensor) {
        let u = e.unit, w = e.window!, shape = e.inputShape
        let (weight, bias) = tensors[u.layer]!
        let perGroup = shape.channels / c.groups, outPerGroup = c.outChannels / c.groups
        let group = u.channel / outPerGroup
        let channels = (group * perGroup)..<((group + 1) * perGroup)
        if c.groups > 1 { e.group = GroupSlice(groups: c.groups, group: group, channels: channels) }
        let F = c.kernel
        var patch = [Float](repeating: 0, count: perGroup * F * F)
        var kernel = [Float](repeating: 0, count: perGroup * F * F)
        var sum = 0.0, perChannel = [Double](repeating: 0, count: perGroup)
        for (ci, ch) in channels.enumerated() {
            for kh in 0..<F {
                for kw in 0..<F {
                    let (iy, ix) = (w.y0 + kh, w.x0 + kw)
                    let inside = (0..<shape.height).contains(iy) && (0..<shape.width).contains(ix)
                    let xv = inside ? input.data[(ch * shape.height + iy) * shape.width + ix] : 0
                    let wv = weight.data[((u.channel * perGroup + ci) * F + kh) * F + kw]
                    patch[(ci * F + kh) * F + kw] = xv
                    kernel[(ci * F + kh) * F + kw] = wv
                    let term = NeuronTerm(channel: ch, y: iy, x: ix, input: Double(xv), weight: Double(wv))
                    // Products on the padding are 0 · w: counted, not shown.
                    if !inside { e.paddingTerms += 1 } else if e.shownTerms.count < Self.shownProducts { e.shownTerms.append(term) }
                    sum += term.product
                    perChannel[ci] += term.product
                }
            }
        }
        e.terms = perGroup * F * F
        e.sum = sum
        e.bias = Double(bias.data[u.channel])
        e.preActivation = sum + e.bias!
        e.patch = Tensor(shape: [perGroup, F, F], data: patch)
        e.kernel = Tensor(shape: [perGroup, F, F], data: kernel)
        e.strongestChannel = channels.lowerBound + (perChannel.indices.max { abs(perChannel[$0]) < abs(perChannel[$1]) } ?? 0)
        e.checks.append(check(u.layer, e.preActivation!, u))
    }

    /// Σ over every input feature of input · weight, + bias; the largest |products| are shown.
    private func explainLinear(_ e: inout NeuronExplanation, input: Tensor) {
        let u = e.unit
        let (weight, bias) = tensors[u.layer]!
        let n = e.inputShape.count
        var terms: [NeuronTerm] = []
        terms.reserveCapacity(n)
        var sum = 0.0
        for i in 0..<n {
            let t = NeuronTerm(channel: i, y: 0, x: 0, input: Double(input.data[i]), weight: Double(weight.data[u.channel * n + i]))
            sum += t.product
            terms.append(t)
        }
        e.terms = n
        e.shownTerms = Array(terms.sorted { abs($0.product) > abs($1.product) }.prefix(Self.shownTop))
        e.sum = sum
        e.bias = Double(bias.data[u.channel])
        e.preActivation = sum + e.bias!
        e.checks.append(check(u.layer, e.preActivation!, u))
    }

    /// The largest value under the window; padding never wins, ties go to the first in row-major order.
    private func explainPool(_ e: inout NeuronExplanation, input: Tensor) {
        let u = e.unit, box = e.window!.clipped, s = e.inputShape
        var values: [[Double]] = []
        var best = -Double.infinity, at = (box.y0, box.x0)
        for iy in box.y0...box.y1 {
            var row: [Double] = []
            for ix in box.x0...box.x1 {
                let v = Double(input.data[(u.channel * s.height + iy) * s.width + ix])
                if v > best { best = v; at = (iy, ix) }
                row.append(v)
            }
            values.append(row)
        }
        e.terms = box.height * box.width
        e.pool = PoolWinner(values: values, y: at.0, x: at.1, value: best)
        e.checks.append(check(u.layer, best, u))
    }

    /// e^(z − max z) / Σ e^(z − max z), compared with the forward pass's probabilities.
    private func explainSoftmax(_ e: inout NeuronExplanation, input logits: Tensor) {
        let u = e.unit, z = logits.data.map(Double.init)
        let m = z.max() ?? 0
        let exps = z.map { exp($0 - m) }
        let sum = exps.reduce(0, +)
        var top = exps.indices.sorted { exps[$0] > exps[$1] }.prefix(Self.shownTop).map { (index: $0, logit: z[$0], exponential: exps[$0]) }
        if !top.contains(where: { $0.index == u.channel }) { top.append((u.channel, z[u.channel], exps[u.channel])) }
        e.terms = z.count
        e.softmax = SoftmaxParts(logit: z[u.channel], maxLogit: m, exponentials: top, classes: z.count, sum: sum)
        // The network keeps the logits as the softmax layer's output; the probabilities are computed after.
        let forward = Network.probabilities(logits.reshaped([1, z.count])).data[u.channel]
        e.checks.append(NeuronCheck(layer: u.layer, recomputed: exps[u.channel] / sum, forward: Double(forward)))
    }

    /// The ReLU/tanh right after a conv or linear layer, and the LRN right after that, applied to the
    /// recomputed value.
    private func following(_ e: inout NeuronExplanation, after index: Int) {
        var i = index + 1
        var value = e.preActivation!
        if i < report.layers.count, case .activation(let f) = report.layers[i].kind {
            let name = report.layers[i].name
            let out = Self.apply(f, value)
            e.activation = ActivationStep(layer: name, function: f, input: value, output: out)
            e.checks.append(check(name, out, NeuronUnit(layer: name, channel: e.unit.channel, y: e.unit.y, x: e.unit.x)))
            value = out
            i += 1
        }
        if i < report.layers.count, case .lrn(let l) = report.layers[i].kind {
            let name = report.layers[i].name
            let unit = NeuronUnit(layer: name, channel: e.unit.channel, y: e.unit.y, x: e.unit.x)
            let step = lrnStep(layer: name, l, input: activations[report.layers[i - 1].name]!,
                               inputShape: report.inputShape(ofLayer: i), unit: unit, own: value)
            e.lrn = step
            e.checks.append(check(name, step.output, unit))
        }
    }

    /// `a / (k + α·Σ a²)^β` over the channels win(c) = [c − size/2, c + (size−1)/2] at the unit's position.
    /// `own` replaces the unit's own forward input by the recomputed one.
    private func lrnStep(layer: String, _ l: LRNSpec, input: Tensor, inputShape s: FeatureShape, unit u: NeuronUnit,
                         own: Double?) -> LRNStep {
        let lo = max(0, u.channel - l.size / 2), hi = min(s.channels - 1, u.channel + (l.size - 1) / 2)
        var neighbours: [(channel: Int, value: Double)] = []
        for c in lo...hi {
            let v = c == u.channel ? (own ?? value(input, s, c, u.y, u.x)) : value(input, s, c, u.y, u.x)
            neighbours.append((c, v))
        }
        let squares = neighbours.reduce(0) { $0 + $1.value * $1.value }
        let divisor = pow(l.k + l.alpha * squares, l.beta)
        let a = neighbours.first { $0.channel == u.channel }!.value
        return LRNStep(layer: layer, spec: l, input: a, neighbours: neighbours, sumOfSquares: squares, divisor: divisor, output: a / divisor)
    }

    // MARK: - Reading values

    private func value(_ t: Tensor, _ s: FeatureShape, _ c: Int, _ y: Int, _ x: Int) -> Double {
        Double(t.data[(c * s.height + y) * s.width + x])
    }

    private func at(_ t: Tensor, _ s: FeatureShape, _ u: NeuronUnit) -> Float {
        t.data[flatIndex(s, u)]
    }

    private func flatIndex(_ s: FeatureShape, _ u: NeuronUnit) -> Int {
        s.isFlat ? u.channel : (u.channel * s.height + u.y) * s.width + u.x
    }

    /// The recomputed value beside the forward pass's output of `layer` at the unit.
    private func check(_ layer: String, _ recomputed: Double, _ u: NeuronUnit) -> NeuronCheck {
        let shape = report.layer(named: layer)!.output
        return NeuronCheck(layer: layer, recomputed: recomputed, forward: Double(activations[layer]!.data[flatIndex(shape, u)]))
    }

    static func apply(_ f: Activation, _ v: Double) -> Double {
        switch f {
        case .relu: 0 > v ? 0 : v  // NaN stays NaN, as in the engine
        case .tanh: tanh(v)
        case .sigmoid: 1 / (1 + exp(-v))
        }
    }
}
