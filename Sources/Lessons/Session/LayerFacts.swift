import AlexNetCore

/// Text renderings of a screen focus for plain mode: the facts of the layer the screen would show.
public enum LayerFacts {
    /// `[screen: walk conv2]` then that layer's shapes, formula, parameters and cost.
    public static func lines(for focus: ScreenFocus, in context: LessonContext) -> [String] {
        var lines = ["[screen: \(focus)]"]
        let report = context.report
        guard let name = focus.layer else {
            switch focus.screen {
            case .shapes, .walk, .whatif:
                lines.append("\(report.network.name): input \(report.input) → output \(report.output), \(NumberText.grouped(report.totalParams)) parameters, \(NumberText.grouped(report.totalMACs)) MACs per image")
                for layer in report.layers where layer.kind.isLearned || layer.formula != nil {
                    lines.append("  \(layer.name): \(layer.input) → \(layer.output)")
                }
            case .filters:
                lines.append("conv1's filters are drawn as heatmaps in the explorer (alexnet explore); plain mode cannot draw them.")
            case .train, .training, .experiment:
                lines.append("Training curves are drawn live in the explorer (alexnet explore).")
            case .features, .neuron:
                break
            }
            return lines
        }
        guard let layer = report.layer(named: name) else { return lines + ["(no layer \(name) in this network)"] }
        lines.append("\(layer.name) (\(layer.kind.word)): \(layer.input) → \(layer.output)")
        if let formula = layer.formula {
            lines += formula.steps.map { "  " + $0 }
            lines.append("  " + formula.exactnessNote)
        }
        if layer.params > 0 {
            lines.append("  parameters: \(NumberText.grouped(layer.weights)) weights + \(NumberText.grouped(layer.biases)) biases = \(NumberText.grouped(layer.params))")
        }
        if layer.macs > 0 { lines.append("  multiply-accumulates per image: \(NumberText.grouped(layer.macs))") }
        lines.append("  receptive field: \(layer.receptiveField)×\(layer.receptiveField) input pixels")
        if let unit = focus.unit, let index = try? report.checkedIndex(of: unit) {
            // Plain mode has no forward pass: where the unit looks, and the command that shows its numbers.
            if let w = report.window(ofLayer: index, y: unit.y, x: unit.x) {
                lines.append("  unit: channel \(unit.channel) at y \(unit.y), x \(unit.x): a \(w.size)×\(w.size) window on \(report.inputName(ofLayer: index)), \(w.clipped.text)")
            }
            lines.append("  its receptive field on the image: \(report.receptiveField(ofLayer: index, y: unit.y, x: unit.x).text)")
            lines.append("  (its sum with the real numbers: alexnet neuron --layer \(unit.layer) --channel \(unit.channel) --y \(unit.y) --x \(unit.x))")
        }
        switch focus.screen {
        case .filters: lines.append("  (the filter heatmaps themselves are drawn in the explorer)")
        case .features: lines.append("  (the feature-map heatmaps are drawn in the explorer)")
        default: break
        }
        return lines
    }
}
