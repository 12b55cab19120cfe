import AlexNetCore
import Foundation

/// The question kinds on memory, where parameters and compute go, what-if edits, pooling with ceil
/// rounding, dropout and LRN. As for the shape kinds, every answer comes from the core: a shape report,
/// a `SizeFormula`, or the engine's own LRN layer.
extension QuizGenerator {
    /// The presets a question may be about (all ship, so their reports always build).
    static let quizPresets: [Preset] = [.alexnet, .alexnet1tower, .torchvision, .mini]

    private mutating func anyReport(onAlexNet: Bool) -> ShapeReport {
        onAlexNet ? alexnet : (try? pick(Self.quizPresets).spec.shapeReport()) ?? alexnet
    }

    // MARK: - Pooling with ceil rounding

    mutating func poolCeil(onAlexNet: Bool) -> QuizQuestion {
        var layer: LayerReport?
        var intro = "A max-pool layer"
        if onAlexNet {
            // AlexNet's pools on a what-if input whose maps do not tile: ceil and floor then differ.
            let side = pick([224, 225, 226, 228, 229, 230, 231, 233])
            var spec = Preset.alexnet.spec
            spec.input.height = side; spec.input.width = side
            spec.layers = spec.layers.map { l in
                guard case .maxpool(var p) = l.kind else { return l }
                p.rounding = .ceil
                return LayerSpec(name: l.name, kind: .maxpool(p))
            }
            if let r = try? spec.shapeReport(),
               let l = r.layers.first(where: { $0.kind.word == "maxpool" && $0.formula?.isExact == false }) {
                layer = l; intro = "On a \(side)×\(side) input, \(Self.paperNetwork)'s \(l.name) (ceil_mode=True)"
            }
        }
        while layer == nil {
            let k = pick([2, 3]), s = 2, w = 5 + rng.below(60)
            let kind = LayerKind.maxpool(PoolSpec(kernel: k, stride: s, padding: 0, rounding: .ceil))
            if let r = Self.report(input: InputShape(channels: 8, height: w, width: w), kinds: [kind]),
               r.layers[0].formula?.isExact == false {
                layer = r.layers[0]; intro = "A max-pool layer with ceil_mode=True"
            }
        }
        let l = layer!, f = l.formula!
        let floor = SizeFormula(input: f.input, kernel: f.kernel, padding: f.padding, stride: f.stride)
        let prompt = "\(intro) reads \(f.input)×\(f.input) maps with \(f.kernel)×\(f.kernel) windows, stride \(f.stride), padding \(f.padding), rounding up. What is the output side?"
        let worked = f.steps + [f.exactnessNote, "Rounding down instead: \(floor.text)."]
        return QuizQuestion(kind: .poolCeil, prompt: prompt, answer: l.output.height, worked: worked,
                            givens: ["W": f.input, "F": f.kernel, "S": f.stride, "P": f.padding])
    }

    // MARK: - Memory, parameters and compute

    mutating func activationMemory(onAlexNet: Bool) -> QuizQuestion {
        let report = anyReport(onAlexNet: onAlexNet)
        let layer = pick(report.layers.filter { $0.kind.isLearned || $0.kind.word == "maxpool" })
        let batch = pick([1, 1, 16, 128])
        let bytes = layer.activations * 4 * batch
        let who = batch == 1 ? "one image" : "a batch of \(batch) images"
        let prompt = "In \(report.network.name), \(layer.name) outputs \(layer.output) per image. How many bytes do its outputs take for \(who) in fp32 (4 bytes a value)?"
        let worked = ["values per image = \(layer.output.dimensions.map(String.init).joined(separator: " · ")) = \(NumberText.grouped(layer.activations))",
                      "bytes = \(NumberText.grouped(layer.activations)) · 4 · \(batch) = \(NumberText.grouped(bytes)) (\(NumberText.bytes(bytes)))"]
        return QuizQuestion(kind: .activationMemory, prompt: prompt, answer: bytes, worked: worked,
                            givens: ["values": layer.activations, "batch": batch])
    }

    mutating func mostParams() -> QuizQuestion {
        let report = (try? pick(Self.quizPresets).spec.shapeReport()) ?? alexnet
        let learned = report.layers.filter { $0.kind.isLearned }
        let list = learned.enumerated().map { "\($0.offset + 1) \($0.element.name) (\($0.element.input) → \($0.element.output))" }
        let best = learned.indices.max { learned[$0].params < learned[$1].params }!
        // Layers can tie (mini's fc6 and fc7 hold 65,792 each): every one of them is right.
        let tied = learned.indices.filter { learned[$0].params == learned[best].params }
        let prompt = "Which learned layer of \(report.network.name) holds the most parameters? Type its number (if layers tie, any of them): " + list.joined(separator: ", ") + "."
        let names = tied.map { learned[$0].name }.joined(separator: " and ")
        let worked = learned.enumerated().map { "\($0.offset + 1) \($0.element.name): \(NumberText.grouped($0.element.params))" }
            + ["\(names) \(tied.count == 1 ? "holds" : "each hold") \(NumberText.grouped(learned[best].params)) of \(NumberText.grouped(report.totalParams))."]
        var givens = ["layers": learned.count]
        for (i, l) in learned.enumerated() { givens["params\(i + 1)"] = l.params }
        return QuizQuestion(kind: .mostParams, prompt: prompt, answer: best + 1, worked: worked, givens: givens,
                            alsoRight: tied.map { $0 + 1 })
    }

    mutating func whatIfParams(onAlexNet: Bool) -> QuizQuestion {
        let preset: Preset = onAlexNet ? .alexnet : pick([.alexnet1tower, .torchvision])
        let base = preset.spec
        let before = (try? base.shapeReport()) ?? alexnet
        while true {
            var edited = base
            let what: String
            var givens = ["before": before.totalParams, "alexnet": preset == .alexnet ? 1 : 0]
            if rng.below(2) == 0 {
                let side = pick([163, 195, 211, 243, 259, 291])
                guard side != base.input.height else { continue }
                edited.input.height = side; edited.input.width = side
                what = "its input goes from \(base.input.height)×\(base.input.height) to \(side)×\(side)"
                givens["side"] = side
            } else {
                guard let i = edited.layers.firstIndex(where: { $0.name == "conv5" }), case .conv(var c) = edited.layers[i].kind else { continue }
                let width = pick([128, 192, 384, 512])
                guard width != c.outChannels else { continue }
                let old = c.outChannels
                c.outChannels = width
                edited.layers[i] = LayerSpec(name: "conv5", kind: .conv(c))
                what = "conv5 has \(width) filters instead of \(old)"
                givens["conv5"] = width
            }
            guard let after = try? edited.shapeReport() else { continue }
            let change = after.totalParams - before.totalParams
            let changed = zip(before.layers, after.layers).filter { $0.params != $1.params }
            // torchvision's own model averages pool5 to 6×6 (AdaptiveAvgPool2d), so there an input change
            // leaves every parameter as it was; the preset leaves that layer out, and the question says so.
            let caveat = preset == .torchvision && givens["side"] != nil
                ? " (this program's torchvision preset, without torchvision's AdaptiveAvgPool2d((6, 6)); with it the total would not change)"
                : ""
            let prompt = "The \(preset.rawValue) network\(caveat) has \(NumberText.grouped(before.totalParams)) parameters. If \(what), by how much does the total change? (negative for fewer)"
            let worked = changed.map { "\($0.name): \(NumberText.grouped($0.params)) → \(NumberText.grouped($1.params))" }
                + ["total: \(NumberText.grouped(before.totalParams)) → \(NumberText.grouped(after.totalParams)), a change of \(NumberText.grouped(change))"]
            return QuizQuestion(kind: .whatIfParams, prompt: prompt, answer: change, worked: worked, givens: givens)
        }
    }

    mutating func macsShare() -> QuizQuestion {
        let report = (try? pick(Self.quizPresets).spec.shapeReport()) ?? alexnet
        let convMACs = report.layers.filter { $0.kind.word == "conv" }.reduce(0) { $0 + $1.macs }
        let fcParams = report.layers.filter { $0.kind.word == "linear" }.reduce(0) { $0 + $1.params }
        let askMACs = rng.below(2) == 0
        let (part, whole) = askMACs ? (convMACs, report.totalMACs) : (fcParams, report.totalParams)
        let exact = Double(part) * 100 / Double(max(whole, 1))
        let percent = Int(exact.rounded())
        let prompt = askMACs
            ? "What percentage of \(report.network.name)'s \(NumberText.grouped(report.totalMACs)) multiply-adds per image happen in its conv layers? (whole percent)"
            : "What percentage of \(report.network.name)'s \(NumberText.grouped(report.totalParams)) parameters sit in its fully connected layers? (whole percent)"
        let worked = ["\(askMACs ? "conv multiply-adds" : "fc parameters") = \(NumberText.grouped(part))",
                      "\(NumberText.grouped(part)) / \(NumberText.grouped(whole)) = \(NumberText.percent(Double(part) / Double(max(whole, 1)))) → \(percent)%",
                      askMACs ? "The conv layers do most of the work with few weights; the fc layers the reverse." : "The fc layers hold most of the weights but do little of the work."]
        // "Whole percent": rounding the share down or up is a right answer too (92.6% → 92 or 93).
        return QuizQuestion(kind: .macsShare, prompt: prompt, answer: percent, worked: worked, givens: ["part": part, "whole": whole],
                            alsoRight: [Int(exact.rounded(.down)), Int(exact.rounded(.up))])
    }

    // MARK: - Dropout and LRN

    mutating func dropoutExpectation(onAlexNet: Bool) -> QuizQuestion {
        switch rng.below(3) {
        case 0:
            let (n, p, intro): (Int, Double, String)
            if onAlexNet, let layer = alexnet.layers.first(where: { $0.kind.word == "dropout" }), case .dropout(let rate) = layer.kind {
                (n, p, intro) = (layer.input.count, rate, "\(Self.paperNetwork)'s \(layer.name) (p = \(rate)) gets \(NumberText.grouped(layer.input.count)) values.")
            } else {
                let rate = pick([0.5, 0.25, 0.2])
                let count = 20 * (1 + rng.below(100))
                (n, p, intro) = (count, rate, "A dropout layer with p = \(rate) gets \(NumberText.grouped(count)) values.")
            }
            let zeroed = Int((Double(n) * p).rounded())
            return QuizQuestion(kind: .dropoutExpectation, prompt: intro + " On average, how many are zeroed in one training pass?",
                                answer: zeroed, worked: ["each is zeroed with probability p: \(NumberText.grouped(n)) · \(p) = \(NumberText.grouped(zeroed))"],
                                givens: ["n": n, "percent": Int((p * 100).rounded())])
        case 1:
            let p = pick([0.5, 0.75, 0.25]), x = 4 * (1 + rng.below(50))
            let expected = Int((Double(x) * (1 - p)).rounded())
            let prompt = "With the paper's dropout (no rescaling in training), a unit that would output \(x) is dropped with p = \(p). What is its expected output over many training passes?"
            let worked = ["kept with probability 1 − p = \(1 - p): \(x) · \(1 - p) = \(expected)",
                          "That is why the paper multiplies outputs by 1 − p (0.5) at test time: test outputs then match training's expectation."]
            return QuizQuestion(kind: .dropoutExpectation, prompt: prompt, answer: expected, worked: worked,
                                givens: ["x": x, "percent": Int((p * 100).rounded()), "paper": 1])
        default:
            let p = pick([0.5, 0.75, 0.2]), x = 4 * (1 + rng.below(50))
            let kept = Int((Double(x) / (1 - p)).rounded())
            let prompt = "With inverted dropout (PyTorch, this program) and p = \(p), a kept unit whose value is \(x) is scaled. To what?"
            let worked = ["kept values are divided by 1 − p = \(1 - p): \(x) / \(1 - p) = \(kept)",
                          "expected output = (1 − p) · \(kept) = \(x): the same as at test time, where nothing is scaled."]
            return QuizQuestion(kind: .dropoutExpectation, prompt: prompt, answer: kept, worked: worked,
                                givens: ["x": x, "percent": Int((p * 100).rounded()), "inverted": 1])
        }
    }

    mutating func lrnValue() -> QuizQuestion {
        let spec = LRNSpec.paper
        let values = (0..<spec.size).map { _ in Float(10 * (1 + rng.below(10))) }
        let centre = spec.size / 2
        let b = spec.response(of: values, at: centre)
        let answer = Int(b.rounded())
        let list = values.map { String(Int($0)) }.joined(separator: ", ")
        let sumSquares = values.reduce(0) { $0 + Double($1) * Double($1) }
        let prompt = "LRN with the paper's k = \(NumberText.shortDecimal(spec.k)), n = \(spec.size), α = \(NumberText.shortDecimal(spec.alpha)), β = \(NumberText.shortDecimal(spec.beta)): five neighbouring channels hold \(list) at one pixel. What is the middle channel's output b, to the nearest whole number?"
        let s = spec.k + spec.alpha * sumSquares
        let worked = ["b = a / (k + α·Σa²)^β, the sum over the \(spec.size) channels",
                      "Σa² = \(NumberText.grouped(Int(sumSquares))); k + α·Σa² = \(NumberText.fixed(s, 4))",
                      "b = \(Int(values[centre])) / \(NumberText.fixed(s, 4))^\(NumberText.shortDecimal(spec.beta)) = \(NumberText.fixed(Double(b), 3)) → \(answer)"]
        return QuizQuestion(kind: .lrnValue, prompt: prompt, answer: answer, worked: worked, givens: Dictionary(uniqueKeysWithValues: values.enumerated().map { ("a\($0.offset + 1)", Int($0.element)) }))
    }
}
