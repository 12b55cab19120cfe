import AlexNetCore
import Foundation

/// One point of a chart series.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A named line on a chart, e.g. training loss against step.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var points: [ChartPoint]
    public var color: TerminalColor

    public init(name: String, points: [ChartPoint], color: TerminalColor) {
        self.name = name; self.points = points; self.color = color
    }
}

/// A line chart with axes, a legend, several series and an optional horizontal target line, for
/// the training and ReLU-vs-tanh screens. Lines are drawn in braille dots (2×4 per cell) with UTF-8;
/// without colour each series gets its own mark (`*`, `+`, `o`, `x`) so they stay apart.
public struct LineChart: Sendable {
    public var series: [ChartSeries]
    /// A level to reach, e.g. the 25% training error of the paper's Fig. 1.
    public var target: (value: Double, label: String)?
    public var xLabel: String
    public var title: String?
    /// Values the quantity can take (an error rate: 0…1; a loss: 0…∞); the axis never leaves them,
    /// and an empty chart shows all of them instead of an invented range.
    public var yBounds: ClosedRange<Double>?
    /// Label the y axis in percent (0.25 → "25%").
    public var percent: Bool
    /// Where the x axis runs to when it is past the last point: the step a header reports, while points
    /// are recorded only every few steps (the axis said 138 under a header saying step 143).
    public var xEnd: Double?

    public init(series: [ChartSeries], target: (value: Double, label: String)? = nil, xLabel: String = "", title: String? = nil,
                yBounds: ClosedRange<Double>? = nil, percent: Bool = false, xEnd: Double? = nil) {
        self.series = series; self.target = target; self.xLabel = xLabel; self.title = title
        self.yBounds = yBounds; self.percent = percent; self.xEnd = xEnd
    }

    static let marks: [Unicode.Scalar] = ["*", "+", "o", "x", "#", "%"]

    /// The y range shown and its ticks: all points and the target, widened to round tick values (a step of
    /// 1, 2, 2.5 or 5 × 10^k, at most `intervals` of them), kept inside `yBounds`. Without points the whole
    /// of `yBounds` (its finite part, else 0…1).
    func yScale(intervals: Int = 4) -> (low: Double, high: Double, ticks: [Double]) {
        let points = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        let bounds = yBounds ?? -Double.infinity...Double.infinity
        let fallback = (low: bounds.lowerBound.isFinite ? bounds.lowerBound : 0,
                        high: bounds.upperBound.isFinite ? bounds.upperBound : max(1, (bounds.lowerBound.isFinite ? bounds.lowerBound : 0) + 1))
        var ys = points
        if let target, !points.isEmpty { ys.append(target.value) }
        var (lo, hi) = points.isEmpty && yBounds != nil ? fallback : (ys.min() ?? 0, ys.max() ?? 1)
        if hi == lo { lo -= 1; hi += 1 }
        let step = Self.niceStep((hi - lo) / Double(max(1, intervals)))
        // (The 1e-9 keeps 0.01 / 0.0025 = 4.000…01 from rounding to another tick.)
        lo = max(bounds.lowerBound, (lo / step + 1e-9).rounded(.down) * step)
        hi = min(bounds.upperBound, (hi / step - 1e-9).rounded(.up) * step)
        guard hi > lo else { return (fallback.low, fallback.high, [fallback.low, fallback.high]) }
        var ticks: [Double] = []
        var k = (lo / step).rounded(.up)
        while k * step <= hi + step * 1e-9 {
            ticks.append(abs(k * step) < step * 1e-9 ? 0 : k * step)
            k += 1
        }
        return (lo, hi, ticks)
    }

    /// The y range shown (see `yScale`).
    var yRange: (low: Double, high: Double) { let s = yScale(); return (s.low, s.high) }

    /// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow10(Int((log10(raw)).rounded(.down)))
        for m in [1, 2, 2.5, 5, 10] where m * magnitude >= raw * (1 - 1e-9) { return m * magnitude }
        return 10 * magnitude
    }

    private static func pow10(_ e: Int) -> Double {
        var v = 1.0
        if e >= 0 { for _ in 0..<e { v *= 10 } } else { for _ in 0..<(-e) { v /= 10 } }
        return v
    }

    func yLabel(_ y: Double) -> String {
        percent ? NumberText.brief((y * 100 * 10).rounded() / 10) + "%" : NumberText.brief(y)
    }

    /// The x range: from 0 (a training run starts at step 0, though its first point is logged a few
    /// steps in) or the first point when x goes negative, to the last point or `xEnd`.
    var xRange: (low: Double, high: Double) {
        let xs = (series.flatMap { $0.points.map(\.x) } + (xEnd.map { [$0] } ?? [])).filter(\.isFinite)
        guard let first = xs.min(), let hi = xs.max() else { return (0, 1) }
        let lo = min(0, first)
        return hi > lo ? (lo, hi) : (lo, lo + 1)
    }

    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard area.width >= 12, area.height >= 5 else {
            grid.write("(chart needs more room)", in: area, row: 0, style: theme.dim)
            return
        }
        var top = area.y
        if let title { grid.write(title, in: area, row: 0, style: theme.heading); top += 1 }
        // Rows: legend, plot…, x axis, x labels. A tick every 3 rows or more, at most 4 intervals.
        let plotHeight = area.maxY - top - 3
        let scale = yScale(intervals: max(1, min(4, plotHeight / 3)))
        let (ylo, yhi) = (scale.low, scale.high), (xlo, xhi) = xRange
        let labels = scale.ticks.map { ($0, yLabel($0)) } + (target.map { [($0.value, yLabel($0.value))] } ?? [])
        let margin = (labels.map { $0.1.unicodeScalars.count }.max() ?? 1) + 1
        let plot = Rect(x: area.x + margin, y: top + 1, width: area.width - margin, height: plotHeight)
        guard plot.width >= 4, plot.height >= 2 else { return }
        drawLegend(into: &grid, row: top, plot: plot, area: area, theme: theme)
        drawAxes(into: &grid, plot: plot, ticks: scale.ticks, y: (ylo, yhi), x: (xlo, xhi), theme: theme)
        drawLines(into: &grid, plot: plot, x: (xlo, xhi), y: (ylo, yhi), theme: theme)
    }

    /// The legend, right-aligned on the row above the plot: each series' mark and name, then the target.
    private func drawLegend(into grid: inout CellGrid, row: Int, plot: Rect, area: Rect, theme: Theme) {
        let caps = theme.capabilities
        var legend: [(String, CellStyle)] = []
        for (i, s) in series.enumerated() {
            let mark: Unicode.Scalar = caps.colors.hasColor ? (caps.unicode ? "●" : "*") : Self.marks[i % Self.marks.count]
            legend.append(("\(mark) \(s.name)  ", caps.style(fg: s.color)))
        }
        if let target { legend.append(("\(caps.unicode ? "╌" : "-") \(target.label)", theme.warning)) }
        let legendWidth = legend.reduce(0) { $0 + $1.0.unicodeScalars.count }
        var lx = max(plot.x, area.maxX - legendWidth)
        for (text, style) in legend { lx = grid.write(text, x: lx, y: row, style: style, maxWidth: area.maxX - lx) }
    }

    /// The row of the plot where `value` is drawn (the same rounding as the lines' dots).
    private func row(of value: Double, plot: Rect, y: (low: Double, high: Double), dotsPerRow: Int) -> Int {
        let dots = plot.height * dotsPerRow
        return plot.y + Int(((y.high - value) / (y.high - y.low) * Double(dots - 1)).rounded()) / dotsPerRow
    }

    private func dotsPerRow(_ theme: Theme) -> Int { theme.capabilities.unicode && theme.capabilities.colors.hasColor ? 4 : 1 }

    /// The y axis left of the plot, labelled with the round ticks on their own rows and the target's value
    /// on the target line's row (in the target's colour; a tick sharing that row gives way), and the x axis
    /// under it with the first and last x and the x label between them.
    private func drawAxes(into grid: inout CellGrid, plot: Rect, ticks: [Double], y: (low: Double, high: Double),
                          x: (low: Double, high: Double), theme: Theme) {
        let axisY = plot.maxY
        for y in plot.y..<axisY { grid.put("│", x: plot.x - 1, y: y, style: theme.frame) }
        grid.put("└", x: plot.x - 1, y: axisY, style: theme.frame)
        for x in plot.x..<plot.maxX { grid.put("─", x: x, y: axisY, style: theme.frame) }
        let perRow = dotsPerRow(theme)
        let targetRow = target.map { row(of: $0.value, plot: plot, y: y, dotsPerRow: perRow) }
        var used = Set<Int>()
        if let target, let targetRow, (plot.y..<axisY).contains(targetRow) {
            let label = yLabel(target.value)
            grid.write(label, x: plot.x - 1 - label.unicodeScalars.count, y: targetRow, style: theme.warning)
            used.insert(targetRow)
        }
        for tick in ticks {
            let r = row(of: tick, plot: plot, y: y, dotsPerRow: perRow)
            // A tick on the target's row gives way to the target's own value.
            guard (plot.y..<axisY).contains(r), !used.contains(r) else { continue }
            let label = yLabel(tick)
            grid.write(label, x: plot.x - 1 - label.unicodeScalars.count, y: r, style: theme.dim)
            used.insert(r)
        }
        let xl = NumberText.brief(x.low), xh = NumberText.brief(x.high)
        grid.write(xl, x: plot.x, y: axisY + 1, style: theme.dim)
        grid.write(xh, x: plot.maxX - xh.unicodeScalars.count, y: axisY + 1, style: theme.dim)
        if !xLabel.isEmpty {
            let w = xLabel.unicodeScalars.count
            grid.write(xLabel, x: plot.x + max(xl.unicodeScalars.count + 1, (plot.width - w) / 2), y: axisY + 1, style: theme.dim)
        }
    }

    /// The target as a dashed row, then every series as straight segments between its points: braille
    /// dots (2 columns × 4 rows per cell) with UTF-8 and colour, else one mark per cell. Where two series
    /// cross, the later one owns the cell.
    private func drawLines(into grid: inout CellGrid, plot: Rect, x: (low: Double, high: Double), y: (low: Double, high: Double),
                           theme: Theme) {
        let caps = theme.capabilities
        let braille = caps.unicode && caps.colors.hasColor
        let (sx, sy) = braille ? (2, 4) : (1, 1)
        let dotsW = plot.width * sx, dotsH = plot.height * sy
        func dotX(_ v: Double) -> Int { Int(((v - x.low) / (x.high - x.low) * Double(dotsW - 1)).rounded()) }
        func dotY(_ v: Double) -> Int { Int(((y.high - v) / (y.high - y.low) * Double(dotsH - 1)).rounded()) }

        if let target {
            let row = self.row(of: target.value, plot: plot, y: y, dotsPerRow: sy)
            for x in plot.x..<plot.maxX where (x - plot.x) % 2 == 0 {
                grid.put(caps.unicode ? "╌" : "-", x: x, y: row, style: theme.warning)
            }
        }
        var masks = [UInt8](repeating: 0, count: plot.width * plot.height)
        var owner = [Int](repeating: -1, count: plot.width * plot.height)
        let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        for (si, s) in series.enumerated() {
            let pts = s.points.filter { $0.x.isFinite && $0.y.isFinite }
            func plotDot(_ dx: Int, _ dy: Int) {
                guard dx >= 0, dy >= 0, dx < dotsW, dy < dotsH else { return }
                let cell = (dy / sy) * plot.width + dx / sx
                if owner[cell] != si { masks[cell] = 0; owner[cell] = si }
                if braille { masks[cell] |= bits[dx % 2][dy % 4] }
            }
            for (i, p) in pts.enumerated() {
                let end = (dotX(p.x), dotY(p.y))
                let start = i > 0 ? (dotX(pts[i - 1].x), dotY(pts[i - 1].y)) : end
                Self.segment(from: start, to: end, plotDot)
            }
        }
        for cell in 0..<(plot.width * plot.height) where owner[cell] >= 0 {
            let si = owner[cell]
            let ch: Unicode.Scalar = braille ? Unicode.Scalar(0x2800 + UInt32(masks[cell]))! : Self.marks[si % Self.marks.count]
            grid.put(ch, x: plot.x + cell % plot.width, y: plot.y + cell / plot.width, style: caps.style(fg: series[si].color))
        }
    }

    /// Bresenham's line: every dot from `start` to `end`, both included.
    static func segment(from start: (Int, Int), to end: (Int, Int), _ dot: (Int, Int) -> Void) {
        var (x0, y0) = start
        let (x1, y1) = end
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            dot(x0, y0)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += stepX }
            if e2 <= dx { err += dx; y0 += stepY }
        }
    }
}
