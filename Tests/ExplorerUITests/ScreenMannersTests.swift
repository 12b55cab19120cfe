import AlexNetCore
@testable import ExplorerUI
import Testing

/// Small things a first-time user meets on the screens, each checked against what it should say.
@Suite struct ScreenMannersTests {
    /// A bar as long as its share: in eighths of a cell over 20 cells (160 eighths), conv1's 0.057% of
    /// AlexNet's parameters is the thinnest mark (0.09 eighths, shown as one), conv3's 1.45% is 2 eighths
    /// (2.3), fc6's 61.9% is 12 cells and 3 eighths (99.1); without Unicode whole `#` cells, a sliver `.`.
    @Test func parameterBarsAreProportional() throws {
        let report = try Preset.alexnet.spec.shapeReport()
        func share(_ name: String) -> Double {
            Double(report.layers.first { $0.name == name }!.params) / Double(report.totalParams)
        }
        #expect(abs(share("conv1") - 34_944.0 / 60_965_224) < 1e-12)
        #expect(ParameterTable.bar(share("conv1"), width: 20, unicode: true) == "▏")
        #expect(ParameterTable.bar(share("conv3"), width: 20, unicode: true) == "▎")
        #expect(ParameterTable.bar(share("fc6"), width: 20, unicode: true) == String(repeating: "█", count: 12) + "▍")
        #expect(ParameterTable.bar(share("conv1"), width: 20, unicode: false) == ".")
        #expect(ParameterTable.bar(share("fc6"), width: 20, unicode: false) == String(repeating: "#", count: 12))
        #expect(ParameterTable.bar(0, width: 20, unicode: true) == "")
    }

    /// In a zoomed filter each row of the picture sits on the line of its numbers.
    @Test func zoomedFilterRowsSitOnTheirNumbers() throws {
        var e = try explorer(.alexnet, filters: knownFilters(count: 96, channels: 3, kernel: 11))
        press(&e, "3")
        press(&e, [.enter])
        let grid = render(e, width: 80, height: 24)
        // Picture rows: cells with a background colour at the left of the zoom; number rows: the 11 lines
        // after "values ×1e".
        let unitRow = try #require(grid.find("values ×1e")).y
        let pictureRows = ((unitRow + 1)..<grid.height).filter { y in (1..<23).contains { x in grid[x, y].bg != .default && grid[x, y].character == " " } }
        let unit = try #require(grid.find("values ×1e"))
        let numberRows = Array((unit.y + 1)...(unit.y + 11))
        #expect(Array(pictureRows.prefix(11)) == numberRows, "picture rows \(pictureRows), numbers on \(numberRows)")
    }

    /// Without colour the filters' status line names the ASCII ramp, not blue and red it cannot show; and
    /// 1-channel filters (mini's) offer no RGB view.
    @Test func noColourFooterAndNoRGBForGreyFilters() throws {
        var grey = try explorer(.mini, filters: knownFilters(count: 32, channels: 1, kernel: 5), capabilities: .monochrome)
        press(&grey, "3")
        let text = render(grey, width: 80, height: 24).text
        #expect(!text.contains("blue") && !text.contains("red"), "\(text)")
        #expect(text.contains("ramp \" .:-=+*#%@\" low → high"))
        #expect(!text.contains("v RGB") && !text.contains("(v: RGB)"))
        var rgb = try explorer(.alexnet, filters: knownFilters(count: 96, channels: 3, kernel: 11))
        press(&rgb, "3")
        #expect(render(rgb, width: 80, height: 24).text.contains("v RGB"))
    }
}
