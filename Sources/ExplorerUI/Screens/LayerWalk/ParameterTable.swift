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
            let bar = bar(share, width: barWidth, unicode: theme.capabilities.unicode)
            let style = i == selected ? theme.selected : theme.plain
            var spans = [(name, style), (count, i == selected ? style : theme.number), (run, style), (pct, theme.dim)]
            if !bar.isEmpty { spans.append((" " + bar, theme.capabilities.style(fg: .cyan))) }
            lines.append(StyledLine(spans))
        }
        return lines
    }

    /// A bar as long as `share` of `width` cells, in eighths of a cell with Unicode (so conv1's 0.1% is a
    /// sliver, not a full block like conv3's 1.5%), in whole `#` cells without; a share too small for one
    /// step still shows its thinnest mark, so no learned layer looks empty.
    static func bar(_ share: Double, width: Int, unicode: Bool) -> String {
        guard width > 0, share > 0 else { return "" }
        let clamped = min(1, share)
        if unicode {
            let eighths = max(1, Int((clamped * Double(width * 8)).rounded()))
            let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
            return String(repeating: "█", count: eighths / 8) + partial
        }
        let cells = Int((clamped * Double(width)).rounded())
        return cells == 0 ? "." : String(repeating: "#", count: cells)
    }
}
