import AlexNetCore
@testable import alexnet
import ExplorerUI
import Foundation
import Testing

/// `filters --out`/`features --out` slides: a near-square grid, every map numbered, a title and a legend.
@Suite struct SlideImageTests {
    static func tiles(_ n: Int, side: Int) -> [HeatmapImage] {
        (0..<n).map { i in
            HeatmapImage(width: side, height: side, pixels: Array(repeating: RGB(UInt8(i % 256), 0, 0), count: side * side),
                         intensities: Array(repeating: 0, count: side * side))
        }
    }

    /// Square tiles: 64 make 8 × 8 (not 9 columns and a last row of one); 96 make 10 rows of 10 at most.
    @Test func gridIsNearSquare() {
        #expect(SlideImage.columns(count: 64, tileWidth: 100, tileHeight: 100) == 8)
        #expect(SlideImage.columns(count: 32, tileWidth: 100, tileHeight: 100) == 6)
        let c96 = SlideImage.columns(count: 96, tileWidth: 100, tileHeight: 100)
        let rows = (96 + c96 - 1) / c96
        #expect(abs(c96 - rows) <= 1, "\(c96) columns, \(rows) rows")
    }

    /// The raster and the SVG have the layout's size; the SVG numbers every map once and carries the title
    /// and the legend as text.
    @Test func pixelsAndSVGShareTheLayout() {
        let slide = SlideImage(tiles: Self.tiles(12, side: 5), title: "mini conv1: 12 filters of 5×5×1, test",
                               legend: .diverging, scale: 10)
        let layout = slide.layout
        let picture = slide.pixels()
        #expect(picture.shape == [3, layout.height, layout.width])
        // Each tile's top-left pixel has its tile's colour (red = index).
        for i in [0, 5, 11] {
            let (x, y) = slide.origin(i, layout)
            let n = layout.width * layout.height
            #expect(abs(picture.data[y * layout.width + x] - Float(i) / 255) < 1e-6)
            #expect(picture.data[n + y * layout.width + x] == 0)
        }
        let svg = slide.svg()
        #expect(svg.hasPrefix("<svg ") && svg.contains("width=\"\(layout.width)\" height=\"\(layout.height)\""))
        for i in 0..<12 { #expect(svg.contains(">\(i)</text>"), "map \(i) has no number") }
        #expect(svg.contains("mini conv1: 12 filters of 5×5×1, test"))
        #expect(svg.contains("blue &lt; 0 &lt; red"))
    }
}
