import Localization
import AlexNetCore

/// The short explanation of a layer shown beside its numbers: what the kind does and what the paper
/// measured about it. Numbers about *this* network are read from its report; the paper's own
/// measurements (error reductions, Fig. 1's speed-up, its neuron count) are quotations.
enum LayerExplanation {
    static func explanation(for index: Int, in report: ShapeReport) -> String {
        let layer = report.layers[index]
        let paperNet = report.network.name.hasPrefix("alexnet")
        switch layer.kind {
        case .conv(let c):
            var text = Messages.explainConv(filters: c.outChannels, stride: c.stride, kernel: c.kernel, depth: layer.input.channels / c.groups)
            if c.groups > 1 {
                text += Messages.explainGroups(groups: c.groups, per: layer.input.channels / c.groups, maps: layer.input.channels)
            }
            if paperNet, isFirstConv(index, report) { text += "\n" + firstConvNotes(layer, c) }
            return text
        case .activation(.relu):
            return Messages.explainReLU
        case .activation(.tanh):
            return Messages.explainTanh
        case .activation(.sigmoid):
            return Messages.explainSigmoid
        case .lrn(let n):
            return Messages.explainLRN(n: n.size, k: NumberText.shortDecimal(n.k), alpha: NumberText.shortDecimal(n.alpha),
                                       beta: NumberText.shortDecimal(n.beta))
        case .maxpool(let p):
            var text = Messages.explainMaxPool(kernel: p.kernel, stride: p.stride)
            if p.kernel > p.stride {
                text += Messages.explainOverlapping(kernel: p.kernel, stride: p.stride)
            }
            return text
        case .dropout(let p):
            var text = Messages.explainDropout(rate: NumberText.shortDecimal(p))
            let before = report.layers[..<index].last { $0.kind.isLearned || $0.kind == .flatten }
            if let before, case .linear = before.kind {
                text += Messages.explainDropoutAfter(layer: before.name)
            } else if let next = report.layers[(index + 1)...].first(where: { $0.kind.isLearned }) {
                text += Messages.explainDropoutBefore(layer: next.name)
            }
            return text
        case .flatten:
            var text = Messages.explainFlatten(input: "\(layer.input)", count: NumberText.grouped(layer.output.count))
            if report.network.name == "torchvision" {
                text += Messages.explainFlattenTorchvision
            }
            return text
        case .linear(let out):
            var text = Messages.explainLinear(outputs: NumberText.grouped(out), inputs: NumberText.grouped(layer.input.count))
            let share = Double(layer.params) / Double(max(1, report.totalParams))
            if share > 0.3 { text += Messages.explainLinearShare(share: NumberText.percent(share)) }
            return text
        case .softmax:
            let torch = report.network.name == "torchvision" ? Messages.explainSoftmaxTorchvision : ""
            return torch + Messages.explainSoftmax(scores: NumberText.grouped(layer.input.count))
        }
    }

    static func isFirstConv(_ index: Int, _ report: ShapeReport) -> Bool {
        !report.layers[..<index].contains { if case .conv = $0.kind { true } else { false } }
    }

    /// The 224-vs-227 puzzle and the paper's neuron count, worked out with this layer's numbers.
    static func firstConvNotes(_ layer: LayerReport, _ c: ConvSpec) -> String {
        let paper = SizeFormula(input: 224, kernel: c.kernel, padding: c.padding, stride: c.stride)
        let out = layer.output
        let ceil = SizeFormula(input: 224, kernel: c.kernel, padding: c.padding, stride: c.stride, rounding: .ceil)
        var text = Messages.explainPaper224(floor: paper.exactnessNote, ceil: ceil.text)
        if let f = layer.formula, f.isExact { text += Messages.explainWithInput(input: f.input, note: f.exactnessNote) }
        text += Messages.explainNeurons(h: out.height, w: out.width, c: out.channels, count: NumberText.grouped(out.count))
        return text
    }

    /// How the paper's two GPUs share this layer, or nil for single-tower networks.
    static func gpuSplit(for index: Int, in report: ShapeReport) -> String? {
        let twoTowers = report.network.layers.contains { if case .conv(let c) = $0.kind { c.groups == 2 } else { false } }
        guard twoTowers else { return nil }
        let layer = report.layers[index]
        switch layer.kind {
        case .conv(let c):
            let half = Messages.gpuHalf(half: c.outChannels / 2)
            if c.groups == 2 {
                return Messages.gpuOwnMaps(half: half, maps: layer.input.channels / 2)
            }
            if isFirstConv(index, report) {
                return Messages.gpuBothSeeAll(half: half, channels: layer.input.channels)
            }
            return Messages.gpuEachReadsAll(half: half, maps: layer.input.channels)
        case .linear(let out):
            return out % 2 == 0 && index < report.layers.count - 2
                ? Messages.gpuNeuronsBoth(half: out / 2)
                : Messages.gpuInputBoth
        case .flatten, .softmax:
            return nil
        default:
            return layer.output.isFlat ? Messages.gpuOwnHalf : Messages.gpuOwnMapsOnly(maps: layer.output.channels / 2)
        }
    }
}
