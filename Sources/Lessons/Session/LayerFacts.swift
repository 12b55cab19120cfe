import Localization
import AlexNetCore

/// Text renderings of a screen focus for plain mode: the facts of the layer the screen would show.
public enum LayerFacts {
    /// `[screen: walk conv2]` then that layer's shapes, formula, parameters and cost.
    public static func lines(for focus: ScreenFocus, in context: LessonContext) -> [String] {
        var lines = [Messages.screenFocus("\(focus)")]
        let report = context.report
        guard let name = focus.layer else {
            switch focus.screen {
            case .shapes, .walk, .whatif:
                lines.append(Messages.factsNetwork(report.network.name, input: "\(report.input)", output: "\(report.output)", params: NumberText.grouped(report.totalParams), macs: NumberText.grouped(report.totalMACs)))
                for layer in report.layers where layer.kind.isLearned || layer.formula != nil {
                    lines.append("  \(layer.name): \(layer.input) → \(layer.output)")
                }
            case .filters:
                lines.append(Messages.factsFiltersNotDrawn)
            case .train, .training, .experiment:
                lines.append(Messages.factsCurvesLive)
            case .features, .neuron:
                break
            }
            return lines
        }
        guard let layer = report.layer(named: name) else { return lines + [Messages.factsNoLayer(name)] }
        lines.append(Messages.factsLayer(layer.name, kind: layer.kind.word, input: "\(layer.input)", output: "\(layer.output)"))
        if let formula = layer.formula {
            lines += formula.steps.map { "  " + $0 }
            lines.append("  " + formula.exactnessNote)
        }
        if layer.params > 0 {
            lines.append(Messages.factsParameters(weights: NumberText.grouped(layer.weights), biases: NumberText.grouped(layer.biases), total: NumberText.grouped(layer.params)))
        }
        if layer.macs > 0 { lines.append(Messages.factsMACs(NumberText.grouped(layer.macs))) }
        lines.append(Messages.factsReceptiveField(layer.receptiveField))
        if let unit = focus.unit, let index = try? report.checkedIndex(of: unit) {
            // Plain mode has no forward pass: where the unit looks, and the command that shows its numbers.
            if let w = report.window(ofLayer: index, y: unit.y, x: unit.x) {
                lines.append(Messages.factsUnit(channel: unit.channel, y: unit.y, x: unit.x, size: w.size, input: report.inputName(ofLayer: index), clipped: w.clipped.text))
            }
            lines.append(Messages.factsUnitField(report.receptiveField(ofLayer: index, y: unit.y, x: unit.x).text))
            lines.append(Messages.factsUnitCommand("alexnet neuron --layer \(unit.layer) --channel \(unit.channel) --y \(unit.y) --x \(unit.x)"))
        }
        switch focus.screen {
        case .filters: lines.append(Messages.factsFilterHeatmaps)
        case .features: lines.append(Messages.factsFeatureHeatmaps)
        default: break
        }
        return lines
    }
}
