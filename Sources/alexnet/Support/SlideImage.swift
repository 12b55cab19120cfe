import AlexNetCore
import Foundation
import ExplorerUI

/// A picture for a slide: a title (network, layer, weights), the maps in a near-square grid each numbered
/// from 0 as the explorer and `--channel` count them, and a legend saying what the colours mean. Laid out
/// once (`Layout`) and drawn either as pixels (PNG, PPM, PGM) or as SVG, so both show the same thing.
struct SlideImage {
    /// What the colours of the tiles mean, drawn under the grid.
    enum Legend {
        /// Each filter on its own scale symmetric around zero: blue < 0 < red.
        case diverging
        /// Three input channels as one RGB patch per filter, min → black, max → full colour.
        case rgb
        /// Each map from its minimum (dark purple) to its maximum (yellow).
        case sequential

        var text: String {
            switch self {
            case .diverging: "colour: blue < 0 < red, each filter on its own symmetric scale"
            case .rgb: "colour: R, G, B as one patch, each filter from min (black) to max"
            case .sequential: "colour: each map from its minimum (dark) to its maximum (yellow)"
            }
        }

        /// The gradient drawn as the colour scale, and its end labels.
        var bar: (scale: ColorScale?, low: String, middle: String, high: String) {
            switch self {
            case .diverging: (.diverging, "-max", "0", "+max")
            case .rgb: (nil, "min", "", "max")
            case .sequential: (.sequential, "min", "", "max")
            }
        }
    }

    var tiles: [HeatmapImage]
    var title: String
    var legend: Legend
    /// Each map pixel becomes scale × scale image pixels.
    var scale: Int

    static let margin = 16, gap = 10, fontScale = 2, barHeight = 16
    static let background = RGB(238, 238, 238), ink = RGB(30, 30, 30)
    static var lineHeight: Int { BitmapFont.height * fontScale + 6 }

    /// Where everything goes, in image pixels.
    struct Layout {
        var width: Int, height: Int
        var columns: Int, tileWidth: Int, tileHeight: Int, cellWidth: Int, cellHeight: Int
        var titleLines: [String], gridTop: Int, legendLines: [String], legendTop: Int, barTop: Int, barWidth: Int
    }

    /// Columns for a near-square grid: the grid about as wide as it is tall, with few empty places in its
    /// last row (64 filters: 8 × 8, not 9 columns and a last row of one).
    static func columns(count: Int, tileWidth: Int, tileHeight: Int) -> Int {
        guard count > 0 else { return 1 }
        var best = 1
        var bestCost = Double.infinity
        for c in 1...count {
            let rows = (count + c - 1) / c
            let cost = abs(log(Double(c * tileWidth) / Double(rows * tileHeight))) + Double(rows * c - count) / Double(count)
            if cost < bestCost - 1e-9 { best = c; bestCost = cost }
        }
        return best
    }

    var layout: Layout {
        let first = tiles.first ?? HeatmapImage(width: 1, height: 1, pixels: [RGB(0, 0, 0)], intensities: [0])
        let tw = first.width * scale, th = first.height * scale
        let labelWidth = BitmapFont.textWidth(String(max(0, tiles.count - 1)), scale: Self.fontScale)
        let cellWidth = max(tw, labelWidth) + Self.gap
        let cellHeight = th + Self.lineHeight + Self.gap / 2
        let cols = Self.columns(count: tiles.count, tileWidth: cellWidth, tileHeight: cellHeight)
        let rows = (tiles.count + cols - 1) / cols
        let gridWidth = cols * cellWidth - Self.gap
        // Wide enough for the grid and a readable title (64 characters a line at least).
        let minimumText = 64 * BitmapFont.advance * Self.fontScale
        let width = max(gridWidth, minimumText) + 2 * Self.margin
        let charsPerLine = (width - 2 * Self.margin) / (BitmapFont.advance * Self.fontScale)
        let titleLines = ASCIIText.of(title).split(separator: "\n").flatMap {
            PlainWrap.lines(String($0), width: charsPerLine, rest: "  ")
        }
        let legendLines = PlainWrap.lines(legend.text, width: charsPerLine, rest: "  ")
        let gridTop = Self.margin + titleLines.count * Self.lineHeight + Self.gap
        let legendTop = gridTop + rows * cellHeight + Self.gap
        let barTop = legendTop + legendLines.count * Self.lineHeight
        let barWidth = min(width - 2 * Self.margin, 512)
        let height = barTop + Self.barHeight + 4 + Self.lineHeight + Self.margin
        return Layout(width: width, height: height, columns: cols, tileWidth: tw, tileHeight: th,
                      cellWidth: cellWidth, cellHeight: cellHeight, titleLines: titleLines, gridTop: gridTop,
                      legendLines: legendLines, legendTop: legendTop, barTop: barTop, barWidth: barWidth)
    }

    /// Top-left corner of tile `i`, and of its number.
    func origin(_ i: Int, _ l: Layout) -> (x: Int, y: Int) {
        (Self.margin + (i % l.columns) * l.cellWidth, l.gridTop + (i / l.columns) * l.cellHeight)
    }

    /// The colour of the bar at `t` in 0…1 (RGB: grey from black to white, the luminance all three channels share).
    func barColor(_ t: Double) -> RGB {
        if let scale = legend.bar.scale { return scale.color(at: t) }
        let v = UInt8((t * 255).rounded())
        return RGB(v, v, v)
    }

    // MARK: - Pixels

    /// The slide as a (3, H, W) image in [0, 1].
    func pixels() -> Tensor {
        let l = layout
        var canvas = Canvas(width: l.width, height: l.height, fill: Self.background)
        for (row, line) in l.titleLines.enumerated() {
            canvas.text(line, x: Self.margin, y: Self.margin + row * Self.lineHeight, color: Self.ink)
        }
        for (i, tile) in tiles.enumerated() {
            let (x0, y0) = origin(i, l)
            for y in 0..<l.tileHeight {
                for x in 0..<l.tileWidth {
                    canvas.set(x0 + x, y0 + y, tile.pixels[(y / scale) * tile.width + x / scale])
                }
            }
            canvas.text(String(i), x: x0, y: y0 + l.tileHeight + 4, color: Self.ink)
        }
        for (row, line) in l.legendLines.enumerated() {
            canvas.text(line, x: Self.margin, y: l.legendTop + row * Self.lineHeight, color: Self.ink)
        }
        for x in 0..<l.barWidth {
            let c = barColor(Double(x) / Double(max(1, l.barWidth - 1)))
            for y in 0..<Self.barHeight { canvas.set(Self.margin + x, l.barTop + y, c) }
        }
        let labelsY = l.barTop + Self.barHeight + 4
        let bar = legend.bar
        canvas.text(bar.low, x: Self.margin, y: labelsY, color: Self.ink)
        canvas.text(bar.middle, x: Self.margin + (l.barWidth - BitmapFont.textWidth(bar.middle, scale: Self.fontScale)) / 2,
                    y: labelsY, color: Self.ink)
        canvas.text(bar.high, x: Self.margin + l.barWidth - BitmapFont.textWidth(bar.high, scale: Self.fontScale),
                    y: labelsY, color: Self.ink)
        return canvas.tensor
    }

    /// An RGB raster with the bitmap font.
    struct Canvas {
        let width: Int, height: Int
        var data: [Float]

        init(width: Int, height: Int, fill: RGB) {
            self.width = width; self.height = height
            data = [Float](repeating: 0, count: 3 * width * height)
            for y in 0..<height { for x in 0..<width { set(x, y, fill) } }
        }

        mutating func set(_ x: Int, _ y: Int, _ c: RGB) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let n = width * height, i = y * width + x
            data[i] = Float(c.r) / 255; data[n + i] = Float(c.g) / 255; data[2 * n + i] = Float(c.b) / 255
        }

        mutating func text(_ text: String, x: Int, y: Int, color: RGB) {
            let s = SlideImage.fontScale
            for (k, ch) in text.enumerated() {
                for (col, bits) in BitmapFont.columns(of: ch).enumerated() {
                    for row in 0..<BitmapFont.height where bits & (1 << row) != 0 {
                        for dy in 0..<s { for dx in 0..<s {
                            set(x + (k * BitmapFont.advance + col) * s + dx, y + row * s + dy, color)
                        } }
                    }
                }
            }
        }

        var tensor: Tensor { Tensor(shape: [3, height, width], data: data) }
    }

    // MARK: - SVG

    /// The same slide as SVG: each tile a group of pixel rectangles (runs of one colour merged), text as text.
    func svg() -> String {
        let l = layout
        func hex(_ c: RGB) -> String {
            let digits = Array("0123456789abcdef")
            return "#" + [c.r, c.g, c.b].map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }.joined()
        }
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        let fontSize = BitmapFont.height * Self.fontScale + 2
        func text(_ s: String, x: Int, y: Int, anchor: String = "start") -> String {
            "<text x=\"\(x)\" y=\"\(y + BitmapFont.height * Self.fontScale)\" text-anchor=\"\(anchor)\">\(escaped(s))</text>\n"
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(l.width)\" height=\"\(l.height)\" "
            + "viewBox=\"0 0 \(l.width) \(l.height)\" shape-rendering=\"crispEdges\">\n"
        out += "<rect width=\"\(l.width)\" height=\"\(l.height)\" fill=\"\(hex(Self.background))\"/>\n"
        out += "<g font-family=\"DejaVu Sans Mono, monospace\" font-size=\"\(fontSize)\" fill=\"\(hex(Self.ink))\">\n"
        // The title keeps its Unicode (×, ·): an SVG viewer has the fonts a terminal may lack.
        let title = title.split(separator: "\n").map(String.init)
        for (row, line) in title.enumerated() { out += text(line, x: Self.margin, y: Self.margin + row * Self.lineHeight) }
        for (i, _) in tiles.enumerated() {
            let (x0, y0) = origin(i, l)
            out += text(String(i), x: x0, y: y0 + l.tileHeight + 4)
        }
        for (row, line) in PlainWrap.lines(legend.text, width: 200).enumerated() {
            out += text(line, x: Self.margin, y: l.legendTop + row * Self.lineHeight)
        }
        let labelsY = l.barTop + Self.barHeight + 4
        out += text(legend.bar.low, x: Self.margin, y: labelsY)
        if !legend.bar.middle.isEmpty { out += text(legend.bar.middle, x: Self.margin + l.barWidth / 2, y: labelsY, anchor: "middle") }
        out += text(legend.bar.high, x: Self.margin + l.barWidth, y: labelsY, anchor: "end")
        out += "</g>\n"
        for (i, tile) in tiles.enumerated() {
            let (x0, y0) = origin(i, l)
            out += "<g transform=\"translate(\(x0) \(y0)) scale(\(scale))\">\n"
            for y in 0..<tile.height {
                var x = 0
                while x < tile.width {
                    let c = tile.pixels[y * tile.width + x]
                    var run = 1
                    while x + run < tile.width, tile.pixels[y * tile.width + x + run] == c { run += 1 }
                    out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(run)\" height=\"1\" fill=\"\(hex(c))\"/>\n"
                    x += run
                }
            }
            out += "</g>\n"
        }
        out += "<defs><linearGradient id=\"scale\">"
        for k in 0...8 {
            let t = Double(k) / 8
            out += "<stop offset=\"\(Int(t * 100))%\" stop-color=\"\(hex(barColor(t)))\"/>"
        }
        out += "</linearGradient></defs>\n"
        out += "<rect x=\"\(Self.margin)\" y=\"\(l.barTop)\" width=\"\(l.barWidth)\" height=\"\(Self.barHeight)\" fill=\"url(#scale)\"/>\n"
        out += "</svg>\n"
        return out
    }
}
