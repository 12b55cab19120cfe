import Localization
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
        var intro = Messages.quizIntroPool
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
                layer = l; intro = Messages.quizIntroPoolCeilAlexNet(side: side, layer: l.name)
            }
        }
        while layer == nil {
            let k = pick([2, 3]), s = 2, w = 5 + rng.below(60)
            let kind = LayerKind.maxpool(PoolSpec(kernel: k, stride: s, padding: 0, rounding: .ceil))
            if let r = Self.report(input: InputShape(channels: 8, height: w, width: w), kinds: [kind]),
               r.layers[0].formula?.isExact == false {
                layer = r.layers[0]; intro = Messages.quizIntroPoolCeil
            }
        }
        let l = layer!, f = l.formula!
        let floor = SizeFormula(input: f.input, kernel: f.kernel, padding: f.padding, stride: f.stride)
        let prompt = Messages.quizPoolCeil(intro, side: f.input, kernel: f.kernel, stride: f.stride, padding: f.padding)
        let worked = f.steps + [f.exactnessNote, Messages.quizRoundingDownInstead(floor.text)]
        return QuizQuestion(kind: .poolCeil, prompt: prompt, answer: l.output.height, worked: worked,
                            givens: ["W": f.input, "F": f.kernel, "S": f.stride, "P": f.padding])
    }

    // MARK: - Memory, parameters and compute

    mutating func activationMemory(onAlexNet: Bool) -> QuizQuestion {
        let report = anyReport(onAlexNet: onAlexNet)
        let layer = pick(report.layers.filter { $0.kind.isLearned || $0.kind.word == "maxpool" })
        let batch = pick([1, 1, 16, 128])
        let bytes = layer.activations * 4 * batch
        let who = batch == 1 ? Messages.quizOneImage : Messages.quizBatchOf(batch)
        let prompt = Messages.quizActivationMemory(network: report.network.name, layer: layer.name, output: "\(layer.output)", who: who)
        let worked = [Messages.quizValuesPerImage(layer.output.dimensions.map(String.init).joined(separator: " · "), count: NumberText.grouped(layer.activations)),
                      Messages.quizBytes(values: NumberText.grouped(layer.activations), batch: batch, bytes: NumberText.grouped(bytes), readable: NumberText.bytes(bytes))]
        return QuizQuestion(kind: .activationMemory, prompt: prompt, answer: bytes, worked: worked,
                            givens: ["values": layer.activations, "batch": batch])
    }

    mutating func mostParams() -> QuizQuestion {
        let report = (try? pick(Self.quizPresets).spec.shapeReport()) ?? alexnet
        let learned = report.layers.filter { $0.kind.isLearned }
        let list = learned.enumerated().map { "\($0.offset + 1) \($0.element.name) (\($0.element.input) → \($0.element.output))" }
        let best = learned.indices.max { learned[$0].params < learned[$1].params }!
        let prompt = Messages.quizMostParams(network: report.network.name, list: list.joined(separator: ", "))
        let worked = learned.enumerated().map { "\($0.offset + 1) \($0.element.name): \(NumberText.grouped($0.element.params))" }
            + [Messages.quizHoldsOf(learned[best].name, params: NumberText.grouped(learned[best].params), total: NumberText.grouped(report.totalParams))]
        var givens = ["layers": learned.count]
        for (i, l) in learned.enumerated() { givens["params\(i + 1)"] = l.params }
        return QuizQuestion(kind: .mostParams, prompt: prompt, answer: best + 1, worked: worked, givens: givens)
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
                what = Messages.quizWhatInput(from: base.input.height, to: side)
                givens["side"] = side
            } else {
                guard let i = edited.layers.firstIndex(where: { $0.name == "conv5" }), case .conv(var c) = edited.layers[i].kind else { continue }
                let width = pick([128, 192, 384, 512])
                guard width != c.outChannels else { continue }
                let old = c.outChannels
                c.outChannels = width
                edited.layers[i] = LayerSpec(name: "conv5", kind: .conv(c))
                what = Messages.quizWhatConv5(width, old: old)
                givens["conv5"] = width
            }
            guard let after = try? edited.shapeReport() else { continue }
            let change = after.totalParams - before.totalParams
            let changed = zip(before.layers, after.layers).filter { $0.params != $1.params }
            let prompt = Messages.quizWhatIfParams(preset: preset.rawValue, total: NumberText.grouped(before.totalParams), what: what)
            let worked = changed.map { "\($0.name): \(NumberText.grouped($0.params)) → \(NumberText.grouped($1.params))" }
                + [Messages.quizTotalChange(before: NumberText.grouped(before.totalParams), after: NumberText.grouped(after.totalParams), change: NumberText.grouped(change))]
            return QuizQuestion(kind: .whatIfParams, prompt: prompt, answer: change, worked: worked, givens: givens)
        }
    }

    mutating func macsShare() -> QuizQuestion {
        let report = (try? pick(Self.quizPresets).spec.shapeReport()) ?? alexnet
        let convMACs = report.layers.filter { $0.kind.word == "conv" }.reduce(0) { $0 + $1.macs }
        let fcParams = report.layers.filter { $0.kind.word == "linear" }.reduce(0) { $0 + $1.params }
        let askMACs = rng.below(2) == 0
        let (part, whole) = askMACs ? (convMACs, report.totalMACs) : (fcParams, report.totalParams)
        let percent = Int((Double(part) * 100 / Double(max(whole, 1))).rounded())
        let prompt = askMACs
            ? Messages.quizShareMACs(network: report.network.name, total: NumberText.grouped(report.totalMACs))
            : Messages.quizShareParams(network: report.network.name, total: NumberText.grouped(report.totalParams))
        let worked = [askMACs ? Messages.quizConvMultiplyAdds(NumberText.grouped(part)) : Messages.quizFCParameters(NumberText.grouped(part)),
                      "\(NumberText.grouped(part)) / \(NumberText.grouped(whole)) = \(NumberText.percent(Double(part) / Double(max(whole, 1)))) → \(percent)%",
                      askMACs ? Messages.quizShareMACsNote : Messages.quizShareParamsNote]
        return QuizQuestion(kind: .macsShare, prompt: prompt, answer: percent, worked: worked, givens: ["part": part, "whole": whole])
    }

    // MARK: - Dropout and LRN

    mutating func dropoutExpectation(onAlexNet: Bool) -> QuizQuestion {
        switch rng.below(3) {
        case 0:
            let (n, p, intro): (Int, Double, String)
            if onAlexNet, let layer = alexnet.layers.first(where: { $0.kind.word == "dropout" }), case .dropout(let rate) = layer.kind {
                (n, p, intro) = (layer.input.count, rate, Messages.quizDropoutAlexNet(layer: layer.name, rate: "\(rate)", count: NumberText.grouped(layer.input.count)))
            } else {
                let rate = pick([0.5, 0.25, 0.2])
                let count = 20 * (1 + rng.below(100))
                (n, p, intro) = (count, rate, Messages.quizDropoutLayer(rate: "\(rate)", count: NumberText.grouped(count)))
            }
            let zeroed = Int((Double(n) * p).rounded())
            return QuizQuestion(kind: .dropoutExpectation, prompt: Messages.quizDropoutZeroed(intro),
                                answer: zeroed, worked: [Messages.quizDropoutZeroedWorked(count: NumberText.grouped(n), rate: "\(p)", zeroed: NumberText.grouped(zeroed))],
                                givens: ["n": n, "percent": Int((p * 100).rounded())])
        case 1:
            let p = pick([0.5, 0.75, 0.25]), x = 4 * (1 + rng.below(50))
            let expected = Int((Double(x) * (1 - p)).rounded())
            let prompt = Messages.quizDropoutPaper(value: x, rate: "\(p)")
            let worked = [Messages.quizDropoutPaperWorked(keep: "\(1 - p)", value: x, expected: expected), Messages.quizDropoutPaperNote]
            return QuizQuestion(kind: .dropoutExpectation, prompt: prompt, answer: expected, worked: worked,
                                givens: ["x": x, "percent": Int((p * 100).rounded()), "paper": 1])
        default:
            let p = pick([0.5, 0.75, 0.2]), x = 4 * (1 + rng.below(50))
            let kept = Int((Double(x) / (1 - p)).rounded())
            let prompt = Messages.quizDropoutInverted(rate: "\(p)", value: x)
            let worked = [Messages.quizDropoutInvertedWorked(keep: "\(1 - p)", value: x, kept: kept), Messages.quizDropoutInvertedNote(kept: kept, value: x)]
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
        let prompt = Messages.quizLRN(k: NumberText.shortDecimal(spec.k), n: spec.size, alpha: NumberText.shortDecimal(spec.alpha), beta: NumberText.shortDecimal(spec.beta), list: list)
        let s = spec.k + spec.alpha * sumSquares
        let worked = [Messages.quizLRNRule(spec.size),
                      "Σa² = \(NumberText.grouped(Int(sumSquares))); k + α·Σa² = \(NumberText.fixed(s, 4))",
                      "b = \(Int(values[centre])) / \(NumberText.fixed(s, 4))^\(NumberText.shortDecimal(spec.beta)) = \(NumberText.fixed(Double(b), 3)) → \(answer)"]
        return QuizQuestion(kind: .lrnValue, prompt: prompt, answer: answer, worked: worked, givens: Dictionary(uniqueKeysWithValues: values.enumerated().map { ("a\($0.offset + 1)", Int($0.element)) }))
    }
}
