import AlexNetCore
import Testing
@testable import ExplorerUI

@Suite struct ExplorerTests {
    @Test func numberKeysAndTabSwitchScreens() throws {
        var e = try explorer()
        #expect(e.active == 0)
        press(&e, "6"); #expect(e.active == 5)
        press(&e, [.tab]); #expect(e.active == 0)
        press(&e, [.backTab]); #expect(e.active == 5)
        press(&e, "9"); #expect(e.active == 5)      // no such screen
        press(&e, "2"); #expect(e.activeScreen.title == "What-if")
    }

    @Test func questionMarkShowsEveryKey() throws {
        var e = try explorer()
        press(&e, "?")
        let text = render(e, width: 80, height: 24).text
        #expect(text.contains("Keys: Layers"))
        #expect(text.contains("Tab / Shift-Tab"))
        #expect(text.contains("previous / next layer"))
        press(&e, [.escape])
        #expect(!e.showingHelp)
    }

    @Test func qAndControlCQuit() throws {
        var a = try explorer(), b = try explorer()
        press(&a, "q"); b.update(.control("c"))
        #expect(a.wantsQuit && b.wantsQuit)
    }

    @Test func aTinyWindowSaysSoAndComesBack() throws {
        var e = try explorer()
        var grid = CellGrid(width: 10, height: 4)
        e.resize(width: 10, height: 4)
        e.render(into: &grid)
        #expect(grid.lines == [
            "Too small:",
            "10×4, need",
            " 44×14. q ",
            "  quits.  ",
        ])
        e.resize(width: 80, height: 24)
        grid.resize(width: 80, height: 24)
        e.render(into: &grid)
        #expect(grid.text.contains("conv1  convolution"))
    }

    @Test(arguments: [(1, 1), (0, 0), (3, 2), (43, 30), (44, 14), (200, 60)])
    func everySizeRenders(_ w: Int, _ h: Int) throws {
        for screen in 1...6 {
            var e = try explorer(filters: knownFilters(count: 96, channels: 3, kernel: 11))
            press(&e, "\(screen)")
            press(&e, [.enter, .right, .down])
            let grid = render(e, width: w, height: h)
            #expect(grid.width == w && grid.height == h)
        }
    }

    @Test(arguments: Preset.allCases)
    func everyPresetOpens(_ preset: Preset) throws {
        let grid = render(try explorer(preset), width: 100, height: 30)
        #expect(grid.text.contains("conv1"))
    }

    @Test func monochromeUsesReverseVideoForTheSelection() throws {
        let grid = render(try explorer(capabilities: .monochrome), width: 120, height: 40)
        let cell = grid.cell(at: "conv1 ")!
        #expect(cell.style == CellStyle(bold: true, reverse: true))
        #expect(grid.cells.allSatisfy { $0.fg == .default && $0.bg == .default })
    }

    @Test func benchmarkRendersAFullScreen() {
        let result = RenderBenchmark.heatmapScreen(width: 200, height: 60, frames: 2)
        #expect(result.frames == 2 && result.secondsPerFrame > 0)
        #expect(result.summary.contains("200×60"))
    }
}
