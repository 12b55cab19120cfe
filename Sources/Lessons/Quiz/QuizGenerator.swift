import AlexNetCore

/// Makes quiz questions from a seed: half about AlexNet's own layers, half about random valid layers.
/// Every answer comes from the core (`SizeFormula`, `shapeReport()`), never from arithmetic here.
public struct QuizGenerator {
    private var random: SeededRandom
    private let alexnet: ShapeReport

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed, stream: "quiz")
        // The shipped preset always has valid shapes.
        alexnet = try! Preset.alexnet.spec.shapeReport()
    }

    /// `count` questions cycling through the topic's kinds in a seeded order.
    public mutating func questions(topic: QuizTopic, count: Int) -> [QuizQuestion] {
        let kinds = topic.kinds
        var order: [QuizKind] = []
        while order.count < count { order += random.permutation(kinds.count).map { kinds[$0] } }
        return order.prefix(count).map { question($0) }
    }

    public mutating func question(_ kind: QuizKind) -> QuizQuestion {
        let own = random.below(2) == 0
        switch kind {
        case .convOutput: return windowOutput(pool: false, own: own)
        case .poolOutput: return windowOutput(pool: true, own: own)
        case .samePadding: return samePadding(own: own)
        case .strideForTarget: return strideForTarget(own: own)
        case .exactInput: return exactInput(own: own)
        case .groupedConvParams: return groupedConvParams(own: own)
        case .linearParams: return linearParams(own: own)
        case .layerMACs: return layerMACs(own: own)
        case .receptiveField: return receptiveField(own: own)
        }
    }

    // MARK: - Helpers

    private mutating func pick<T>(_ values: [T]) -> T { values[random.below(values.count)] }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.below(range.count) }

    private func layers(_ kind: (LayerReport) -> Bool) -> [LayerReport] { alexnet.layers.filter(kind) }
    private var convs: [LayerReport] { layers { if case .conv = $0.kind { true } else { false } } }
    private var pools: [LayerReport] { layers { if case .maxpool = $0.kind { true } else { false } } }
    private var linears: [LayerReport] { layers { if case .linear = $0.kind { true } else { false } } }

    /// The core's report for one conv layer on a C×W×W input.
    private func convReport(channels: Int, side: Int, conv: ConvSpec) -> LayerReport {
        let spec = NetworkSpec(name: "quiz", input: InputShape(channels: channels, height: side, width: side),
                               layers: [LayerSpec(name: "conv", kind: .conv(conv))])
        return try! spec.shapeReport().layers[0]
    }

    // MARK: - Shapes

    private mutating func windowOutput(pool: Bool, own: Bool) -> QuizQuestion {
        let f: SizeFormula, what: String
        if own {
            let r = pick(pool ? pools : convs)
            f = r.formula!
            what = "AlexNet's \(r.name) (\(pool ? "max pool" : "conv"))"
        } else {
            let kernel = pool ? pick([2, 3]) : pick([1, 3, 5, 7, 11])
            let stride = pool ? pick([1, 2, 3]) : pick([1, 2, 4])
            let padding = pool ? 0 : int(0...kernel / 2)
            let input = int(kernel...64)
            f = SizeFormula(input: input, kernel: kernel, padding: padding, stride: stride)
            what = pool ? "a max pool" : "a conv"
        }
        let prompt = "\(what) sees a \(f.input)×\(f.input) input with kernel \(f.kernel), stride \(f.stride), padding \(f.padding). How wide is its output?"
        return QuizQuestion(kind: pool ? .poolOutput : .convOutput, prompt: prompt, answer: f.output,
                            worked: f.steps + [f.exactnessNote],
                            givens: ["W": f.input, "F": f.kernel, "S": f.stride, "P": f.padding])
    }

    private mutating func samePadding(own: Bool) -> QuizQuestion {
        let kernel = own ? pick(convs.compactMap(\.kernel).filter { $0 < 11 }) : pick([1, 3, 5, 7, 9, 11])
        let input = own ? pick([13, 27]) : int(kernel...64)
        // The core's formula decides: the padding whose stride-1 output equals the input.
        let padding = (0...kernel).first {
            SizeFormula(input: input, kernel: kernel, padding: $0, stride: 1).output == input
        }!
        let f = SizeFormula(input: input, kernel: kernel, padding: padding, stride: 1)
        let prompt = "A \(kernel)×\(kernel) conv with stride 1 on a \(input)×\(input) map\(own ? " (as in AlexNet's conv2–conv5)" : ""). What padding keeps the output \(input)×\(input)?"
        return QuizQuestion(kind: .samePadding, prompt: prompt, answer: padding,
                            worked: ["out = W needs W − F + 2P = W − 1, so P = (F − 1)/2 = (\(kernel) − 1)/2 = \(padding)"] + f.steps,
                            givens: ["W": input, "F": kernel])
    }

    private mutating func strideForTarget(own: Bool) -> QuizQuestion {
        var input: Int, kernel: Int, padding: Int, stride: Int
        if own {
            input = 227; kernel = 11; padding = 0; stride = 4
        } else {
            stride = int(2...4); kernel = pick([3, 5, 7]); padding = int(0...kernel / 2)
            let outputs = int(4...20)
            input = (outputs - 1) * stride + kernel - 2 * padding
        }
        let target = SizeFormula(input: input, kernel: kernel, padding: padding, stride: stride).output
        let prompt = "A conv with kernel \(kernel) and padding \(padding) on a \(input)×\(input) input\(own ? " (AlexNet's conv1)" : ""). Which stride makes the windows tile the input exactly into \(target)×\(target) outputs?"
        let f = SizeFormula(input: input, kernel: kernel, padding: padding, stride: stride)
        return QuizQuestion(kind: .strideForTarget, prompt: prompt, answer: stride,
                            worked: ["exact tiling: S = (W − F + 2P)/(out − 1) = \(f.span)/\(target - 1) = \(stride)"] + f.steps,
                            givens: ["W": input, "F": kernel, "P": padding, "out": target])
    }

    private mutating func exactInput(own: Bool) -> QuizQuestion {
        var kernel: Int, padding: Int, stride: Int, target: Int
        if own {
            kernel = 11; padding = 0; stride = 4; target = 55
        } else {
            kernel = pick([3, 5, 7, 11]); stride = int(1...4); padding = int(0...kernel / 2); target = int(3...30)
        }
        let input = (kernel - 2 * padding)...(kernel + target * stride)
        // Search with the core's formula for the one input size that gives `target` with nothing left over.
        let answer = input.first {
            let f = SizeFormula(input: $0, kernel: kernel, padding: padding, stride: stride)
            return f.isValid && f.output == target && f.isExact
        }!
        let f = SizeFormula(input: answer, kernel: kernel, padding: padding, stride: stride)
        let prompt = "A layer with kernel \(kernel), stride \(stride), padding \(padding) must give \(target)×\(target) outputs with no pixel left over\(own ? " (AlexNet's conv1: the 224-vs-227 puzzle)" : ""). What input size makes it exact?"
        return QuizQuestion(kind: .exactInput, prompt: prompt, answer: answer,
                            worked: ["W = (out − 1)·S + F − 2P = (\(target) − 1)·\(stride) + \(kernel) − 2·\(padding) = \(answer)"] + f.steps,
                            givens: ["F": kernel, "S": stride, "P": padding, "out": target])
    }

    // MARK: - Parameters and cost

    private mutating func groupedConvParams(own: Bool) -> QuizQuestion {
        let r: LayerReport
        if own {
            r = pick(convs.filter { ($0.groups ?? 1) > 1 })
        } else {
            let groups = pick([1, 2, 4])
            let c = ConvSpec(outChannels: groups * int(2...32), kernel: pick([1, 3, 5]), stride: 1, padding: 0, groups: groups)
            r = convReport(channels: groups * int(1...16), side: 8, conv: c)
        }
        let prompt = "A \(r.kernel!)×\(r.kernel!) conv from \(r.input.channels) to \(r.output.channels) channels in \(r.groups!) group\(r.groups! == 1 ? "" : "s")\(own ? " (AlexNet's \(r.name))" : ""). How many parameters (weights + biases)?"
        return QuizQuestion(kind: .groupedConvParams, prompt: prompt, answer: r.params, worked: WorkedAnswer.paramLines(r),
                            givens: ["C": r.input.channels, "OC": r.output.channels, "K": r.kernel!, "G": r.groups!])
    }

    private mutating func linearParams(own: Bool) -> QuizQuestion {
        let r: LayerReport
        if own {
            r = pick(linears)
        } else {
            let spec = NetworkSpec(name: "quiz", input: InputShape(channels: int(1...64), height: 1, width: 1),
                                   layers: [LayerSpec(name: "flatten", kind: .flatten),
                                            LayerSpec(name: "fc", kind: .linear(out: int(2...512)))])
            r = try! spec.shapeReport().layers[1]
        }
        let prompt = "A fully connected layer from \(NumberText.grouped(r.input.count)) inputs to \(NumberText.grouped(r.output.count)) outputs\(own ? " (AlexNet's \(r.name))" : ""). How many parameters (weights + biases)?"
        return QuizQuestion(kind: .linearParams, prompt: prompt, answer: r.params, worked: WorkedAnswer.paramLines(r),
                            givens: ["in": r.input.count, "out": r.output.count])
    }

    private mutating func layerMACs(own: Bool) -> QuizQuestion {
        let r: LayerReport
        if own {
            r = pick(convs)
        } else {
            let c = ConvSpec(outChannels: int(1...16), kernel: pick([1, 3, 5]), stride: pick([1, 2]), padding: int(0...1))
            r = convReport(channels: int(1...8), side: int(6...20), conv: c)
        }
        let prompt = "A \(r.kernel!)×\(r.kernel!) conv (stride \(r.stride!), padding \(r.padding!), groups \(r.groups!)) turns \(r.input) into \(r.output)\(own ? " (AlexNet's \(r.name))" : ""). How many multiply-accumulates for one image?"
        return QuizQuestion(kind: .layerMACs, prompt: prompt, answer: r.macs,
                            worked: WorkedAnswer.lines(property: "macs", layer: r, previousRF: 1, previousJump: 1),
                            givens: ["C": r.input.channels, "OC": r.output.channels, "OH": r.output.height,
                                     "OW": r.output.width, "K": r.kernel!, "G": r.groups!])
    }

    private mutating func receptiveField(own: Bool) -> QuizQuestion {
        var stack: [(kernel: Int, stride: Int)]
        var prefix = ""
        if own {
            let windows = alexnet.layers.filter { $0.kernel != nil }
            let last = int(1...windows.count - 1)
            stack = windows.prefix(last + 1).map { ($0.kernel!, $0.stride!) }
            prefix = "AlexNet up to \(windows[last].name): "
        } else {
            stack = (0..<int(2...4)).map { _ in (pick([2, 3, 5]), pick([1, 2])) }
        }
        let kinds: [LayerKind] = stack.map { .maxpool(PoolSpec(kernel: $0.kernel, stride: $0.stride)) }
        let spec = NetworkSpec(name: "quiz", input: InputShape(channels: 1, height: 227, width: 227),
                               layers: kinds.enumerated().map { LayerSpec(name: "w\($0.offset + 1)", kind: $0.element) })
        let report = try! spec.shapeReport()
        var worked = ["rf starts at 1 with jump 1; each window adds (K − 1)·jump, then jump ×= S"]
        var previousRF = 1, previousJump = 1
        for (i, r) in report.layers.enumerated() {
            worked.append("layer \(i + 1) (K \(r.kernel!), S \(r.stride!)): rf = \(previousRF) + (\(r.kernel!) − 1)·\(previousJump) = \(r.receptiveField), jump = \(r.jump)")
            previousRF = r.receptiveField; previousJump = r.jump
        }
        let described = stack.map { "\($0.kernel)×\($0.kernel)/\($0.stride)" }.joined(separator: " → ")
        let prompt = "\(prefix)windows (kernel×kernel/stride) \(described). How many input pixels wide is the receptive field of one output?"
        var givens: [String: Int] = [:]
        for (i, w) in stack.enumerated() { givens["K\(i)"] = w.kernel; givens["S\(i)"] = w.stride }
        return QuizQuestion(kind: .receptiveField, prompt: prompt, answer: report.layers.last!.receptiveField,
                            worked: worked, givens: givens)
    }
}
