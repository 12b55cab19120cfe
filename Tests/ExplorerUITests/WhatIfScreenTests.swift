import AlexNetCore
import Testing
@testable import ExplorerUI

@Suite struct WhatIfScreenTests {
    func whatIf() throws -> WhatIfScreen {
        let net = Preset.alexnet.spec
        return WhatIfScreen(network: net, report: try net.shapeReport())
    }

    @Test func strideFiveOnConv1ChangesEveryShapeDownstream() throws {
        var s = try whatIf()
        s.update("S")
        // conv1: ⌊(227 − 11)/5⌋ + 1 = 43 + 1 = 44, 216 mod 5 = 1 left over; pool1: ⌊(44 − 3)/2⌋ + 1 = 21.
        let layers = try #require(s.report).layers
        #expect(layers[0].output == FeatureShape(channels: 96, height: 44, width: 44))
        #expect(layers[3].output == FeatureShape(channels: 96, height: 21, width: 21))
        var grid = CellGrid(width: 120, height: 40)
        s.render(into: &grid, area: Rect(x: 1, y: 2, width: 118, height: 37), theme: Theme(.standard))
        let text = grid.text
        #expect(text.contains("224×224×3") == false)
        #expect(text.contains("stride 5"))
        #expect(text.contains("227×227×3 → 44×44×96  (preset: 55×55×96)"))
        #expect(text.contains("not exact: 216/5 leaves 1;"))
        #expect(text.contains("pool1   27×27×96    21×21×96"))
        // The changed stride is drawn in the "changed" colour.
        #expect(grid.cell(at: "5 [s/S]")!.style == Theme(.standard).changed)
    }

    @Test func theFamous224Puzzle() throws {
        var s = try whatIf()
        for _ in 0..<3 { s.update("i") }
        #expect(s.network.input.height == 224)
        var grid = CellGrid(width: 120, height: 40)
        s.render(into: &grid, area: Rect(x: 1, y: 2, width: 118, height: 37), theme: Theme(.standard))
        // (224 − 11)/4 = 53.25: 213 = 53·4 + 1.
        #expect(grid.text.contains("= ⌊213/4⌋ + 1"))
        #expect(grid.text.contains("! not exact: 213/4 leaves 1;"))
        #expect(grid.text.contains("224×224×3 → 54×54×96"))
    }

    @Test func anImpossibleKernelIsShownInPlace() throws {
        var s = try whatIf()
        for _ in 0..<217 { s.update("K") }   // kernel 11 + 217 = 228 > 227
        #expect(s.report == nil)
        #expect(s.error?.layer == "conv1")
        var grid = CellGrid(width: 120, height: 40)
        s.render(into: &grid, area: Rect(x: 1, y: 2, width: 118, height: 37), theme: Theme(.standard))
        #expect(grid.text.contains("✗ kernel 228 is larger than the padded input 227 (227 + 2·0)"))
        #expect(grid.text.contains("conv2   27×27×256   ?"))
        s.update("r")
        #expect(s.report?.layers[0].output.height == 55)
        #expect(s.error == nil)
    }

    @Test func aLaterErrorKeepsTheLayersBeforeIt() throws {
        var s = try whatIf()
        let pool5 = Preset.alexnet.spec.layers.firstIndex { $0.name == "pool5" }!
        for _ in 0..<pool5 { s.update(.right) }
        for _ in 0..<11 { s.update("K") }    // pool kernel 14 > 13
        #expect(s.error?.layer == "pool5")
        var grid = CellGrid(width: 120, height: 40)
        s.render(into: &grid, area: Rect(x: 1, y: 2, width: 118, height: 37), theme: Theme(.standard))
        #expect(grid.text.contains("conv5   13×13×256   13×13×256"))
        #expect(grid.text.contains("pool5   6×6×256     ✗"))
    }

    @Test func onlyConvAndPoolLayersAreEditable() throws {
        var s = try whatIf()
        s.update(.right)   // relu1
        s.update("K")
        #expect(s.network == Preset.alexnet.spec)
        var grid = CellGrid(width: 120, height: 40)
        s.render(into: &grid, area: Rect(x: 1, y: 2, width: 118, height: 37), theme: Theme(.standard))
        #expect(grid.text.contains("not editable"))
    }

    @Test func paddingCannotGoNegativeNorStrideBelowOne() throws {
        var s = try whatIf()
        s.update("p"); s.update("s"); s.update("s"); s.update("s"); s.update("s")
        guard case .conv(let c) = s.network.layers[0].kind else { Issue.record("conv1 is a conv"); return }
        #expect(c.padding == 0 && c.stride == 1)
    }
}
