import AlexNetCore

/// A layer's facts as plain lines (shape, formula steps, params, MACs, receptive field), for
/// `show:` steps in plain mode.
public enum LayerFacts {
    public static func lines(_ r: LayerReport) -> [String] {
        let g = NumberText.grouped
        var what = "\(r.name): \(r.kind.word)"
        if let k = r.kernel, let s = r.stride, let p = r.padding {
            what += " \(k)×\(k), stride \(s), padding \(p)"
            if let groups = r.groups, groups > 1 { what += ", groups \(groups)" }
        }
        var lines = [what, "  shape: \(r.input) → \(r.output)"]
        if let f = r.formula {
            lines += f.steps.map { "  " + $0 }
            lines.append("  " + f.exactnessNote)
        }
        lines.append("  params: \(g(r.params)) (weights \(g(r.weights)) + biases \(g(r.biases)))")
        lines.append("  MACs: \(g(r.macs))")
        lines.append("  receptive field: \(r.receptiveField)×\(r.receptiveField) input pixels")
        return lines
    }
}
