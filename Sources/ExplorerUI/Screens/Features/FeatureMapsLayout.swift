import AlexNetCore

/// Where the feature-maps screen puts things, from 44×14 up: the input picture (shrunk to fit, whole)
/// over the prediction in its own panel on the left, the maps on the right, shrunk by a whole factor
/// when one map does not fit (and the factor said on screen). Pure geometry, so tests can check that
/// no two panels overlap.
struct FeatureMapsLayout {
    var input: Rect
    var prediction: Rect
    var maps: Rect
    /// The prediction panel's lines.
    var predictionLines: [StyledLine]
    /// Each map drawn 1:`factor` (1: full size).
    var factor: Int
    /// A map's size in cells after shrinking, and how many fit across and down.
    var cell: (width: Int, height: Int)
    var columns: Int
    var rows: Int

    /// `headerRows`: the rows above the panels (what is shown, where the weights come from).
    init(area: Rect, headerRows: Int, mapWidth w: Int, mapHeight h: Int, top: [(name: String, probability: Float)],
         inputSize: (width: Int, height: Int), weights: String? = nil, theme: Theme) {
        let caps = theme.capabilities
        let body = area.splitRows(headerRows).1
        let side = min(30, max(14, area.width / 3))
        let (left, rest) = body.splitColumns(side)
        maps = rest.splitColumns(1).1   // one blank column between the panels

        // Left: the prediction takes the rows it needs (fewer classes, no bars, when short of room),
        // the input picture the rest; the picture keeps at least a third of the column.
        let naturalInputRows = HeatmapView.cellSize(width: inputSize.width, height: inputSize.height, capabilities: caps).height
        let inputMin = min(naturalInputRows, max(3, left.height * 2 / 5))
        var chosen: [StyledLine] = []
        for (k, bars) in [(5, true), (5, false), (3, false), (2, false), (1, false)] {
            let lines = Self.predictionLines(Array(top.prefix(k)), width: left.width, bars: bars, weights: weights, theme: theme)
            if bars && left.height - lines.count - 1 < naturalInputRows { continue }
            chosen = lines
            if lines.count + 1 + inputMin <= left.height { break }
        }
        let predictionRows = min(chosen.count, max(0, left.height - 1 - 1))
        prediction = Rect(x: left.x, y: left.maxY - predictionRows, width: left.width, height: predictionRows)
        input = Rect(x: left.x, y: left.y, width: left.width, height: max(0, left.height - predictionRows - 1))
        predictionLines = chosen

        // Right: a grid of maps with a label row under each and a status line at the bottom.
        let availableRows = max(1, maps.height - 2)
        let pixelsPerRow = caps.halfBlocks ? 2 : 1
        let f = max(1, (w + maps.width - 1) / max(1, maps.width),
                    (h + availableRows * pixelsPerRow - 1) / (availableRows * pixelsPerRow))
        factor = f
        let (sw, sh) = ((w + f - 1) / f, (h + f - 1) / f)
        cell = HeatmapView.cellSize(width: sw, height: sh, capabilities: caps)
        columns = max(1, (maps.width + 1) / (cell.width + 1))
        rows = max(1, (maps.height - 1) / (cell.height + 1))
    }

    /// "47.0% T-shirt/top" lines, best first; a name too long for the panel wraps at a space onto an
    /// indented line (never cut inside a word), with the probability as a bar under it when asked.
    /// `weights` ("trained", "untrained") follows the heading, so untrained noise is not read as a result.
    static func predictionLines(_ top: [(name: String, probability: Float)], width: Int, bars: Bool, weights: String? = nil,
                                theme: Theme) -> [StyledLine] {
        guard !top.isEmpty, width > 0 else { return [] }
        var heading = StyledLine("Prediction", theme.heading)
        if let weights, "Prediction (\(weights))".count <= width { heading = StyledLine([("Prediction", theme.heading), (" (\(weights))", theme.dim)]) }
        var lines = [heading]
        let percents = top.map { NumberText.percent(Double($0.probability)) }
        let pw = percents.map(\.count).max() ?? 5
        for (i, p) in top.enumerated() {
            let style = i == 0 ? theme.good : theme.plain
            let pct = String(repeating: " ", count: pw - percents[i].count) + percents[i]
            // Beside the percentage when every word fits there, else on its own lines under it.
            let room = max(1, width - pw - 1)
            let longest = p.name.split(separator: " ").map(\.count).max() ?? 0
            if longest <= room || width <= pw + 2 {
                for (j, part) in TextWrap.wrap(p.name, width: room).enumerated() {
                    lines.append(StyledLine([(j == 0 ? pct + " " : String(repeating: " ", count: pw + 1), style), (part, style)]))
                }
            } else {
                lines.append(StyledLine(pct, style))
                for part in TextWrap.wrap(p.name, width: width - 1) { lines.append(StyledLine(" " + part, style)) }
            }
            if bars {
                let n = Int((Double(p.probability) * Double(max(1, width - pw - 1))).rounded())
                lines.append(StyledLine(String(repeating: " ", count: pw + 1)
                                        + String(repeating: theme.capabilities.unicode ? "█" : "#", count: n), theme.number))
            }
        }
        return lines
    }
}
