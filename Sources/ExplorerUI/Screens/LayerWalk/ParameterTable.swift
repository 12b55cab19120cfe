import Localization
import AlexNetCore

/// Where the parameters live: every learned layer with its count, the running total ("so far"), and its own
/// share of all parameters as a percentage and a bar (the figure the layer's panel quotes: fc6 holds 61.9%),
/// the current layer highlighted.
enum ParameterTable {
    static func lines(report: ShapeReport, selected: Int, width: Int, theme: Theme) -> [StyledLine] {
        let total = report.totalParams
        var lines = [StyledLine([(Messages.tableWhere, theme.bold), (NumberText.grouped(total), theme.number),
                                 (Messages.tableLive, theme.bold)])]
        lines.append(StyledLine(Messages.tableLayer.padded(to: 7) + Messages.tableParams.leftPadded(to: 9)
                                 + Messages.tableSoFar.leftPadded(to: 9) + Messages.tableShare.leftPadded(to: 7), theme.dim))
        let barWidth = max(0, width - 34)
        var running = 0
        for (i, layer) in report.layers.enumerated() where layer.params > 0 {
            running += layer.params
            let share = Double(layer.params) / Double(max(1, total))
            let name = layer.name.padded(to: 7)
            let count = NumberText.short(layer.params).leftPadded(to: 9)
            let run = NumberText.short(running).leftPadded(to: 9)
            let pct = NumberText.percent(share).leftPadded(to: 7)
            let filled = Int((share * Double(barWidth)).rounded(.up))
            let bar = String(repeating: theme.capabilities.unicode ? "█" : "#", count: min(barWidth, filled))
            let style = i == selected ? theme.selected : theme.plain
            var spans = [(name, style), (count, i == selected ? style : theme.number), (run, style), (pct, theme.dim)]
            if !bar.isEmpty { spans.append((" " + bar, theme.capabilities.style(fg: .cyan))) }
            lines.append(StyledLine(spans))
        }
        return lines
    }
}
