import AlexNetCore
import Testing
@testable import ExplorerUI

@Suite struct NeuronPanelTests {
    /// 1×3×3 input 1…9, one 2×2 filter [1 2; 3 4], bias 0.5: unit (0, 0) is 1·1 + 2·2 + 4·3 + 5·4 + 0.5 = 37.5.
    static func tiny() throws -> NeuronExplanation {
        let spec = NetworkSpec(name: "tiny", input: InputShape(channels: 1, height: 3, width: 3), layers: [
            LayerSpec(name: "conv1", kind: .conv(ConvSpec(outChannels: 1, kernel: 2))),
            LayerSpec(name: "relu1", kind: .activation(.relu)),
        ])
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        net.parameter(named: "features.0.weight")!.value = Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4])
        net.parameter(named: "features.0.bias")!.value = Tensor(shape: [1], data: [0.5])
        let images = Tensor(shape: [1, 1, 3, 3], data: (1...9).map(Float.init))
        return try NeuronExplainer(network: net, images: images).explain(NeuronUnit(layer: "conv1", channel: 0, y: 0, x: 0))
    }

    static let tinyLines = [
        "conv1 channel 0 at y 0, x 0 (conv)",
        "window on input (3×3×1): 2×2 at y 0, x 0,",
        "  stride 1, padding 0",
        "  clipped to input: rows 0–1, cols 0–1",
        "receptive field on the image: rows 0–1,",
        "  cols 0–1 (2×2 pixels)",
        "sum of 4 products (C·F·F = 1·2·2), input ×",
        "  weight:",
        "  x[0,0,0] × w = 1.000 × 1.000 = 1.000",
        "  x[0,0,1] × w = 2.000 × 2.000 = 4.000",
        "  x[0,1,0] × w = 4.000 × 3.000 = 12.00",
        "  x[0,1,1] × w = 5.000 × 4.000 = 20.00",
        "  Σ = 37.00",
        "  + bias 0.5000 = pre-activation 37.50",
        "relu1: ReLU(37.50) = 37.50",
        "value 37.50, forward pass 37.50,",
        "  difference 0",
        "  conv1: recomputed 37.50, forward 37.50,",
        "    difference 0",
        "  relu1: recomputed 37.50, forward 37.50,",
        "    difference 0",
    ]

    @Test func linesAreTheSumWithTheRealNumbersWrappedToTheWidth() throws {
        let panel = NeuronPanel(explanation: try Self.tiny())
        #expect(panel.textLines(width: 42) == Self.tinyLines)
    }

    @Test func heatmapsSideBySideThenTextWithAMoreMark() throws {
        let panel = NeuronPanel(explanation: try Self.tiny())
        var grid = CellGrid(width: 42, height: 12)
        panel.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        // Captions, then the 2×2 patch and kernel as one row of half blocks each.
        #expect(grid.region(x: 0, y: 0, width: 42, height: 2) == ["input  kernel", "▀▀     ▀▀"])
        // Ten text rows: nine lines and the mark naming how many lines are below.
        #expect(grid.region(x: 0, y: 2, width: 42, height: 9) == Array(Self.tinyLines.prefix(9)))
        #expect(grid.line(11).hasSuffix("more ↓ 12 lines"))
        // The patch's brightest pixel is 5 (bottom right), the kernel's most positive weight 4.
        #expect(grid[1, 1].style.bg != grid[0, 1].style.bg)
    }

    @Test func scrollingReachesTheLastLineWithAMoreUpMark() throws {
        var panel = NeuronPanel(explanation: try Self.tiny())
        let area = Rect(x: 0, y: 0, width: 42, height: 12)
        panel.scroll(by: 100, area: area, capabilities: .standard)
        var grid = CellGrid(width: 42, height: 12)
        panel.render(into: &grid, area: area, theme: Theme(.standard))
        #expect(grid.line(2).hasSuffix("more ↑"))
        #expect(grid.region(x: 0, y: 3, width: 42, height: 9) == Array(Self.tinyLines.suffix(9)))
        panel.scroll(by: -100, area: area, capabilities: .standard)
        #expect(panel.offset == 0)
    }

    @Test func asciiTerminalsGetTheRampAndFitAt80x24() throws {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        let images = Tensor(shape: [1, 1, 27, 27], data: (0..<729).map { Float($0 % 27) / 27 })
        let e = try NeuronExplainer(network: net, images: images).explain(NeuronUnit(layer: "conv2", channel: 40, y: 6, x: 0))
        let panel = NeuronPanel(explanation: e)
        var grid = CellGrid(width: 80, height: 24)
        panel.render(into: &grid, area: Rect(x: 40, y: 2, width: 40, height: 22), theme: Theme(.ascii))
        // 3×3 heatmaps, one character per pixel, captions naming the strongest channel of the group (16–31).
        let captions = grid.line(2)
        #expect(captions.contains("input ch ") && captions.contains("kernel ch "))
        #expect(grid.find("grouped conv: group 2 of 2") != nil)
        #expect(grid.find("heatmaps: channel ") != nil && grid.find("of the 16") != nil)
        #expect(grid.line(23).contains("more ↓"))
        #expect(panel.textLines(width: 40).allSatisfy { $0.count <= 40 })
        // Nothing is drawn left of the panel.
        #expect(grid.region(x: 0, y: 0, width: 40, height: 24).allSatisfy { $0.isEmpty })
    }
}
