import Localization
import AlexNetCore

/// The numbers of one layer as panel lines: shapes, the size formula step by step, parameters
/// (weights and biases, and the two-GPU split), MACs, activation memory and receptive field.
enum LayerDetail {
    static func lines(for index: Int, in report: ShapeReport, theme: Theme) -> [StyledLine] {
        let layer = report.layers[index]
        var lines: [StyledLine] = []
        lines.append(StyledLine([(layer.name, theme.heading), ("  " + kindName(layer.kind), theme.dim)]))
        lines.append(StyledLine([(layer.input.description, theme.number), (" → ", theme.dim),
                                 (layer.output.description, theme.number)]))
        if let hyper = hyperParameters(layer) { lines.append(StyledLine(hyper, theme.plain)) }
        if let f = layer.formula {
            lines.append(StyledLine(layer.widthFormula == nil ? Messages.outputSizeSquare : Messages.outputHeight, theme.bold))
            for step in f.steps { lines.append(StyledLine("  " + step, theme.plain)) }
            if let w = layer.widthFormula { lines.append(StyledLine(Messages.detailWidth(formula: w.text), theme.plain)) }
            for part in exactnessLines(f) { lines.append(StyledLine("  " + part, f.isExact ? theme.good : theme.warning)) }
        } else {
            lines.append(StyledLine([(Messages.detailShape, theme.bold), (layer.formulaText, theme.plain)]))
        }
        if layer.params > 0 {
            lines.append(StyledLine([(label(Messages.detailParameters), theme.bold), (NumberText.grouped(layer.params), theme.number),
                                     (weightProduct(layer).map { Messages.detailWeightsProduct(product: $0) } ?? "", theme.dim)]))
            lines.append(StyledLine(Messages.detailWeightsBiases(weights: NumberText.grouped(layer.weights), biases: NumberText.grouped(layer.biases)), theme.plain))
        } else {
            lines.append(StyledLine([(label(Messages.detailParameters), theme.bold), ("0", theme.number), (Messages.detailNothingToLearn, theme.dim)]))
        }
        if let gpu = LayerExplanation.gpuSplit(for: index, in: report) {
            lines.append(StyledLine([(label(Messages.detailTwoGPUs), theme.bold), (gpu, theme.plain)]))
        }
        lines.append(StyledLine([(label(Messages.detailMACs), theme.bold), (NumberText.grouped(layer.macs), theme.number),
                                 (layer.macs == 0 ? Messages.detailNoMACs : Messages.detailMACsPerImage, theme.dim)]))
        let o = layer.output
        let dims = o.isFlat ? "" : " = \(o.height)·\(o.width)·\(o.channels)"
        lines.append(StyledLine([(label(Messages.detailActivations), theme.bold), (NumberText.grouped(o.count), theme.number),
                                 (dims + ", " + NumberText.bytes(layer.activationBytes) + " fp32", theme.plain)]))
        let rf = layer.receptiveField
        lines.append(StyledLine([(label(Messages.detailReceptive), theme.bold), ("\(rf)×\(rf)", theme.number),
                                 (Messages.detailInputPixels + (layer.jump > 0 ? Messages.detailJump(jump: layer.jump) : ""), theme.plain)]))
        return lines
    }

    /// A row label padded to the numbers' column (12 columns, by display width).
    static func label(_ text: String) -> String { text.padded(to: 12) }

    /// The exactness note in two short lines ("not exact: 213/4 leaves 1;" / "the last … never seen").
    static func exactnessLines(_ f: SizeFormula) -> [String] {
        let note = f.exactnessNote
        if let cut = note.range(of: "; ") { return [String(note[..<cut.lowerBound]) + ";", String(note[cut.upperBound...])] }
        if let cut = note.range(of: "；") { return [String(note[..<cut.upperBound]), String(note[cut.upperBound...])] }
        return [note]
    }

    static func kindName(_ kind: LayerKind) -> String {
        switch kind {
        case .conv: Messages.kindConvolution
        case .activation(let a): a.rawValue == "relu" ? "ReLU" : a.rawValue
        case .lrn: Messages.kindLRN
        case .maxpool(let p): p.kernel > p.stride ? Messages.kindOverlappingMaxPool : Messages.kindMaxPool
        case .dropout: Messages.kindDropout
        case .flatten: Messages.kindFlatten
        case .linear: Messages.kindFullyConnected
        case .softmax: "softmax"
        }
    }

    static func hyperParameters(_ layer: LayerReport) -> String? {
        switch layer.kind {
        case .conv(let c):
            let g = c.groups > 1 ? Messages.hyperGroups(groups: c.groups) : ""
            return Messages.hyperConv(filters: c.outChannels, kernel: c.kernel, depth: layer.input.channels / c.groups, stride: c.stride,
                                      padding: c.padding, groups: g)
        case .maxpool(let p):
            return Messages.hyperPool(kernel: p.kernel, stride: p.stride, padding: p.padding)
        case .dropout(let p):
            return Messages.hyperDropout(rate: NumberText.shortDecimal(p))
        default:
            return nil
        }
    }

    /// "96·3·11·11" for conv, "4096·9216" for linear.
    static func weightProduct(_ layer: LayerReport) -> String? {
        switch layer.kind {
        case .conv(let c): "\(c.outChannels)·\(layer.input.channels / c.groups)·\(c.kernel)·\(c.kernel)"
        case .linear(let out): "\(out)·\(layer.input.count)"
        default: nil
        }
    }
}
