import AlexNetCore

/// Generates quiz questions from a seed: half on AlexNet's own layers, half on random valid layers.
/// A question on a real network names it (the paper's is the `alexnet` preset, two GPUs).
/// Every answer comes from the core's shape report (or `SizeFormula` searches), never from a
/// formula written here, so the quiz teaches what the program computes.
public struct QuizGenerator: Sendable {
    var rng: SeededRandom
    let alexnet: ShapeReport
    /// How a question names the paper's network: the preset, so nobody confuses it with torchvision's.
    static let paperNetwork = "AlexNet (the paper's two-GPU network, preset alexnet)"

    public init(seed: UInt64) throws(ShapeError) {
        rng = SeededRandom(seed: seed, stream: "quiz")
        alexnet = try Preset.alexnet.spec.shapeReport()
    }

    /// `count` questions drawn from the topic's kinds, cycling through them in a shuffled order so
    /// that every kind appears before any repeats. `due` kinds (missed earlier: spaced repetition)
    /// come first, before the first cycle, so they come back sooner; with none the questions depend
    /// on the seed alone (a class sharing `--seed` gets the same worksheet).
    public mutating func questions(topic: QuizTopic, count: Int, due: [QuizKind] = []) -> [QuizQuestion] {
        var out: [QuizQuestion] = []
        var order: [QuizKind] = due.filter(topic.kinds.contains)
        while out.count < count {
            if order.isEmpty { order = rng.permutation(topic.kinds.count).map { topic.kinds[$0] } }
            out.append(question(order.removeFirst()))
        }
        return out
    }

    /// One question of the given kind.
    public mutating func question(_ kind: QuizKind) -> QuizQuestion {
        let onAlexNet = rng.below(2) == 0
        switch kind {
        case .convOutput: return windowOutput(conv: true, onAlexNet: onAlexNet)
        case .poolOutput: return windowOutput(conv: false, onAlexNet: onAlexNet)
        case .paddingToKeepSize: return paddingToKeepSize(onAlexNet: onAlexNet)
        case .strideForTarget: return strideForTarget(onAlexNet: onAlexNet)
        case .inputForExact: return inputForExact(onAlexNet: onAlexNet)
        case .convParams: return convParams(onAlexNet: onAlexNet)
        case .fcParams: return fcParams(onAlexNet: onAlexNet)
        case .layerMACs: return layerMACs(onAlexNet: onAlexNet)
        case .receptiveField: return receptiveField(onAlexNet: onAlexNet)
        case .poolCeil: return poolCeil(onAlexNet: onAlexNet)
        case .activationMemory: return activationMemory(onAlexNet: onAlexNet)
        case .mostParams: return mostParams()
        case .whatIfParams: return whatIfParams(onAlexNet: onAlexNet)
        case .macsShare: return macsShare()
        case .dropoutExpectation: return dropoutExpectation(onAlexNet: onAlexNet)
        case .lrnValue: return lrnValue()
        case .unitReceptiveBox: return unitReceptiveBox(onAlexNet: onAlexNet)
        }
    }

    // MARK: - Shapes

    private mutating func windowOutput(conv: Bool, onAlexNet: Bool) -> QuizQuestion {
        let kind: QuizKind = conv ? .convOutput : .poolOutput
        let layer: LayerReport
        let intro: String
        if onAlexNet {
            layer = pick(alexnet.layers.filter { conv ? $0.kind.word == "conv" : $0.kind.word == "maxpool" })
            intro = "\(Self.paperNetwork)'s \(layer.name)"
        } else {
            layer = randomWindowLayer(conv: conv)
            intro = conv ? "A conv layer" : "A max-pool layer"
        }
        let f = layer.formula!
        let what = conv ? "\(layer.output.channels) filters of \(f.kernel)×\(f.kernel)" : "\(f.kernel)×\(f.kernel) windows"
        let prompt = "\(intro) reads \(layer.input) maps with \(what), stride \(f.stride), padding \(f.padding). What is the output side (height = width)?"
        return QuizQuestion(kind: kind, prompt: prompt, answer: layer.output.height, worked: f.steps + [f.exactnessNote],
                            givens: ["W": f.input, "F": f.kernel, "S": f.stride, "P": f.padding])
    }

    private mutating func paddingToKeepSize(onAlexNet: Bool) -> QuizQuestion {
        let (w, k): (Int, Int)
        var intro = "A conv layer"
        if onAlexNet {
            let layer = pick(alexnet.layers.filter { $0.kind.word == "conv" && $0.stride == 1 })
            (w, k) = (layer.input.height, layer.kernel!)
            intro = "\(Self.paperNetwork)'s \(layer.name)"
        } else {
            (w, k) = (8 + rng.below(57), pick([3, 5, 7, 9, 11]))
        }
        let p = (0...k).first { SizeFormula(input: w, kernel: k, padding: $0, stride: 1).output == w }!
        let check = SizeFormula(input: w, kernel: k, padding: p, stride: 1)
        let prompt = "\(intro) has \(k)×\(k) kernels at stride 1 on \(w)×\(w) maps. What padding P on each side keeps the output \(w)×\(w)?"
        let worked = ["At stride 1, out = W − F + 2P + 1. Setting out = W gives 2P = F − 1, so P = (F − 1)/2 = (\(k) − 1)/2 = \(p).",
                      "Check: " + check.text]
        return QuizQuestion(kind: .paddingToKeepSize, prompt: prompt, answer: p, worked: worked, givens: ["W": w, "F": k, "S": 1])
    }

    /// The stride that takes W to `out` with the windows tiling exactly.
    private mutating func strideForTarget(onAlexNet: Bool) -> QuizQuestion {
        let (w, k, p, out, intro) = exactLayer(onAlexNet: onAlexNet)
        let span = w - k + 2 * p
        let s = (1...max(span, 1)).first {
            let f = SizeFormula(input: w, kernel: k, padding: p, stride: $0)
            return f.output == out && f.isExact && f.seesEveryPixel
        }!
        let prompt = "\(intro) has \(k)×\(k) windows and padding \(p) on a \(w)×\(w) input. What stride gives a \(out)×\(out) output with every pixel used?"
        let worked = ["Exact tiling needs W − F + 2P = (out − 1)·S: \(w) − \(k) + 2·\(p) = \(span) = \(out - 1)·S, so S = \(span)/\(out - 1) = \(s).",
                      "Check: " + SizeFormula(input: w, kernel: k, padding: p, stride: s).text]
        return QuizQuestion(kind: .strideForTarget, prompt: prompt, answer: s, worked: worked,
                            givens: ["W": w, "F": k, "P": p, "out": out])
    }

    /// The input side that makes a window layer land exactly on `out` (227 for conv1).
    private mutating func inputForExact(onAlexNet: Bool) -> QuizQuestion {
        let (w, k, p, out, intro) = exactLayer(onAlexNet: onAlexNet)
        let s = (w - k + 2 * p) / max(out - 1, 1)
        let answer = (1...(out * s + k + 1)).first {
            let f = SizeFormula(input: $0, kernel: k, padding: p, stride: s)
            return f.output == out && f.isExact && f.seesEveryPixel
        }!
        let prompt = "\(intro) has \(k)×\(k) windows, stride \(s), padding \(p). What input side W gives a \(out)×\(out) output with no pixel left over?"
        let worked = ["Exact tiling needs W − F + 2P = (out − 1)·S, so W = (out − 1)·S + F − 2P = \(out - 1)·\(s) + \(k) − 2·\(p) = \(answer).",
                      "Check: " + SizeFormula(input: answer, kernel: k, padding: p, stride: s).text]
        return QuizQuestion(kind: .inputForExact, prompt: prompt, answer: answer, worked: worked,
                            givens: ["F": k, "S": s, "P": p, "out": out])
    }

    /// A window layer that tiles exactly: AlexNet's conv1/pool1/pool2, or a random one built to.
    private mutating func exactLayer(onAlexNet: Bool) -> (w: Int, k: Int, p: Int, out: Int, intro: String) {
        if onAlexNet {
            let layer = pick(alexnet.layers.filter { ($0.stride ?? 1) > 1 && $0.formula?.isExact == true })
            let f = layer.formula!
            return (f.input, f.kernel, f.padding, f.output, "\(Self.paperNetwork)'s \(layer.name)")
        }
        // s ≤ k: with a stride larger than the window, pixels between windows would go unseen.
        let k = pick([3, 5, 7, 11]), s = 2 + rng.below(min(3, k - 1)), p = rng.below(k / 2 + 1), out = 4 + rng.below(40)
        return ((out - 1) * s + k - 2 * p, k, p, out, "A layer")
    }

    // MARK: - Parameters and cost

    private mutating func convParams(onAlexNet: Bool) -> QuizQuestion {
        let layer = onAlexNet ? pick(alexnet.layers.filter { $0.kind.word == "conv" }) : randomConv()
        guard case .conv(let c) = layer.kind else { fatalError("picked a conv layer") }
        let cin = layer.input.channels, per = cin / c.groups
        let intro = onAlexNet ? "\(Self.paperNetwork)'s \(layer.name)" : "A conv layer"
        let grouping = c.groups == 1 ? "1 group" : "\(c.groups) groups (each filter sees \(per) of the \(cin) channels)"
        let channels = cin == 1 ? "1 input channel" : "\(cin) input channels"
        let prompt = "\(intro) has \(c.outChannels) filters of \(c.kernel)×\(c.kernel) over \(channels) in \(grouping). How many parameters (weights + biases)?"
        let worked = ["weights = C_out · (C_in / groups) · F · F = \(c.outChannels) · \(per) · \(c.kernel) · \(c.kernel) = \(NumberText.grouped(layer.weights))",
                      "biases = C_out = \(layer.biases)",
                      "total = \(NumberText.grouped(layer.weights)) + \(layer.biases) = \(NumberText.grouped(layer.params))"]
        return QuizQuestion(kind: .convParams, prompt: prompt, answer: layer.params, worked: worked,
                            givens: ["Cin": cin, "Cout": c.outChannels, "F": c.kernel, "groups": c.groups])
    }

    private mutating func fcParams(onAlexNet: Bool) -> QuizQuestion {
        let layer: LayerReport
        if onAlexNet {
            layer = pick(alexnet.layers.filter { $0.kind.word == "linear" })
        } else {
            let inputs = pick([64, 128, 256, 512, 1000, 2048, 4096]), outs = pick([10, 100, 256, 1000])
            layer = Self.report(input: InputShape(channels: inputs, height: 1, width: 1),
                                kinds: [.flatten, .linear(out: outs)])!.layers[1]
        }
        let intro = onAlexNet ? "\(Self.paperNetwork)'s \(layer.name)" : "A fully connected layer"
        let (i, o) = (layer.input.count, layer.output.count)
        let prompt = "\(intro) maps \(i) inputs to \(o) outputs. How many parameters (weights + biases)?"
        let worked = ["weights = inputs · outputs = \(i) · \(o) = \(NumberText.grouped(layer.weights))",
                      "biases = outputs = \(layer.biases)",
                      "total = \(NumberText.grouped(layer.params))"]
        return QuizQuestion(kind: .fcParams, prompt: prompt, answer: layer.params, worked: worked, givens: ["in": i, "out": o])
    }

    private mutating func layerMACs(onAlexNet: Bool) -> QuizQuestion {
        let layer = onAlexNet ? pick(alexnet.layers.filter { $0.kind.isLearned }) : randomConv()
        let intro = onAlexNet ? "\(Self.paperNetwork)'s \(layer.name)" : "A conv layer"
        let prompt: String, worked: [String], givens: [String: Int]
        if case .conv(let c) = layer.kind {
            let per = layer.input.channels / c.groups
            prompt = "\(intro) turns \(layer.input) into \(layer.output) with \(c.kernel)×\(c.kernel) filters in \(c.groups) group\(c.groups == 1 ? "" : "s"). How many multiply-accumulates for one image?"
            worked = ["each output value needs (C_in / groups) · F · F = \(per) · \(c.kernel) · \(c.kernel) = \(per * c.kernel * c.kernel) multiply-adds",
                      "outputs = \(layer.output.channels) · \(layer.output.height) · \(layer.output.width) = \(NumberText.grouped(layer.output.count))",
                      "MACs = \(NumberText.grouped(layer.output.count)) · \(per * c.kernel * c.kernel) = \(NumberText.grouped(layer.macs))"]
            givens = ["Cin": layer.input.channels, "Cout": c.outChannels, "F": c.kernel, "groups": c.groups,
                      "W": layer.input.height, "S": c.stride, "P": c.padding]
        } else {
            prompt = "\(intro) maps \(layer.input.count) inputs to \(layer.output.count) outputs. How many multiply-accumulates for one image?"
            worked = ["one multiply-add per weight: \(layer.input.count) · \(layer.output.count) = \(NumberText.grouped(layer.macs))"]
            givens = ["in": layer.input.count, "out": layer.output.count]
        }
        return QuizQuestion(kind: .layerMACs, prompt: prompt, answer: layer.macs, worked: worked, givens: givens)
    }

    // MARK: - Receptive field

    private mutating func receptiveField(onAlexNet: Bool) -> QuizQuestion {
        let layers: [LayerReport]
        let target: LayerReport
        if onAlexNet {
            let windowed = alexnet.layers.filter { $0.formula != nil }
            let i = 1 + rng.below(windowed.count - 1)
            layers = Array(windowed.prefix(i + 1)); target = layers[i]
        } else {
            var report: ShapeReport?
            while report == nil {
                let kinds: [LayerKind] = (0..<(2 + rng.below(2))).map { _ in
                    rng.below(2) == 0 ? .conv(ConvSpec(outChannels: 8, kernel: pick([3, 5, 7]), stride: 1 + rng.below(2), padding: 1))
                                      : .maxpool(PoolSpec(kernel: pick([2, 3]), stride: 2))
                }
                report = Self.report(input: InputShape(channels: 3, height: 64, width: 64), kinds: kinds)
            }
            layers = report!.layers; target = layers.last!
        }
        let stack = layers.map { "\($0.name) (F=\($0.kernel!), S=\($0.stride!))" }.joined(separator: " → ")
        let prompt = "\(onAlexNet ? "\(Self.paperNetwork)'s" : "A") stack \(stack): how many input pixels wide is the receptive field of one \(target.name) output?"
        var worked = ["rf = previous rf + (F − 1) · jump, where jump is the product of the strides before the layer"]
        var rf = 1, jump = 1
        for l in layers {
            let next = rf + (l.kernel! - 1) * jump
            worked.append("\(l.name): \(rf) + (\(l.kernel!) − 1)·\(jump) = \(l.receptiveField)")
            rf = next; jump *= l.stride!
        }
        var givens = ["layers": layers.count]
        for (i, l) in layers.enumerated() { givens["F\(i + 1)"] = l.kernel!; givens["S\(i + 1)"] = l.stride! }
        return QuizQuestion(kind: .receptiveField, prompt: prompt, answer: target.receptiveField, worked: worked, givens: givens)
    }

    // MARK: - Random layers

    private mutating func randomWindowLayer(conv: Bool) -> LayerReport {
        while true {
            let w = 6 + rng.below(59)
            let kind: LayerKind
            if conv {
                let k = pick([1, 3, 5, 7, 11]), s = 1 + rng.below(4), p = rng.below(k / 2 + 1)
                kind = .conv(ConvSpec(outChannels: pick([16, 32, 64, 96]), kernel: k, stride: s, padding: p))
            } else {
                let k = pick([2, 3]), s = 1 + rng.below(k)
                kind = .maxpool(PoolSpec(kernel: k, stride: s))
            }
            if let r = Self.report(input: InputShape(channels: 16, height: w, width: w), kinds: [kind]),
               r.layers[0].output.height > 1 {
                return r.layers[0]
            }
        }
    }

    private mutating func randomConv() -> LayerReport {
        while true {
            let groups = pick([1, 1, 2, 4])
            let cin = groups * pick([3, 8, 16, 24, 48]), cout = groups * pick([8, 16, 32, 64])
            let k = pick([1, 3, 5, 7]), w = 7 + rng.below(50)
            let kind = LayerKind.conv(ConvSpec(outChannels: cout, kernel: k, stride: 1 + rng.below(2), padding: k / 2, groups: groups))
            if let r = Self.report(input: InputShape(channels: cin, height: w, width: w), kinds: [kind]) {
                return r.layers[0]
            }
        }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[rng.below(items.count)] }

    /// A small network's shape report, or nil when those layers do not fit.
    static func report(input: InputShape, kinds: [LayerKind]) -> ShapeReport? {
        var counts: [String: Int] = [:]
        let layers = kinds.map { kind in
            counts[kind.word, default: 0] += 1
            return LayerSpec(name: "\(kind.word == "maxpool" ? "pool" : kind.word)\(counts[kind.word]!)", kind: kind)
        }
        return try? NetworkSpec(name: "quiz", input: input, layers: layers).shapeReport()
    }
}
