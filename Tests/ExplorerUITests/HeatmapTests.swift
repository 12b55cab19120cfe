import AlexNetCore
import Testing
@testable import ExplorerUI

@Suite struct HeatmapTests {
    /// A 2×3 image: three pixel rows make two cell rows; the last cell row has no lower pixel.
    let image = HeatmapImage(width: 2, height: 3,
                             pixels: [RGB(255, 0, 0), RGB(0, 255, 0), RGB(0, 0, 255), RGB(255, 255, 255), RGB(0, 0, 0), RGB(255, 255, 0)],
                             intensities: [0, 0.15, 0.35, 0.55, 0.95, 1])

    @Test func halfBlocksPutTheUpperPixelInFrontAndTheLowerBehind() {
        var grid = CellGrid(width: 3, height: 3)
        let view = HeatmapView(image: image, capabilities: .standard)
        #expect(view.size == (2, 2))
        view.render(into: &grid, x: 1, y: 0, clip: grid.bounds)
        #expect(grid.lines == [" ▀▀", " ▀▀", "   "])
        #expect(grid[1, 0].style == CellStyle(fg: .indexed(196), bg: .indexed(21)))
        #expect(grid[2, 0].style == CellStyle(fg: .indexed(46), bg: .indexed(231)))
        #expect(grid[1, 1].style == CellStyle(fg: .indexed(16), bg: .default))
        #expect(grid[2, 1].style == CellStyle(fg: .indexed(226), bg: .default))
    }

    @Test func trueColourKeepsRGB() {
        var grid = CellGrid(width: 2, height: 2)
        HeatmapView(image: image, capabilities: Capabilities(colors: .truecolor, unicode: true))
            .render(into: &grid, x: 0, y: 0, clip: grid.bounds)
        #expect(grid[0, 0].style == CellStyle(fg: .rgb(255, 0, 0), bg: .rgb(0, 0, 255)))
    }

    @Test(arguments: [Capabilities.monochrome, .ascii, Capabilities(colors: .palette256, unicode: false)])
    func withoutColourOrUTF8ItUsesTheASCIIRamp(_ caps: Capabilities) {
        var grid = CellGrid(width: 2, height: 3)
        HeatmapView(image: image, capabilities: caps).render(into: &grid, x: 0, y: 0, clip: grid.bounds)
        // Ramp " .:-=+*#%@": index ⌊t·10⌋, capped at 9.
        #expect(grid.lines == [" .", "-+", "@@"])
        #expect(grid[0, 0].style == .plain)
    }

    @Test func clippingStopsAtTheRectangle() {
        var grid = CellGrid(width: 3, height: 3)
        HeatmapView(image: image, capabilities: .standard).render(into: &grid, x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(grid.lines == ["▀  ", "   ", "   "])
    }

    @Test func rgbFiltersUseOneScaleForAllChannels() {
        // Filter 1 of knownFilters: channel 0 = −2p/1000, channel 1 = 0, channel 2 = +2p/1000, p = 0…8.
        let f = knownFilters()
        let img = HeatmapImage.filter(f.weights, index: 1)
        #expect(img.width == 3 && img.height == 3)
        // min −0.016 (channel 0, p = 8), max +0.016 (channel 2, p = 8); zero maps to the middle (128).
        #expect(img.pixels[0] == RGB(128, 128, 128))
        #expect(img.pixels[8] == RGB(0, 128, 255))
    }

    @Test func otherChannelCountsUseTheDivergingScale() {
        let f = knownFilters(count: 1, channels: 1)   // all values −p/1000 ≤ 0
        let img = HeatmapImage.filter(f.weights, index: 0)
        #expect(img.pixels[0] == ColorScale.diverging.color(at: 0.5))   // zero is the middle
        #expect(img.pixels[8] == RGB(33, 102, 172))                      // the most negative is full blue
    }

    @Test func colourScalesHitTheirEnds() {
        #expect(ColorScale.diverging.color(at: 0) == RGB(33, 102, 172))
        #expect(ColorScale.diverging.color(at: 1) == RGB(178, 24, 43))
        #expect(ColorScale.channel(RGB(255, 0, 0)).color(at: 0.5) == RGB(128, 0, 0))
        #expect(ColorScale.sequential.color(at: .nan) == ColorScale.sequential.color(at: 0.5))
    }
}
