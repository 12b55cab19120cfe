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
            if let w = layer.widthFormula { lines.append(StyledLine("  width: " + w.text, theme.plain)) }
            for part in exactnessLines(f) { lines.append(StyledLine("  " + part, f.isExact ? theme.good : theme.warning)) }
        } else {
            lines.append(StyledLine([("Shape: ", theme.bold), (layer.formulaText, theme.plain)]))
        }
        if layer.params > 0 {
            lines.append(StyledLine([("Parameters  ", theme.bold), (NumberText.grouped(layer.params), theme.number),
                                     (weightProduct(layer).map { "  (weights \($0))" } ?? "", theme.dim)]))
            lines.append(StyledLine("  = \(NumberText.grouped(layer.weights)) weights + \(NumberText.grouped(layer.biases)) biases", theme.plain))
        } else {
            lines.append(StyledLine([("Parameters  ", theme.bold), ("0", theme.number), (" (nothing to learn)", theme.dim)]))
        }
        if let gpu = LayerExplanation.gpuSplit(for: index, in: report) {
            lines.append(StyledLine([("Two GPUs    ", theme.bold), (gpu, theme.plain)]))
        }
        lines.append(StyledLine([("MACs        ", theme.bold), (NumberText.grouped(layer.macs), theme.number),
                                 (layer.macs == 0 ? " (no multiply-adds)" : " multiply-adds per image", theme.dim)]))
        let o = layer.output
        let dims = o.isFlat ? "" : " = \(o.height)·\(o.width)·\(o.channels)"
        lines.append(StyledLine([("Activations ", theme.bold), (NumberText.grouped(o.count), theme.number),
                                 (dims + ", " + NumberText.bytes(layer.activationBytes) + " fp32", theme.plain)]))
        let rf = layer.receptiveField
        lines.append(StyledLine([("Receptive   ", theme.bold), ("\(rf)×\(rf)", theme.number),
                                 (" input pixels" + (layer.jump > 0 ? ", jump \(layer.jump)" : ""), theme.plain)]))
        return lines
    }

    /// The exactness note in two short lines ("not exact: 213/4 leaves 1;" / "the last … never seen").
    static func exactnessLines(_ f: SizeFormula) -> [String] {
        let parts = f.exactnessNote.split(separator: "; ", maxSplits: 1).map(String.init)
        return parts.count == 2 ? [parts[0] + ";", parts[1]] : parts
    }

    static func kindName(_ kind: LayerKind) -> String {
        switch kind {
        case .conv: "convolution"
        case .activation(let a): a.rawValue == "relu" ? "ReLU" : a.rawValue
        case .lrn: "local response normalisation"
        case .maxpool(let p): p.kernel > p.stride ? "overlapping max pooling" : "max pooling"
        case .dropout: "dropout"
        case .flatten: "flatten"
        case .linear: "fully connected"
        case .softmax: "softmax"
        }
    }

    static func hyperParameters(_ layer: LayerReport) -> String? {
        switch layer.kind {
        case .conv(let c):
            let g = c.groups > 1 ? ", \(c.groups) groups" : ""
            return "\(c.outChannels) filters \(c.kernel)×\(c.kernel)×\(layer.input.channels / c.groups), stride \(c.stride), padding \(c.padding)\(g)"
        case .maxpool(let p):
            return "window \(p.kernel)×\(p.kernel), stride \(p.stride), padding \(p.padding)"
        case .dropout(let p):
            return "drop probability \(NumberText.shortDecimal(p)) (training only)"
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
