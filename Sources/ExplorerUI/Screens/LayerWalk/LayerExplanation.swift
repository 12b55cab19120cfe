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
            var text = "Convolution: \(c.outChannels) filters slide over the input with stride \(c.stride); "
                + "each output is a dot product of a \(c.kernel)×\(c.kernel)×\(layer.input.channels / c.groups) window with one filter, plus a bias."
            if c.groups > 1 {
                text += " \(c.groups) groups: each filter sees only \(layer.input.channels / c.groups) of the \(layer.input.channels) input maps."
            }
            if paperNet, isFirstConv(index, report) { text += "\n" + firstConvNotes(layer, c) }
            return text
        case .activation(.relu):
            return "ReLU f(x) = max(0, x): non-saturating, so gradients do not vanish for large inputs. "
                + "In the paper's Fig. 1 a four-layer CNN with ReLUs reached 25% training error on CIFAR-10 "
                + "about 6× faster than the same network with tanh."
        case .activation(.tanh):
            return "tanh squashes to (−1, 1) and saturates: for large |x| its gradient is nearly 0, which "
                + "is why the paper's ReLU network trained ~6× faster (Fig. 1)."
        case .activation(.sigmoid):
            return "Sigmoid squashes to (0, 1) and saturates at both ends; its gradient is at most 0.25."
        case .lrn(let n):
            return "Local response normalisation: b = a / (k + α·Σa²)^β, the sum over \(n.size) neighbouring "
                + "channels at the same position, with k = \(NumberText.shortDecimal(n.k)), n = \(n.size), "
                + "α = \(NumberText.shortDecimal(n.alpha)), β = \(NumberText.shortDecimal(n.beta)). Strongly active "
                + "maps damp their neighbours (lateral inhibition). The paper: it cut top-1/top-5 error by 1.4%/1.2%."
        case .maxpool(let p):
            var text = "Max pooling: the largest value in each \(p.kernel)×\(p.kernel) window, stride \(p.stride); no weights."
            if p.kernel > p.stride {
                text += " Overlapping pooling (z = \(p.kernel) > s = \(p.stride)): neighbouring windows share pixels. "
                    + "The paper: s = 2, z = 3 cut top-1/top-5 error by 0.4%/0.3% against s = z = 2 and made overfitting slightly harder."
            }
            return text
        case .dropout(let p):
            var text = "Dropout: in training each value is zeroed with probability \(NumberText.shortDecimal(p)), "
                + "so neurons cannot co-adapt. The paper: it doubles the iterations to converge (roughly); without it "
                + "the network overfits substantially. The paper drops fc6's and fc7's outputs with 0.5 and at test "
                + "time multiplies every output by 0.5; this program (like PyTorch) uses inverted dropout: "
                + "survivors are scaled by 1/(1 − p) in training and test is the identity (same expected values)."
            let before = report.layers[..<index].last { $0.kind.isLearned || $0.kind == .flatten }
            if let before, case .linear = before.kind {
                text += " Here it follows \(before.name): it drops that layer's outputs, as the paper does."
            } else if let next = report.layers[(index + 1)...].first(where: { $0.kind.isLearned }) {
                text += " Here it comes before \(next.name) and drops its inputs: torchvision's order, not the paper's."
            }
            return text
        case .flatten:
            var text = "Flatten: the \(layer.input) maps become one vector of \(NumberText.grouped(layer.output.count)) numbers for the fully connected layers."
            if report.network.name == "torchvision" {
                text += " torchvision puts AdaptiveAvgPool2d((6, 6)) here, so its fc6 always gets 256·6·6 inputs; this preset leaves it out, so a what-if input size changes fc6's parameters where torchvision's would not."
            }
            return text
        case .linear(let out):
            var text = "Fully connected: each of the \(NumberText.grouped(out)) outputs is a weighted sum of all "
                + "\(NumberText.grouped(layer.input.count)) inputs plus a bias."
            let share = Double(layer.params) / Double(max(1, report.totalParams))
            if share > 0.3 { text += " This one layer holds \(NumberText.percent(share)) of all parameters." }
            return text
        case .softmax:
            let torch = report.network.name == "torchvision" ? " (torchvision's model ends at fc8's scores; this layer is added here.)" : ""
            return torch + "Softmax turns the \(NumberText.grouped(layer.input.count)) scores into probabilities that sum to 1; "
                + "training minimises the cross-entropy (the paper's multinomial logistic regression)."
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
        var text = "The paper says 224×224 input. Rounding down (Caffe, PyTorch): \(paper.exactnessNote). "
        text += "Krizhevsky's cuda-convnet rounds up: \(ceil.text). "
        if let f = layer.formula, f.isExact { text += "With \(f.input): \(f.exactnessNote)." }
        text += " Here \(out.height)·\(out.width)·\(out.channels) = \(NumberText.grouped(out.count)) neurons; the paper counts 253,440 and does not say how (55·48·96 and 48·48·110 both give it)."
        return text
    }

    /// How the paper's two GPUs share this layer, or nil for single-tower networks.
    static func gpuSplit(for index: Int, in report: ShapeReport) -> String? {
        let twoTowers = report.network.layers.contains { if case .conv(let c) = $0.kind { c.groups == 2 } else { false } }
        guard twoTowers else { return nil }
        let layer = report.layers[index]
        switch layer.kind {
        case .conv(let c):
            let half = "2×\(c.outChannels / 2) filters"
            if c.groups == 2 {
                return "\(half); each GPU reads only its own \(layer.input.channels / 2) maps"
            }
            if isFirstConv(index, report) {
                return "\(half); both GPUs see all \(layer.input.channels) input channels"
            }
            return "\(half); each reads all \(layer.input.channels) maps (both GPUs)"
        case .linear(let out):
            return out % 2 == 0 && index < report.layers.count - 2
                ? "2×\(out / 2) neurons; input from both GPUs"
                : "input from both GPUs"
        case .flatten, .softmax:
            return nil
        default:
            return layer.output.isFlat ? "each GPU its own half" : "each GPU its own \(layer.output.channels / 2) maps"
        }
    }
}
