import AlexNetCore
import Testing
@testable import ExplorerUI

@Suite struct FiltersScreenTests {
    @Test func gridShowsEveryFilterInColour() throws {
        var e = try explorer(filters: knownFilters(count: 4, channels: 3, kernel: 3))
        press(&e, "3")
        let grid = render(e, width: 80, height: 24)
        #expect(grid.line(2).hasPrefix(" conv1 filters 4 × 3×3×3  ·  untrained, test pattern"))
        // Four 3×3 filters → 3 columns × 2 rows of ▀ each, pitch 4 (3 + gap).
        #expect(grid.region(x: 1, y: 4, width: 16, height: 3) == ["▀▀▀ ▀▀▀ ▀▀▀ ▀▀▀", "▀▀▀ ▀▀▀ ▀▀▀ ▀▀▀", "0"])
        // Filter 1, pixel 0: all channels 0 in a −0.016…0.016 filter → mid grey (128,128,128) → xterm 244;
        // the pixel below (p = 3): channels −0.006, 0, 0.006 → (80, 128, 176).
        #expect(grid[5, 4].style.fg == .indexed(244))
        #expect(grid[5, 4].style.bg == .indexed(ColorProfile.xterm256(80, 128, 176)))
    }

    @Test func noColourUsesTheRampAndSaysSo() throws {
        var e = try explorer(filters: knownFilters(count: 2, channels: 1, kernel: 3), capabilities: .monochrome)
        press(&e, "3")
        let grid = render(e, width: 80, height: 24)
        // Channel 0 is −p/1000 on a scale symmetric around 0 (±0.008): t = (8 − p)/16, ramp index ⌊10t⌋:
        // p = 0 → 5 "+", 1 → 4 "=", 2, 3 → 3 "-", 4 → 2 ":", 5, 6 → 1 ".", 7, 8 → 0 " ".
        #expect(grid.region(x: 1, y: 4, width: 3, height: 3) == ["+=-", "-:.", "."])
        #expect(grid.text.contains("ramp \" .:-=+*#%@\" low → high"))
        #expect(grid[1, 4].style == .plain)
    }

    @Test func arrowsMoveByRowsAndEnterZooms() throws {
        var e = try explorer(filters: knownFilters(count: 30, channels: 3, kernel: 3))
        press(&e, "3")
        e.resize(width: 80, height: 24)        // 78 columns / pitch 4 → 19 filters per row
        press(&e, [.down, .right])
        guard let screen = e.activeScreen as? FiltersScreen else { Issue.record("screen 3 is filters"); return }
        #expect(screen.selected == 20)
        press(&e, [.enter])
        let grid = render(e, width: 80, height: 24)
        #expect(grid.text.contains("filter 20 (0–29)"))
        #expect(grid.text.contains("colour scale, channel R:"))
        press(&e, [.escape])
        #expect((e.activeScreen as? FiltersScreen)?.zoomed == false)
    }

    @Test func zoomShowsTheNumbersScaled() throws {
        var e = try explorer(filters: knownFilters(count: 2, channels: 3, kernel: 3))
        press(&e, "3"); press(&e, [.right, .enter]); press(&e, "cc")   // filter 1, channel B: +2p/1000
        let grid = render(e, width: 80, height: 24)
        // Max |v| = 0.016 → ×1e4 gives 160, three digits: row p = 0…2 reads 0 20 40.
        #expect(grid.text.contains("channel B values ×1e-4"))
        #expect(grid.text.contains("   0   20   40"))
        #expect(grid.text.contains("  60   80  100"))
        #expect(grid.text.contains(" 120  140  160"))
    }

    @Test func noFiltersSaysSo() throws {
        var e = try explorer()
        press(&e, "3")
        #expect(render(e, width: 80, height: 24).text.contains("No filters"))
    }
}

/// The paper's Figure 3 shows conv1's filters as RGB patches; `v` switches a 3-channel layer to one channel's
/// heatmap (blue < 0 < red over the whole filter's range) and back, `c` picks the channel.
@Suite struct FiltersRGBToggleTests {
    @Test func vSwitchesBetweenRGBPatchesAndOneChannel() throws {
        var e = try explorer(filters: knownFilters(count: 4, channels: 3, kernel: 3))
        press(&e, "3")
        var grid = render(e, width: 80, height: 24)
        #expect(grid.text.contains("RGB, one scale per filter · min → black, max → full colour"))
        // Filter 1, p = 3 in RGB: (−0.006, 0, 0.006) of ±0.016 → (80, 128, 176), as in the grid test above.
        #expect(grid[5, 4].style.bg == .indexed(ColorProfile.xterm256(80, 128, 176)))
        press(&e, "v")
        grid = render(e, width: 80, height: 24)
        #expect(grid.text.contains("channel 0, blue < 0 < red (v: RGB)"))
        // Channel 0 of filter 1 at p = 3 is −0.006 on ±0.016: t = (−0.006 + 0.016) / 0.032 = 0.3125.
        let expected = ColorProfile.xterm256(ColorScale.diverging.color(at: 0.3125).r, ColorScale.diverging.color(at: 0.3125).g,
                                             ColorScale.diverging.color(at: 0.3125).b)
        #expect(grid[5, 4].style.bg == .indexed(expected))
        press(&e, "c")
        grid = render(e, width: 80, height: 24)
        #expect(grid.text.contains("channel 1, blue < 0 < red (v: RGB)"))
        press(&e, "v")
        #expect(render(e, width: 80, height: 24).text.contains("RGB, one scale per filter"))
    }
}
