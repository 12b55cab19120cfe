import Localization
import AlexNetCore
#if canImport(Glibc)
import Glibc
#endif

/// Screen 6's "why" beside the curves: for each learned layer, one bar per run with the fraction of its
/// units that were saturated at the last logged step (tanh/sigmoid |f′(x)| < 0.1, ReLU zero for the whole
/// batch), then each layer's ‖∂L/∂W‖/‖W‖ per run: how far one plain SGD step moves that layer.
///
///     Saturated units
///     conv1 relu ██░░░░░  2%
///           tanh ███░░░░ 22%
///     ‖∂W‖/‖W‖  relu   tanh
///     conv1    0.019  0.018
struct SaturationBars {
    var curves: [TrainingCurve]
    var colors: [TerminalColor]

    /// Columns the widget wants at most.
    static let width = 24

    func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard area.width >= 16, area.height >= 2 else { return }
        grid.write("Saturated units", in: area, row: 0, style: theme.heading)
        let measures = curves.map(\.lastMeasures)
        let layers = measures.first { !$0.isEmpty }?.filter { $0.saturation != nil }.map(\.layer) ?? []
        guard !layers.isEmpty else {
            grid.write(Messages.asItTrains, in: area, row: 1, style: theme.dim)
            return
        }
        let label = 6, name = 5
        let barWidth = max(3, area.width - label - name - 4)
        var row = 1
        for layer in layers {
            for (i, curve) in curves.enumerated() where row < area.height {
                guard let fraction = measures[i].first(where: { $0.layer == layer })?.saturation else { continue }
                let filled = Int((fraction * Double(barWidth)).rounded())
                let color = colors[i % colors.count]
                grid.write(i == 0 ? layer : "", x: area.x, y: area.y + row, style: theme.plain, maxWidth: label)
                grid.write(String(curve.activation.rawValue.prefix(name - 1)), x: area.x + label, y: area.y + row,
                           style: theme.capabilities.style(fg: color), maxWidth: name)
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
                let x = grid.write(bar, x: area.x + label + name, y: area.y + row, style: theme.capabilities.style(fg: color))
                _ = grid.write(Self.percent(fraction), x: x, y: area.y + row, style: theme.number, maxWidth: area.maxX - x)
                row += 1
            }
        }
        guard row + 1 < area.height else { return }
        row += 1
        let column = max(6, (area.width - label - 1) / max(1, curves.count))
        _ = grid.write("‖∂W‖/‖W‖", x: area.x, y: area.y + row, style: theme.heading, maxWidth: area.width)
        row += 1
        for (i, c) in curves.enumerated() where row < area.height {
            let head = String(c.activation.rawValue.prefix(column - 1))
            let x = area.x + label + (i + 1) * column - head.count
            _ = grid.write(head, x: x, y: area.y + row, style: theme.capabilities.style(fg: colors[i % colors.count]),
                           maxWidth: area.maxX - x)
        }
        row += 1
        let allLayers = measures.first { !$0.isEmpty }?.map(\.layer) ?? []
        for layer in allLayers where row < area.height {
            _ = grid.write(layer, x: area.x, y: area.y + row, style: theme.plain, maxWidth: label)
            for (i, m) in measures.enumerated() {
                guard let r = m.first(where: { $0.layer == layer })?.gradRatio else { continue }
                let text = NumberText.ratio(r)
                let x = area.x + label + (i + 1) * column - text.count
                _ = grid.write(text, x: x, y: area.y + row, style: theme.capabilities.style(fg: colors[i % colors.count]),
                               maxWidth: area.maxX - x)
            }
            row += 1
        }
    }

    static func percent(_ v: Double) -> String {
        NumberText.percent(v, places: 0).leftPadded(to: 4)
    }

}
