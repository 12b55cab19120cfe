import AlexNetCore

/// One filter large, its numbers for one input channel, and a colour legend for that channel.
struct FilterZoom {
    let filters: FilterSet
    let index: Int
    let channel: Int
    /// Three-channel filters as one RGB picture (false: `channel` alone on the diverging scale).
    var rgbPatches = true

    func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let caps = theme.capabilities
        let (kh, kw) = (filters.kernelHeight, filters.kernelWidth)
        let image = HeatmapImage.filter(filters.weights, index: index, channel: channel, rgb: rgbPatches)
        let all = filters.values(filter: index, channel: 0).startIndex
        let filterValues = filters.weights.data[all..<(all + filters.channels * kh * kw)]
        let values = filters.values(filter: index, channel: channel)
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        let channelName = filters.channels == 3 ? ["R", "G", "B"][channel] : "\(channel)"
        let rgb = filters.channels == 3 && rgbPatches

        var norm: Float = 0
        for v in filterValues { norm += v * v }
        StyledLine([("filter \(index) (0–\(filters.count - 1))", theme.heading),
                    ("  channel \(channelName) (0–\(filters.channels - 1), c: next)", theme.dim),
                    ("  L2 norm \(NumberText.brief(Double(norm.squareRoot())))", theme.plain)])
            .render(into: &grid, rect: area, row: 0)

        // The picture: each pixel two cells wide so it looks square.
        let scale = 2
        // Row 3 on, beside the numbers' rows (row 2 holds the numbers' unit line), so each picture row
        // sits on the line of its numbers.
        let picture = Rect(x: area.x, y: area.y + 3, width: kw * scale, height: kh)
        HeatmapView(image: image, capabilities: caps).renderZoomed(into: &grid, x: picture.x, y: picture.y, scale: scale, clip: area)

        // The numbers as integers in a power-of-ten unit ("values ×1e-4"): three significant digits
        // when five columns per number fit, two when only four do.
        let table = Rect(x: picture.maxX + 3, y: area.y + 2, width: area.maxX - picture.maxX - 3, height: area.height - 2)
        let m = Double(max(abs(lo), abs(hi)))
        let cellWidth = table.width >= kw * 5 ? 5 : 4
        let digits = cellWidth == 5 ? 100.0 : 10.0
        var exponent = 0
        if m > 0 { while m * pow10(exponent) < digits { exponent += 1 }; while m * pow10(exponent) >= digits * 10 { exponent -= 1 } }
        if table.width < kw * cellWidth {
            grid.write("(a wider window shows the numbers)", in: table, row: 0, style: theme.dim)
        } else {
            grid.write("channel \(channelName) values ×1e\(-exponent)", in: table, row: 0, style: theme.dim)
            for r in 0..<kh {
                var x = table.x
                for c in 0..<kw {
                    let v = Double(values[values.startIndex + r * kw + c])
                    let text = NumberText.fixed(v * pow10(exponent), 0).leftPadded(to: cellWidth - 1) + " "
                    let style = caps.colors.hasColor ? caps.style(fg: v < 0 ? .indexed(75) : v > 0 ? .indexed(209) : .default) : theme.plain
                    x = grid.write(text, x: x, y: table.y + 1 + r, style: style, maxWidth: table.maxX - x)
                }
            }
        }

        // Legend under the picture: this channel's colour ramp from min to max.
        let legendY = picture.maxY + 1
        let scaleKind: ColorScale = rgb ? .channel([RGB(255, 0, 0), RGB(0, 255, 0), RGB(0, 0, 255)][channel]) : .diverging
        let (low, high): (Float, Float) = rgb ? (filterValues.min() ?? 0, filterValues.max() ?? 0) : (-Float(m), Float(m))
        let lowText = NumberText.brief(Double(low)), highText = NumberText.brief(Double(high))
        let barWidth = max(10, min(24, kw * scale), lowText.unicodeScalars.count + highText.unicodeScalars.count + 2)
        grid.write("colour scale, channel \(channelName):", in: area, row: legendY - area.y, style: theme.bold)
        for i in 0..<barWidth {
            let t = Double(i) / Double(barWidth - 1)
            let cell: Cell = caps.colors.hasColor
                ? Cell(" ", style: CellStyle(bg: caps.colors.resolve(scaleKind.color(at: t).color)))
                : Cell(HeatmapView.rampCharacter(t))
            grid.put(cell.character, x: area.x + i, y: legendY + 1, style: cell.style, clip: area)
        }
        grid.write(lowText, x: area.x, y: legendY + 2, style: theme.dim, maxWidth: area.width)
        grid.write(highText, x: area.x + barWidth - highText.unicodeScalars.count, y: legendY + 2, style: theme.dim, maxWidth: area.maxX - area.x - barWidth + highText.unicodeScalars.count)
        if rgb {
            grid.write("one scale for all 3 channels of this filter", in: area, row: legendY + 3 - area.y, style: theme.dim)
        } else {
            grid.write(caps.colors.hasColor ? "blue < 0 < red, symmetric" : "−max → 0 → +max, symmetric",
                       in: area, row: legendY + 3 - area.y, style: theme.dim)
        }
    }

    private func pow10(_ e: Int) -> Double {
        var v = 1.0
        if e >= 0 { for _ in 0..<e { v *= 10 } } else { for _ in 0..<(-e) { v /= 10 } }
        return v
    }
}
