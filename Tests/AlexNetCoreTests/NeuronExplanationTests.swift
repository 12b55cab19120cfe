#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import AlexNetCore

@Suite struct NeuronExplanationTests {
    /// Every kind the inspector explains: a strided, padded conv; a grouped conv; ReLU, LRN, pooling,
    /// linear layers and softmax — small enough to check every unit.
    static let small = NetworkSpec(name: "small", input: InputShape(channels: 3, height: 11, width: 11), layers: [
        LayerSpec(name: "conv1", kind: .conv(ConvSpec(outChannels: 6, kernel: 3, stride: 2, padding: 1))),
        LayerSpec(name: "relu1", kind: .activation(.relu)),
        LayerSpec(name: "norm1", kind: .lrn(LRNSpec(size: 5, alpha: 0.5, beta: 0.75, k: 2))),
        LayerSpec(name: "pool1", kind: .maxpool(PoolSpec(kernel: 3, stride: 2, padding: 1))),
        LayerSpec(name: "conv2", kind: .conv(ConvSpec(outChannels: 4, kernel: 3, stride: 1, padding: 1, groups: 2))),
        LayerSpec(name: "tanh2", kind: .activation(.tanh)),
        LayerSpec(name: "flatten", kind: .flatten),
        LayerSpec(name: "fc3", kind: .linear(out: 5)),
        LayerSpec(name: "relu3", kind: .activation(.relu)),
        LayerSpec(name: "fc4", kind: .linear(out: 3)),
        LayerSpec(name: "prob", kind: .softmax),
    ])

    static func explainer(_ spec: NetworkSpec = small, seed: UInt64 = 5) throws -> NeuronExplainer {
        let net = try Network(spec: spec, initialization: .he, seed: seed)
        // Biases away from zero, so that the bias term is really checked.
        for p in net.parameters where p.name.hasSuffix(".bias") {
            p.value = GradientCheck.randomTensor(p.value.shape, seed: seed + 1)
        }
        let i = spec.input
        return NeuronExplainer(network: net, images: GradientCheck.randomTensor([1, i.channels, i.height, i.width], seed: seed + 2))
    }

    /// Within 1e-5 relative; values that are 0 in the forward pass (a ReLU's zeros) within 1e-6 absolute.
    static func agrees(_ c: NeuronCheck) -> Bool {
        abs(c.difference) <= 1e-5 * abs(c.forward) || abs(c.difference) <= 1e-6
    }

    @Test(arguments: ["conv1", "relu1", "norm1", "pool1", "conv2", "tanh2", "flatten", "fc3", "relu3", "fc4", "prob"])
    func everyUnitEqualsTheForwardPass(layer: String) throws {
        let e = try Self.explainer()
        let out = e.report.layer(named: layer)!.output
        var checked = 0
        for c in 0..<out.channels { for y in 0..<out.height { for x in 0..<out.width {
            let explained = try e.explain(NeuronUnit(layer: layer, channel: c, y: y, x: x))
            #expect(!explained.checks.isEmpty)
            for check in explained.checks {
                #expect(Self.agrees(check), "\(layer) (\(c), \(y), \(x)) at \(check.layer): \(check.recomputed) vs \(check.forward)")
                checked += 1
            }
        } } }
        #expect(checked >= out.count)
    }

    @Test func convUnitWritesOutItsSumBiasReLUAndLRN() throws {
        let e = try Self.explainer().explain(NeuronUnit(layer: "conv1", channel: 2, y: 0, x: 3))
        #expect(e.terms == 3 * 3 * 3)
        #expect(e.group == nil)
        // Stride 2, padding 1: unit (0, 3) starts at row −1, column 5.
        #expect(e.window == UnitWindow(y0: -1, x0: 5, size: 3, stride: 2, padding: 1, clipped: PixelBox(y0: 0, y1: 1, x0: 5, x1: 7)))
        // Row −1 is padding: 3 columns × 3 channels of products that are 0, counted but not shown.
        #expect(e.paddingTerms == 9)
        #expect(e.shownTerms.count == NeuronExplainer.shownProducts)
        #expect(e.shownTerms.allSatisfy { $0.y >= 0 } && e.shownTerms[0].y == 0 && e.shownTerms[0].x == 5)
        #expect(abs(e.preActivation! - (e.sum! + e.bias!)) < 1e-12)
        #expect(e.checks.map(\.layer) == ["conv1", "relu1", "norm1"])
        #expect(e.activation?.output == max(0, e.preActivation!))
        let lrn = try #require(e.lrn)
        // Channel 2 with size 5 sees channels 0–4.
        #expect(lrn.neighbours.map(\.channel) == [0, 1, 2, 3, 4])
        let squares = lrn.neighbours.reduce(0) { $0 + $1.value * $1.value }
        #expect(abs(lrn.output - lrn.input / pow(2 + 0.5 * squares, 0.75)) < 1e-12)
        #expect(e.patch?.shape == [3, 3, 3] && e.kernel?.shape == [3, 3, 3])
    }

    @Test func groupedConvSeesOnlyItsGroupsChannels() throws {
        let e = try Self.explainer().explain(NeuronUnit(layer: "conv2", channel: 3, y: 1, x: 1))
        // 6 input channels in 2 groups; output channel 3 of 4 is in the second group: channels 3–5.
        #expect(e.group == GroupSlice(groups: 2, group: 1, channels: 3..<6))
        #expect(e.terms == 3 * 3 * 3)
        #expect(e.shownTerms.allSatisfy { (3..<6).contains($0.channel) })
        #expect(e.checks.map(\.layer) == ["conv2", "tanh2"])
    }

    @Test func poolUnitNamesTheWinner() throws {
        let e = try Self.explainer().explain(NeuronUnit(layer: "pool1", channel: 1, y: 1, x: 1))
        let pool = try #require(e.pool)
        let all = pool.values.flatMap { $0 }
        #expect(pool.value == all.max())
        // Window rows 1–3, cols 1–3 of norm1 (stride 2, padding 1).
        #expect(e.window?.clipped == PixelBox(y0: 1, y1: 3, x0: 1, x1: 3))
        #expect(pool.values[pool.y - 1][pool.x - 1] == pool.value)
    }

    @Test func linearUnitListsItsLargestContributions() throws {
        let e = try Self.explainer().explain(NeuronUnit(layer: "fc3", channel: 4))
        #expect(e.terms == 4 * 3 * 3)
        let shown = e.shownTerms.map { abs($0.product) }
        #expect(shown == shown.sorted(by: >))
        #expect(e.receptiveField == PixelBox(y0: 0, y1: 10, x0: 0, x1: 10))
    }

    @Test func softmaxSumsItsExponentials() throws {
        let e = try Self.explainer().explain(NeuronUnit(layer: "prob", channel: 1))
        let s = try #require(e.softmax)
        #expect(s.classes == 3)
        #expect(abs(s.sum - s.exponentials.reduce(0) { $0 + $1.exponential }) < 1e-12)
        #expect(abs(e.value - exp(s.logit - s.maxLogit) / s.sum) < 1e-12)
    }

    @Test func outOfRangeUnitsNameTheValidRange() throws {
        let e = try Self.explainer()
        #expect(throws: NeuronError(message: "channel 6 is out of range for conv1 (6 channels: 0–5)")) {
            try e.explain(NeuronUnit(layer: "conv1", channel: 6, y: 0, x: 0))
        }
        #expect(throws: NeuronError(message: "y 6 is out of range for conv1 (6×6×6 output: y 0–5)")) {
            try e.explain(NeuronUnit(layer: "conv1", channel: 0, y: 6, x: 0))
        }
        #expect(throws: NeuronError(message: "x -1 is out of range for conv1 (6×6×6 output: x 0–5)")) {
            try e.explain(NeuronUnit(layer: "conv1", channel: 0, y: 0, x: -1))
        }
        #expect(throws: NeuronError.self) { try e.explain(NeuronUnit(layer: "conv9", channel: 0)) }
    }

    // MARK: - Windows and receptive fields, worked by hand

    /// (layer, y, x) → the window's clipped rows on the layer's input, and the receptive field's rows on the image.
    @Test(arguments: [
        // conv1: 11×11, stride 4, no padding: unit 0 sees rows 0–10; unit 54 sees 216–226.
        ("conv1", 0, 0, 0...10, 0...10),
        ("conv1", 54, 54, 216...226, 216...226),
        // pool1 (3, stride 2) unit 1 sees conv1 rows 2–4, i.e. image rows 8–26.
        ("pool1", 1, 1, 2...4, 8...26),
        // conv2 (5, padding 2) unit 0: pool1 rows −2…2 → 0–2 → conv1 rows 0–6 → image rows 0–34.
        ("conv2", 0, 0, 0...2, 0...34),
        // norm1 keeps the position: conv1 unit 3 → image rows 12–22.
        ("norm1", 3, 3, 3...3, 12...22),
    ])
    func alexnetWindowsAndReceptiveFields(layer: String, y: Int, x: Int, window: ClosedRange<Int>, field: ClosedRange<Int>) throws {
        let report = try Preset.alexnet.spec.shapeReport()
        let index = try report.checkedIndex(of: NeuronUnit(layer: layer, channel: 0, y: y, x: x))
        let w = report.window(ofLayer: index, y: y, x: x)
        let box = w?.clipped ?? PixelBox(y0: y, y1: y, x0: x, x1: x)
        #expect(box.y0...box.y1 == window && box.x0...box.x1 == window)
        let rf = report.receptiveField(ofLayer: index, y: y, x: x)
        #expect(rf.y0...rf.y1 == field && rf.x0...rf.x1 == field)
    }

    @Test func paddedFirstLayerWindowStartsInThePadding() throws {
        // torchvision's conv1: 11×11, stride 4, padding 2: unit 0 starts at −2 and sees image rows 0–8.
        let report = try Preset.torchvision.spec.shapeReport()
        #expect(report.window(ofLayer: 0, y: 0, x: 0) == UnitWindow(y0: -2, x0: -2, size: 11, stride: 4, padding: 2,
                                                                     clipped: PixelBox(y0: 0, y1: 8, x0: 0, x1: 8)))
        #expect(report.receptiveField(ofLayer: 0, y: 0, x: 0) == PixelBox(y0: 0, y1: 8, x0: 0, x1: 8))
        let fc6 = report.layers.firstIndex { $0.name == "fc6" }!
        #expect(report.receptiveField(ofLayer: fc6, y: 0, x: 0) == PixelBox(y0: 0, y1: 223, x0: 0, x1: 223))
    }

    @Test func miniPresetConvUnitsMatchTheForwardPass() throws {
        // The shipped small network, LRN with the paper's constants, grouped conv2.
        let e = try Self.explainer(Preset.mini.spec, seed: 9)
        for (layer, c, y, x) in [("conv1", 5, 10, 20), ("conv2", 40, 6, 0), ("conv5", 63, 5, 5), ("pool5", 3, 1, 1), ("fc8", 9, 0, 0)] {
            let explained = try e.explain(NeuronUnit(layer: layer, channel: c, y: y, x: x))
            for check in explained.checks { #expect(Self.agrees(check), "\(layer): \(check)") }
        }
        let conv2 = try e.explain(NeuronUnit(layer: "conv2", channel: 40, y: 6, x: 0))
        #expect(conv2.group == GroupSlice(groups: 2, group: 1, channels: 16..<32))
        #expect(conv2.terms == 16 * 9)
    }
}
