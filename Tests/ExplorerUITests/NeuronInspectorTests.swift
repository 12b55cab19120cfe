import AlexNetCore
import Testing
@testable import ExplorerUI

/// The features screen's inspector at 80×24: a cursor on the map, the receptive field boxed on the
/// input, the unit's arithmetic in the panel — all on the mini network's real forward pass.
@Suite struct NeuronInspectorTests {
    /// mini with its seed-1 weights on a ramp image, as the runtime builds it (one forward, kept).
    static func features(seed: UInt64 = 1) throws -> FeatureSet {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: seed)
        let images = Tensor(shape: [1, 1, 27, 27], data: (0..<729).map { Float($0 % 27) / 27 - 0.5 })
        let logits = net.forward(images, mode: .eval, keepActivations: true)
        let layers = net.report.layers.filter { !$0.output.isFlat }.map { layer in
            (layer.name, net.activations[layer.name]!.reshaped([layer.output.channels, layer.output.height, layer.output.width]))
        }
        return FeatureSet(input: images.reshaped([1, 27, 27]), inputName: "ramp", layers: layers,
                          probabilities: Network.probabilities(logits).data, classNames: FashionMNIST.classNames,
                          explainer: NeuronExplainer(afterForwardOf: net, images: images))
    }

    static func explorer() throws -> Explorer {
        try Explorer(network: Preset.mini.spec, filters: nil, features: try features(), capabilities: .standard)
    }

    @Test func iOpensTheInspectorOnTheMapsMiddleUnit() throws {
        var e = try Self.explorer()
        press(&e, "4i")
        let grid = render(e, width: 80, height: 24)
        #expect(grid.find("conv1 channel 0 at y 13, x 13 (conv)") != nil)
        #expect(grid.find("conv1 ch 0 y 13 x 13") != nil)
        // 5×5 window with padding 2 around (13, 13): rows and cols 11–15 of the image.
        #expect(grid.find("window on input (27×27×1): 5×5 at y 11, x 11,") != nil)
        #expect(grid.find("┌") != nil && grid.find("┘") != nil)
        #expect(grid.find("◆") != nil)
        #expect(grid.find("more ↓") != nil)
        #expect(grid.find("i back") != nil)
    }

    @Test func cursorChannelAndLayerKeys() throws {
        var e = try Self.explorer()
        press(&e, "4i")
        press(&e, [.right, .right, .up])
        #expect(render(e, width: 80, height: 24).find("conv1 channel 0 at y 12, x 15 (conv)") != nil)
        press(&e, "..")
        #expect(render(e, width: 80, height: 24).find("conv1 channel 2 at y 12, x 15 (conv)") != nil)
        // Walking off the map stops at its edge.
        for _ in 0..<40 { press(&e, "l") }
        #expect(render(e, width: 80, height: 24).find("conv1 channel 2 at y 12, x 26 (conv)") != nil)
        // relu1 then norm1 then pool1 (13×13): the cursor keeps its place, scaled: 12·13/27 = 5, 26·13/27 = 12.
        press(&e, "]]]")
        let pool = render(e, width: 80, height: 24)
        #expect(pool.find("pool1 channel 0 at y 5, x 12 (maxpool)") != nil)
        #expect(pool.find("window") != nil)
        press(&e, "i")
        #expect(render(e, width: 80, height: 24).find("(maxpool)") == nil)
    }

    @Test func scrollingReachesTheCheckAgainstTheForwardPass() throws {
        var e = try Self.explorer()
        press(&e, "4i")
        #expect(render(e, width: 80, height: 24).find("value ") == nil)
        press(&e, [.pageDown, .pageDown, .pageDown])
        let grid = render(e, width: 80, height: 24)
        #expect(grid.find("more ↑") != nil)
        #expect(grid.find("value ") != nil && grid.find(", forward pass ") != nil)
        #expect(grid.find("norm1: recomputed ") != nil)
    }

    @Test func lessonsOpenTheInspectorOnAUnit() throws {
        var e = try Self.explorer()
        e.resize(width: 80, height: 24)
        e.inspect(layer: "conv1", channel: 5, y: 10, x: 20)
        let grid = render(e, width: 80, height: 24)
        #expect(grid.find("conv1 channel 5 at y 10, x 20 (conv)") != nil)
        #expect(grid.find("receptive field on the image: rows 8–12, cols") != nil)
    }

    @Test func asciiTerminalsGetPlainBoxAndCursor() throws {
        var e = try Explorer(network: Preset.mini.spec, filters: nil, features: try Self.features(), capabilities: .ascii)
        press(&e, "4i")
        let grid = render(e, width: 80, height: 24)
        #expect(grid.find("@") != nil)
        #expect(grid.find("┌") == nil && grid.find("◆") == nil)
    }

    @Test func narrowColumnsKeepTheirCaptionsWhole() throws {
        // At 60 columns (as beside a lesson's narrative) the left column is 20 wide.
        var e = try Self.explorer()
        press(&e, "4i")
        let grid = render(e, width: 60, height: 24)
        #expect(grid.find("receptive field") != nil && grid.find("receptive f…") == nil)
        #expect(grid.find("ch 0 y 13 x 13") != nil)
        #expect(grid.find("conv1 channel 0 at y 13, x 13") != nil)
    }

    @Test func newWeightsReachTheOpenInspector() throws {
        // The engine's next forward pass (here: other weights, as after training steps) replaces the numbers.
        var e = try Self.explorer()
        press(&e, "4i")
        func sumLine(_ grid: CellGrid) -> String? { grid.lines.first { $0.contains("Σ = ") } }
        press(&e, [.pageDown])
        let before = try #require(sumLine(render(e, width: 80, height: 24)))
        e.apply(.features(try Self.features(seed: 2), weightsVersion: 0))
        let after = try #require(sumLine(render(e, width: 80, height: 24)))
        #expect(before != after)
        #expect(render(e, width: 80, height: 24).find("conv1 ch 0 y 13 x 13") != nil)
    }
}
