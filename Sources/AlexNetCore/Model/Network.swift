#if canImport(Glibc)
import Glibc
#endif

/// A trainable network built from a `NetworkSpec`: the layers in order, their parameters under
/// torchvision-style names, and the activations of the last forward pass.
///
/// Parameter names: the layers before `flatten` are `features.<i>` and those after it are
/// `classifier.<j>`, counting every layer of that part (ReLU, LRN and pooling too) and not the flatten
/// itself, so `torchvision` has exactly torchvision's `features.0.weight` … `classifier.6.bias`; the paper
/// presets share its `features.N` names but, with dropout after fc6/fc7, name those `classifier.0/3/6`.
public final class Network {
    public let spec: NetworkSpec
    public let report: ShapeReport
    let layers: [(spec: LayerSpec, layer: Layer?)]
    /// The parameters in network order, weight before bias.
    public let parameters: [Parameter]
    /// Each layer's output from the last forward, by layer name (only when asked to keep them).
    public private(set) var activations: [String: Tensor] = [:]
    /// When set, forward and backward add each layer's wall time here (for `alexnet bench --layers`).
    public var layerTimes: [String: (forward: Duration, backward: Duration)]?
    /// Conv layers directly followed by a ReLU: the conv applies it in its output loop (one pass over the
    /// maps instead of two each way), unless a forward keeps every layer's output (conv's is pre-ReLU).
    private let fusedReLUs: [(conv: Conv2D, relu: ElementwiseActivation)]

    /// Builds the layers and draws their weights. Throws `ShapeError` for impossible shapes and
    /// `MemoryError` when the weights and activations for `memory`'s batch would not fit in its limit,
    /// checked before anything is allocated (a huge allocation otherwise kills the process).
    public convenience init(spec: NetworkSpec, initialization: Initialization, seed: UInt64,
                            memory: MemoryBudget = MemoryBudget()) throws {
        try self.init(building: spec, seed: seed, memory: memory)
        initialize(initialization, seed: seed)
    }

    /// A network whose every parameter comes from `tensors` (a weights file's), checked as `load` checks
    /// them: nothing is drawn first, where the paper's 62 M Gaussian draws took about a second only to be
    /// overwritten. Dropout masks draw from `seed`'s streams.
    public convenience init(spec: NetworkSpec, loading tensors: [String: Tensor], source: String, seed: UInt64 = 1,
                            memory: MemoryBudget = MemoryBudget()) throws {
        try self.init(building: spec, seed: seed, memory: memory)
        try load(tensors, source: source)
    }

    /// The layers, with every parameter zero.
    private init(building spec: NetworkSpec, seed: UInt64, memory: MemoryBudget) throws {
        self.spec = spec
        report = try spec.shapeReport()
        try memory.check(report)
        var built: [(LayerSpec, Layer?)] = []
        var params: [Parameter] = []
        var part = "features", index = 0
        var firstConv = true
        let workspace = ConvWorkspace()
        for (layer, r) in zip(spec.layers, report.layers) {
            let prefix = "\(part).\(index)"
            var runtime: Layer?
            switch layer.kind {
            case .conv(let c):
                let conv = Conv2D(spec: c, inChannels: r.input.channels, weightName: prefix + ".weight", biasName: prefix + ".bias",
                                  workspace: workspace)
                conv.needsInputGradient = !firstConv
                firstConv = false
                runtime = conv
            case .linear(let out):
                runtime = Linear(inFeatures: r.input.count, outFeatures: out, weightName: prefix + ".weight", biasName: prefix + ".bias")
            case .activation(let a): runtime = ElementwiseActivation(a)
            case .lrn(let l): runtime = LocalResponseNorm(spec: l)
            case .maxpool(let p): runtime = MaxPool(spec: p)
            case .dropout(let p): runtime = Dropout(p: p, random: SeededRandom(seed: seed, stream: "dropout/" + layer.name))
            case .flatten, .softmax: runtime = nil
            }
            if case .flatten = layer.kind { part = "classifier"; index = 0 } else { index += 1 }
            built.append((layer, runtime))
            params += runtime?.parameters ?? []
        }
        layers = built
        parameters = params
        fusedReLUs = zip(built, built.dropFirst()).compactMap { pair in
            guard let conv = pair.0.1 as? Conv2D, let relu = pair.1.1 as? ElementwiseActivation, relu.function == .relu
            else { return nil }
            return (conv, relu)
        }
    }

    /// Draws fresh weights. The draw order is the parameter order, so a network whose activations were
    /// swapped (ReLU → tanh) gets exactly the same weights from the same seed.
    public func initialize(_ how: Initialization, seed: UInt64) {
        var random = SeededRandom(seed: seed, stream: "init")
        for (spec, layer) in layers {
            guard let layer, let weight = layer.parameters.first, let bias = layer.parameters.last else { continue }
            let fanIn = weight.value.count / weight.value.shape[0]
            let biasValue = how == .paper ? Float(spec.initialBias) : 0
            let std = how == .paper ? 0.01 : (2.0 / Double(fanIn)).squareRoot()
            Self.fillNormal(&weight.value, std: Float(std), seed: random.next())
            bias.value = Tensor(repeating: biasValue, shape: bias.value.shape)
        }
    }

    /// Gaussian values drawn in fixed blocks, each from its own stream, so that the 62 M weights of
    /// AlexNet fill on both cores and still come out the same whatever the scheduling.
    static func fillNormal(_ t: inout Tensor, std: Float, seed: UInt64) {
        let block = 1 << 16
        let count = t.count
        t.data.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            parallelFor((count + block - 1) / block) { b in
                var r = SeededRandom(seed: seed &+ UInt64(b) &* 0x9E37_79B9_7F4A_7C15)
                var i = b * block
                let end = min(count, i + block)
                while i < end {
                    // Box–Muller gives two independent normals per pair of uniforms.
                    let u1 = Float(r.uniform()), u2 = Float(r.uniform())
                    let radius = (-2 * logf(u1)).squareRoot() * std
                    base[i] = radius * cosf(2 * .pi * u2)
                    if i + 1 < end { base[i + 1] = radius * sinf(2 * .pi * u2) }
                    i += 2
                }
            }
        }
    }

    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    // MARK: - Freezing (fine-tuning)

    /// The layer set by `freeze(through:)`: it and every layer before it keep their weights.
    public private(set) var frozenThrough: String?
    /// Index in `layers` of `frozenThrough`, −1 when nothing is frozen.
    private var frozenIndex = -1

    /// The parameters training updates: all of them, or those of the layers after `frozenThrough`.
    public var trainableParameters: [Parameter] {
        layers.enumerated().filter { $0.offset > frozenIndex }.flatMap { $0.element.layer?.parameters ?? [] }
    }

    /// Trains only the layers after `name` (fine-tuning's `--freeze`): backward stops at the first of them, so
    /// the frozen layers cost a forward pass only, and their weights stay bit for bit as they are.
    public func freeze(through name: String) throws(WeightsError) {
        guard let index = layers.firstIndex(where: { $0.spec.name == name }) else {
            throw WeightsError(source: spec.name, message: "no layer '\(name)' to freeze through; expected one of "
                + layers.map(\.spec.name).joined(separator: ", "))
        }
        guard layers[(index + 1)...].contains(where: { !($0.layer?.parameters.isEmpty ?? true) }) else {
            throw WeightsError(source: spec.name, message: "freezing through '\(name)' leaves no layer to train; "
                + "expected a layer before the last one with weights")
        }
        frozenIndex = index; frozenThrough = name
        // The first trained conv needs no input gradient: nothing below it learns.
        var first = true
        for (i, entry) in layers.enumerated() {
            guard let conv = entry.layer as? Conv2D else { continue }
            if i > index { conv.needsInputGradient = !first; first = false } else { conv.needsInputGradient = false }
        }
    }

    public func parameter(named name: String) -> Parameter? { parameters.first { $0.name == name } }

    // MARK: - Forward and backward

    /// images (N, C, H, W) → logits (N, classes). With `keepActivations`, every layer's output stays
    /// in `activations` (for the feature-map screen).
    public func forward(_ images: Tensor, mode: Mode, keepActivations: Bool = false) -> Tensor {
        let inp = spec.input
        precondition(images.shape.count == 4 && images.shape[1] == inp.channels && images.shape[2] == inp.height
                     && images.shape[3] == inp.width,
                     "\(spec.name) takes (N, \(inp.channels), \(inp.height), \(inp.width)), got \(images.shape)")
        let n = images.shape[0]
        activations = [:]
        for (conv, relu) in fusedReLUs {
            conv.fusesReLU = !keepActivations
            relu.passesThrough = !keepActivations
        }
        var x = images
        for (spec, layer) in layers {
            if let layer {
                let start = ContinuousClock.now
                x = layer.forward(x, mode: mode)
                if layerTimes != nil { layerTimes![spec.name, default: (.zero, .zero)].forward += ContinuousClock.now - start }
            } else if case .flatten = spec.kind {
                x.reshape([n, x.count / n])
            }
            if keepActivations { activations[spec.name] = x }
        }
        return x
    }

    /// dLogits (N, classes) → adds every parameter's gradient. Needs a forward in `.train` mode first.
    public func backward(_ dLogits: Tensor) {
        _ = backpropagate(dLogits)
    }

    /// The gradient with respect to the input images as well (for gradient checks); slower, since the
    /// first conv layer then also lowers its input gradient.
    func backwardToInput(_ dLogits: Tensor) -> Tensor {
        let first = layers.compactMap { $0.layer as? Conv2D }.first
        first?.needsInputGradient = true
        defer { first?.needsInputGradient = false }
        return backpropagate(dLogits)!
    }

    /// The one backward loop: every layer from the logits down, timed when `layerTimes` is on. It stops at a
    /// conv that needs no input gradient (the first one, in training) and returns nil then, else dInput.
    private func backpropagate(_ dLogits: Tensor) -> Tensor? {
        var d = dLogits
        for (index, (spec, layer)) in layers.enumerated().reversed() {
            if index <= frozenIndex { return nil }
            if let layer {
                let start = ContinuousClock.now
                defer { if layerTimes != nil { layerTimes![spec.name, default: (.zero, .zero)].backward += ContinuousClock.now - start } }
                if let conv = layer as? Conv2D, !conv.needsInputGradient {
                    _ = conv.backward(d)
                    return nil
                }
                d = layer.backward(d)
            } else if case .flatten = spec.kind {
                let shape = report.layers.first { $0.name == spec.name }!.input
                d.reshape([d.shape[0], shape.channels, shape.height, shape.width])
            }
        }
        return d
    }

    public func zeroGradients() {
        for p in parameters { p.grad.zero() }
    }

    /// Softmax probabilities of the last forward's logits.
    public static func probabilities(_ logits: Tensor) -> Tensor {
        SoftmaxCrossEntropy.probabilities(logits)
    }

    /// Loss, dLogits and correct count of logits against labels.
    public static func loss(logits: Tensor, labels: [Int]) -> (loss: Double, dLogits: Tensor, correct: Int) {
        let r = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels)
        return (r.loss, r.dLogits, r.correct)
    }

    // MARK: - Weights in and out

    /// The weights as named tensors, in order, for checkpoints.
    public var state: [(name: String, tensor: Tensor)] { parameters.map { ($0.name, $0.value) } }

    /// Replaces weights by name; every parameter must be given with its exact shape.
    public func load(_ tensors: [String: Tensor], source: String) throws(WeightsError) {
        for p in parameters {
            guard let t = tensors[p.name] else { throw WeightsError(source: source, message: "missing tensor '\(p.name)'") }
            guard t.shape == p.value.shape else {
                throw WeightsError(source: source, message: "tensor '\(p.name)' has shape \(t.shape), expected \(p.value.shape)")
            }
            try WeightsError.checkFinite(t, name: "tensor '\(p.name)'", source: source)
        }
        for p in parameters { p.value = tensors[p.name]! }
    }

    /// Every dropout layer's mask-stream state, by layer name: a checkpoint keeps them, so that a resumed
    /// run draws the masks the uninterrupted run would have drawn.
    public var dropoutRandomStates: [String: UInt64] {
        var out: [String: UInt64] = [:]
        for (spec, layer) in layers { if let d = layer as? Dropout { out[spec.name] = d.random.state } }
        return out
    }

    /// Continues every dropout layer's mask stream from saved states: one per dropout layer, no others.
    public func continueDropoutRandom(from states: [String: UInt64], source: String) throws(WeightsError) {
        let dropouts = layers.compactMap { entry in (entry.layer as? Dropout).map { (entry.spec.name, $0) } }
        for (name, _) in dropouts where states[name] == nil {
            throw WeightsError(source: source, message: "no random state for dropout layer '\(name)'; expected one for each of "
                + dropouts.map(\.0).joined(separator: ", "))
        }
        for name in states.keys.sorted() where !dropouts.contains(where: { $0.0 == name }) {
            throw WeightsError(source: source, message: "a random state for dropout layer '\(name)', which \(spec.name) does not have; "
                + "expected only " + (dropouts.isEmpty ? "none" : dropouts.map(\.0).joined(separator: ", ")))
        }
        for (name, d) in dropouts { d.continueRandom(from: states[name]!) }
    }

    /// A conv layer's weights (OC, C/G, K, K) by layer name (conv1 … conv5).
    public func convWeights(layer name: String) -> Tensor? {
        for (spec, layer) in layers where spec.name == name { return (layer as? Conv2D)?.weight.value }
        return nil
    }

    /// A conv or linear layer's weight and bias by layer name (for the neuron inspector), nil for other layers.
    public func learnedTensors(layer name: String) -> (weight: Tensor, bias: Tensor)? {
        for (spec, layer) in layers where spec.name == name {
            if let conv = layer as? Conv2D { return (conv.weight.value, conv.bias.value) }
            if let linear = layer as? Linear { return (linear.weight.value, linear.bias.value) }
        }
        return nil
    }

    /// conv1's weights (OC, C, K, K), e.g. for the filters screen.
    public var firstConvWeights: (layer: String, weights: Tensor)? {
        for (spec, layer) in layers { if let conv = layer as? Conv2D { return (spec.name, conv.weight.value) } }
        return nil
    }
}

/// Weights that do not fit the network.
public struct WeightsError: Error, Equatable, CustomStringConvertible {
    public var source: String
    public var message: String
    public var description: String { "\(source): \(message)" }

    /// Refuses a tensor holding NaN or ±infinity, naming it and the first such element: such weights gave a confident
    /// answer (all-NaN conv1 came out as "Bag 67.36%") or `nan%` with exit 0 instead of an error.
    static func checkFinite(_ t: Tensor, name: String, source: String) throws(WeightsError) {
        let bad = t.data.withUnsafeBufferPointer { b -> Int? in
            // A sum is finite only if every term is; the scan for the index runs only on a bad tensor.
            var sum: Float = 0
            for v in b { sum += v * 0 }
            return sum == 0 ? nil : b.firstIndex { !$0.isFinite }
        }
        guard let bad else { return }
        let count = t.data.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
        throw WeightsError(source: source, message: "\(name) holds \(NumberText.grouped(count)) non-finite value\(count == 1 ? "" : "s") "
            + "(element \(NumberText.grouped(bad)) is \(t.data[bad])); expected finite numbers")
    }
}
