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

    /// At every size each screen shows what it must: from 44×14 up, the tab bar names the active screen and
    /// the network, and the key line ends with "q quit"; below it, nothing but the words of the "too small"
    /// message (all of it once the window holds it), never a screen's content cut to pieces.
    @Test(arguments: [(1, 1), (0, 0), (3, 2), (10, 4), (43, 30), (44, 14), (200, 60)])
    func everySizeRenders(_ w: Int, _ h: Int) throws {
        let titles = ["Layers", "What-if", "Filters", "Features", "Training", "ReLU vs tanh"]
        for screen in 1...6 {
            var e = try explorer(filters: knownFilters(count: 96, channels: 3, kernel: 11))
            press(&e, "\(screen)")
            press(&e, [.enter, .right, .down])
            let grid = render(e, width: w, height: h)
            let lines = grid.region(x: 0, y: 0, width: w, height: h)
            if w >= 44 && h >= 14 {
                #expect(lines[0].contains("\(screen) \(titles[screen - 1])") && lines[0].hasSuffix("alexnet"),
                        "screen \(screen) at \(w)×\(h): \(lines[0])")
                #expect(lines[h - 1].hasSuffix("q quit"), "screen \(screen) at \(w)×\(h): \(lines[h - 1])")
                continue
            }
            let message = "Too small: \(w)×\(h), need 44×14. q quits."
            let shown = lines.joined(separator: " ").split(separator: " ").map(String.init)
            let words = message.split(separator: " ").map(String.init)
            // A window narrower than a word shows the word's start: every piece shown is a piece of the message.
            #expect(shown.allSatisfy { message.contains($0) }, "screen \(screen) at \(w)×\(h): \(lines)")
            if w >= message.count + 2 { #expect(lines.contains { $0.contains(message) }, "\(lines)") }
            if w >= 10 && h >= 4 { #expect(shown == words, "screen \(screen) at \(w)×\(h): \(lines)") }
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

    /// The benchmark times what it says: a 200×60 filters screen with every one of the 96 filters drawn. An
    /// 11×11 filter in half blocks is 11 cells wide and ⌈11/2⌉ = 6 rows high; with a gap column, 16 fit across
    /// 200 columns, so 6 rows of 16 hold all 96 in 6 × 7 = 42 of the 60 rows: 96 × 66 = 6,336 half-block cells.
    @Test func benchmarkRendersAFullScreen() {
        let result = RenderBenchmark.heatmapScreen(width: 200, height: 60, frames: 2)
        #expect(result.frames == 2 && result.secondsPerFrame > 0)
        #expect(result.summary.contains("200×60"))
        let halfBlocks = result.frame.cells.filter { $0.character == "▀" }.count
        #expect(halfBlocks == 96 * 11 * 6, "\(halfBlocks) half-block cells")
        #expect(result.frame.text.contains("95"), "the last filter's number shows when it is selected or listed")
    }
}
