import AlexNetCore
import ExplorerUI
import Foundation

/// Pictures for `filters` and `features` outside the TUI: a grid of heatmaps drawn into a `CellGrid`
/// (printed with colour half-blocks or the ASCII ramp), or the same tiles as an image file.
enum Mosaic {
    /// Tiles side by side with one cell of gap, wrapping at `width` columns.
    static func grid(_ tiles: [HeatmapImage], labels: [String], width: Int, capabilities: Capabilities) -> CellGrid {
        guard let first = tiles.first else { return CellGrid(width: 0, height: 0) }
        let cell = HeatmapView.cellSize(width: first.width, height: first.height, capabilities: capabilities)
        let pitchW = max(cell.width, 3) + 1, pitchH = cell.height + 1
        let cols = max(1, (width + 1) / pitchW)
        let rows = (tiles.count + cols - 1) / cols
        var grid = CellGrid(width: min(width, cols * pitchW), height: rows * pitchH)
        for (i, tile) in tiles.enumerated() {
            let x = (i % cols) * pitchW, y = (i / cols) * pitchH
            HeatmapView(image: tile, capabilities: capabilities).render(into: &grid, x: x, y: y, clip: grid.bounds)
            grid.write(labels[i], x: x, y: y + cell.height, style: capabilities.style(fg: .brightBlack), maxWidth: pitchW - 1)
        }
        return grid
    }

    /// Tiles as one RGB image (3, H, W) in [0, 1], each pixel `scale`×`scale`, with a 1-pixel dark gap.
    static func image(_ tiles: [HeatmapImage], columns: Int, scale: Int) -> Tensor {
        guard let first = tiles.first else { return Tensor(zeros: [3, 1, 1]) }
        let (tw, th) = (first.width * scale, first.height * scale)
        let cols = max(1, min(columns, tiles.count)), rows = (tiles.count + cols - 1) / cols
        let W = cols * (tw + 1) + 1, H = rows * (th + 1) + 1
        var data = [Float](repeating: 0.1, count: 3 * H * W)
        for (i, tile) in tiles.enumerated() {
            let ox = 1 + (i % cols) * (tw + 1), oy = 1 + (i / cols) * (th + 1)
            for y in 0..<th {
                for x in 0..<tw {
                    let p = tile.pixels[(y / scale) * tile.width + x / scale]
                    for (c, v) in [p.r, p.g, p.b].enumerated() {
                        data[(c * H + oy + y) * W + ox + x] = Float(v) / 255
                    }
                }
            }
        }
        return Tensor(shape: [3, H, W], data: data)
    }

    /// The smallest side of every map in an image written for slides.
    static let minimumSide = 128

    /// The integer factor that brings a tile's smaller side to at least `minimumSide` pixels.
    static func factor(for tile: HeatmapImage) -> Int {
        let side = max(1, min(tile.width, tile.height))
        return (minimumSide + side - 1) / side
    }

    /// Writes the tiles to `out` as a slide (`SlideImage`: title, numbered near-square grid, colour legend),
    /// each map scaled up by `scale`, else so that its smaller side is at least 128 pixels: SVG for `.svg` or
    /// `svg: true`, else PNG/PPM/PGM by the extension. Without `out`, prints them under `caption` with
    /// `footer(capabilities)` below.
    static func output(_ tiles: [HeatmapImage], caption: String, out: String?, scale: Int?, legend: SlideImage.Legend,
                       svg: Bool = false, footer: (Capabilities) -> String) throws {
        if let out {
            let factor = scale ?? tiles.first.map(factor(for:)) ?? 1
            let slide = SlideImage(tiles: tiles, title: caption, legend: legend, scale: factor)
            let layout = slide.layout
            if svg || out.lowercased().hasSuffix(".svg") {
                try AtomicFile.write(Array(slide.svg().utf8), to: out)
            } else {
                var picture = slide.pixels()
                // A .pgm holds one channel: the heatmap's colours become their luminance.
                if out.lowercased().hasSuffix(".pgm") { picture = luminance(picture) }
                try ImageFile.save(picture, to: out)
            }
            print(OutputCapabilities.printable("wrote \(out) (\(layout.width)×\(layout.height) pixels, \(tiles.count) maps in "
                  + "\(layout.columns) columns, each ×\(factor)): \(caption.split(separator: "\n").first ?? "")"))
            return
        }
        let caps = OutputCapabilities.current
        print(caption)
        print(ANSIText.render(grid(tiles, labels: tiles.indices.map(String.init), width: terminalWidth, capabilities: caps),
                              colors: caps.colors), terminator: "")
        let note = footer(caps)
        if !note.isEmpty { print(note) }
    }

    /// A (3, H, W) RGB image as (1, H, W) grey, with Rec. 601 weights.
    static func luminance(_ rgb: Tensor) -> Tensor {
        let (h, w) = (rgb.shape[1], rgb.shape[2]), n = h * w
        var grey = [Float](repeating: 0, count: n)
        for i in 0..<n { grey[i] = 0.299 * rgb.data[i] + 0.587 * rgb.data[n + i] + 0.114 * rgb.data[2 * n + i] }
        return Tensor(shape: [1, h, w], data: grey)
    }

    static var terminalWidth: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 10 { return c }
        return 100
    }
}

import ArgumentParser
import Foundation

/// `--scale N` of `filters --out` and `features --out`.
struct MosaicScale: ParsableArguments {
    @Flag(name: .customLong("svg"), help: "With --out: write SVG (vectors: the slide at any size) whatever the file's extension.")
    var svg = false

    @Option(name: .customLong("scale"),
            help: ArgumentHelp("With --out: scale each map up by this integer factor (default: the smallest that makes its smaller side at least 128 pixels).",
                               valueName: "n"))
    var value: Int?

    func validate() throws {
        if let value, !(1...64).contains(value) { throw ValidationError("--scale must be in 1…64, got \(value)") }
    }

    var factor: Int? { value }
}
