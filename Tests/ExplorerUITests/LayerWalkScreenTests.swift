import AlexNetCore
import Testing
@testable import ExplorerUI

@Suite struct LayerWalkScreenTests {
    @Test func opensOnConv1WithItsFormulaStepByStep() throws {
        let grid = render(try explorer(), width: 120, height: 40)
        // (227 − 11 + 0)/4 = 54, + 1 = 55: worked by hand, not by the code under test.
        #expect(grid.region(x: 1, y: 6, width: 62, height: 11) == [
            "conv1  convolution",
            "227×227×3 → 55×55×96",
            "96 filters 11×11×3, stride 4, padding 0",
            "Output size (height = width):",
            "  out = ⌊(W − F + 2P)/S⌋ + 1",
            "      = ⌊(227 − 11 + 2·0)/4⌋ + 1",
            "      = ⌊216/4⌋ + 1",
            "      = 54 + 1 = 55",
            "  exact: 216 = 54·4, every pixel is used",
            "Parameters  34,944  (weights 96·3·11·11)",
            "  = 34,848 weights + 96 biases",
        ])
        #expect(grid.line(0).hasPrefix(" AlexNet Explorer   1 Layers   2 What-if   3 Filters "))
        #expect(grid.line(3).hasPrefix(" 227×227×3 → 55×55×96 → 55×55×96 → 55×55×96 → 27×27×96 → 27×27×256"))
    }

    @Test func stepsToConv2WithTheArrowKeysAndShowsTheGPUSplit() throws {
        var e = try explorer()
        press(&e, [.right, .right, .right, .right])   // relu1, norm1, pool1, conv2
        let grid = render(e, width: 120, height: 40)
        let text = grid.text
        #expect(text.contains("conv2  convolution"))
        #expect(text.contains("27×27×96 → 27×27×256"))
        #expect(text.contains("= ⌊(27 − 5 + 2·2)/1⌋ + 1"))        // (27 − 5 + 4)/1 + 1 = 27
        #expect(text.contains("Parameters  307,456"))                // 256·48·25 + 256
        #expect(text.contains("2×128 filters; each GPU reads only its own 48 maps"))
        #expect(text.contains("Receptive   51×51"))                  // 11 + (3−1)·4 + (5−1)·8
        // The selected block is drawn in the selection colour.
        let shapeCell = grid.cell(at: "conv2 ")!
        #expect(shapeCell.style == Theme(.standard).selected)
    }

    @Test func conv3TalksAcrossGPUsAndFc6HoldsMostParameters() throws {
        var e = try explorer()
        press(&e, "cc")    // conv2, conv3 (c jumps between learned layers, from conv1)
        #expect(render(e, width: 120, height: 40).text.contains("2×192 filters; each reads all 256 maps (both GPUs)"))
        press(&e, "ccc")   // conv4, conv5, fc6
        let text = render(e, width: 120, height: 40).text
        #expect(text.contains("fc6  fully connected"))
        #expect(text.contains("Parameters  37,752,832"))             // 9216·4096 + 4096
        #expect(text.contains("fc6        37.8M"))         // one decimal, as NumberText.short spells it everywhere
        #expect(text.contains("61.9%"))   // 37,752,832 / 60,965,224
        #expect(text.contains("Where the 60,965,224 parameters live"))
        // The table's % is each layer's own share, as its bar and the panel's "61.9% of all parameters" are:
        // fc7 holds 16,781,312 / 60,965,224 = 27.5% (its running total would be 93.4%).
        let rows = text.split(separator: "\n")
        #expect(rows.contains { $0.contains("layer     params   so far  share") }, "\(text)")
        #expect(rows.contains { $0.contains("fc6 ") && $0.contains("61.9%") && $0.contains("█") })
        #expect(rows.contains { $0.contains("fc7 ") && $0.contains("27.5%") && !$0.contains("93.4%") })
    }

    @Test(arguments: [
        ("relu1", "6× faster"), ("norm1", "1.4%/1.2%"), ("pool1", "0.4%/0.3%"), ("drop6", "doubles the iterations to converge"),
        ("conv1", "253,440"), ("conv1", "55·55·96 = 290,400"), ("conv1", "213/4 leaves 1"),
    ])
    func explanationsQuoteThePaper(_ layer: String, _ fact: String) throws {
        var e = try explorer()
        let index = Preset.alexnet.spec.layers.firstIndex { $0.name == layer }!
        press(&e, Array(repeating: Key.right, count: index))
        #expect(render(e, width: 120, height: 50).text.contains(fact))
    }

    /// LRN's constants read as a config writes them, as `alexnet neuron` and the LRN quiz write them (the
    /// walk once said α = 1e-4): the paper's k = 2, n = 5, α = 10⁻⁴, β = 0.75.
    @Test func lrnConstantsReadAsWritten() throws {
        let report = try Preset.alexnet.spec.shapeReport()
        let index = try #require(report.layers.firstIndex { $0.name == "norm1" })
        #expect(LayerExplanation.explanation(for: index, in: report).contains("k = 2, n = 5, α = 0.0001, β = 0.75"))
    }

    @Test func theWalkStopsAtBothEnds() throws {
        var screen = LayerWalkScreen(report: try Preset.alexnet.spec.shapeReport())
        screen.update(.left)
        #expect(screen.current.name == "conv1")
        for _ in 0..<100 { screen.update("l") }
        #expect(screen.current.name == "prob")
        screen.update(.home)
        #expect(screen.selected == 0)
    }

    @Test func fitsIn80x24() throws {
        var e = try explorer()
        let grid = render(e, width: 80, height: 24)
        #expect(grid.line(6).hasPrefix(" conv1  convolution"))
        #expect(grid.text.contains("more ↓"))
        #expect(grid.line(23).contains("q quit"))
        // The parameter table is below the explanation: one page down reaches it.
        e.resize(width: 80, height: 24)
        e.update("J")
        #expect(render(e, width: 80, height: 24).text.contains("fc6"))
    }
}
