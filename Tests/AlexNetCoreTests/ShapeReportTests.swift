import Foundation
import Testing
@testable import AlexNetCore

/// Figures checked against values known independently of this code: the paper, torchvision's
/// published parameter count, and arithmetic written out here.
@Suite struct ShapeReportTests {
    @Test(arguments: [
        (Preset.alexnet, 60_965_224), (.alexnet1tower, 62_378_344), (.torchvision, 61_100_840),
    ])
    func totalParameters(preset: Preset, expected: Int) throws {
        #expect(try preset.spec.shapeReport().totalParams == expected)
    }

    @Test func multiplyAccumulates() throws {
        #expect(try Preset.alexnet1tower.spec.shapeReport().totalMACs == 1_135_256_096)
        let paper = try Preset.alexnet.spec.shapeReport()
        #expect(paper.totalMACs == 724_406_816)
        #expect(paper.layer(named: "conv2")?.macs == 223_948_800)
        // conv2 in two towers: each of 27·27·128 outputs sums over 48 channels × 5×5.
        #expect(paper.layer(named: "conv2")?.macs == 2 * (27 * 27 * 128) * (48 * 25))
    }

    @Test func shapesFollowThePaper() throws {
        let r = try Preset.alexnet.spec.shapeReport()
        let chain = ["conv1", "pool1", "conv2", "pool2", "conv3", "conv4", "conv5", "pool5", "flatten", "fc6", "fc7", "fc8"]
            .map { r.layer(named: $0)!.output.description }
        #expect(r.input.description == "227×227×3")
        #expect(chain == ["55×55×96", "27×27×96", "27×27×256", "13×13×256", "13×13×384", "13×13×384",
                          "13×13×256", "6×6×256", "9216", "4096", "4096", "1000"])
    }

    @Test func activationsOfTheLearnedLayers() throws {
        let r = try Preset.alexnet1tower.spec.shapeReport()
        let learned = r.layers.filter { $0.kind.isLearned }.map(\.activations)
        #expect(learned == [290_400, 186_624, 64_896, 64_896, 43_264, 4_096, 4_096, 1_000])
        #expect(r.layer(named: "conv1")!.activationBytes == 290_400 * 4)
    }

    @Test func receptiveFieldOfPool5() throws {
        let r = try Preset.alexnet.spec.shapeReport()
        #expect(r.layer(named: "pool5")?.receptiveField == 195)
        #expect(r.layer(named: "pool5")?.jump == 32)
        #expect(r.layer(named: "conv1")?.receptiveField == 11)
        #expect(r.layer(named: "conv2")?.receptiveField == 51)
    }

    @Test func groupsHalveTheWeightsNotTheBiases() throws {
        let r = try Preset.alexnet.spec.shapeReport()
        let conv2 = try #require(r.layer(named: "conv2"))
        #expect(conv2.weights == 256 * 48 * 5 * 5)
        #expect(conv2.biases == 256)
        #expect(r.layer(named: "fc6")?.params == 9216 * 4096 + 4096)
    }

    @Test func namesFollowThePaper() throws {
        let names = Preset.alexnet.spec.layers.map(\.name)
        #expect(names == ["conv1", "relu1", "norm1", "pool1", "conv2", "relu2", "norm2", "pool2",
                          "conv3", "relu3", "conv4", "relu4", "conv5", "relu5", "pool5", "flatten",
                          "fc6", "relu6", "drop6", "fc7", "relu7", "drop7", "fc8", "prob"])
    }

    /// The paper drops fc6's and fc7's outputs (§4.2; Caffe's drop6 after relu6); torchvision drops
    /// their inputs. Each preset follows its source, and the names say which layer is dropped.
    @Test func dropoutFollowsEachSourcesOrder() throws {
        for preset in [Preset.alexnet, .alexnet1tower] {
            let names = preset.spec.layers.map(\.name)
            #expect(Array(names.suffix(9)) == ["flatten", "fc6", "relu6", "drop6", "fc7", "relu7", "drop7", "fc8", "prob"], "\(preset)")
        }
        let torch = Preset.torchvision.spec.layers.map(\.name)
        #expect(Array(torch.suffix(9)) == ["flatten", "drop6", "fc6", "relu6", "drop7", "fc7", "relu7", "fc8", "prob"])
        let r = try Preset.alexnet.spec.shapeReport()
        #expect(r.layer(named: "drop6")?.input == FeatureShape(flat: 4096))
        #expect(r.layer(named: "drop7")?.input == FeatureShape(flat: 4096))
    }

    @Test func everyPresetIsValid() throws {
        for preset in Preset.allCases { _ = try preset.spec.shapeReport() }
        let mini = try Preset.mini.spec.shapeReport()
        #expect(mini.output == FeatureShape(flat: 10))
        #expect(mini.layers.filter { $0.kind.isLearned }.count == 8)
    }

    @Test func inexactTilingIsReported() throws {
        var spec = Preset.alexnet1tower.spec
        spec.input = InputShape(channels: 3, height: 224, width: 224)
        let conv1 = try #require(try spec.shapeReport().layer(named: "conv1"))
        #expect(conv1.output.description == "54×54×96")
        #expect(!conv1.isExact)
        #expect(conv1.formula?.droppedPixels == 1)
    }

    @Test func tanhSwapKeepsWeightsAndRenames() throws {
        let tanh = Preset.mini.spec.replacingActivations(with: .tanh)
        #expect(tanh.layers.contains { $0.name == "tanh1" && $0.kind == .activation(.tanh) })
        #expect(!tanh.layers.contains { $0.kind == .activation(.relu) })
        #expect(try tanh.shapeReport().totalParams == Preset.mini.spec.shapeReport().totalParams)
    }
}

@Suite struct SizeFormulaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var w, f, p, s: Int
        var rounding: PoolRounding = .floor
        var out: Int
        var exact: Bool
        var dropped: Int
        var testDescription: String { "W\(w) F\(f) P\(p) S\(s) \(rounding)" }
    }

    // Expected outputs worked by hand (and, for ceil mode, as PyTorch's MaxPool2d(ceil_mode=True) gives).
    @Test(arguments: [
        Case(w: 227, f: 11, p: 0, s: 4, out: 55, exact: true, dropped: 0),
        Case(w: 224, f: 11, p: 0, s: 4, out: 54, exact: false, dropped: 1),
        Case(w: 224, f: 11, p: 2, s: 4, out: 55, exact: false, dropped: 0),
        Case(w: 55, f: 3, p: 0, s: 2, out: 27, exact: true, dropped: 0),
        Case(w: 13, f: 3, p: 0, s: 2, out: 6, exact: true, dropped: 0),
        Case(w: 28, f: 3, p: 0, s: 2, out: 13, exact: false, dropped: 1),
        Case(w: 28, f: 3, p: 0, s: 2, rounding: .ceil, out: 14, exact: false, dropped: 0),
        Case(w: 6, f: 3, p: 1, s: 2, rounding: .ceil, out: 4, exact: false, dropped: 0),
        Case(w: 5, f: 2, p: 1, s: 2, rounding: .ceil, out: 3, exact: false, dropped: 0),
        Case(w: 3, f: 3, p: 0, s: 1, out: 1, exact: true, dropped: 0),
        // Stride larger than the window: columns 3, 7, …, 51 are never under a window (13 of them).
        Case(w: 55, f: 3, p: 0, s: 4, out: 14, exact: true, dropped: 13),
        // …and with a leftover too: 0–1, 5–6, 10–11 seen; 2–4, 7–9 gaps, 12 left over.
        Case(w: 13, f: 2, p: 0, s: 5, out: 3, exact: false, dropped: 7),
        // cuda-convnet's convention: 224 → 1 + ⌈213/4⌉ = 55, every pixel seen.
        Case(w: 224, f: 11, p: 0, s: 4, rounding: .ceil, out: 55, exact: false, dropped: 0),
    ])
    func outputSize(c: Case) {
        let f = SizeFormula(input: c.w, kernel: c.f, padding: c.p, stride: c.s, rounding: c.rounding)
        #expect(f.output == c.out)
        #expect(f.isExact == c.exact)
        #expect(f.droppedPixels == c.dropped)
    }

    @Test func formulaText() {
        let f = SizeFormula(input: 227, kernel: 11, padding: 0, stride: 4)
        #expect(f.text == "⌊(227 − 11 + 2·0)/4⌋ + 1 = 55")
        #expect(f.steps == ["out = ⌊(W − F + 2P)/S⌋ + 1", "    = ⌊(227 − 11 + 2·0)/4⌋ + 1",
                            "    = ⌊216/4⌋ + 1", "    = 54 + 1 = 55"])
        let puzzle = SizeFormula(input: 224, kernel: 11, padding: 0, stride: 4)
        #expect(SizeFormula(input: 55, kernel: 3, padding: 0, stride: 4).exactnessNote
                == "exact: 52 = 13·4, nothing is left over at the edge; stride 4 > window 3 leaves 1 pixel between neighbouring windows, so 13 input pixels along this side are never seen")
        #expect(SizeFormula(input: 224, kernel: 11, padding: 0, stride: 4, rounding: .ceil).exactnessNote
                == "not exact: 213/4 leaves 1; the last window hangs 3 past the edge (a conv reads zeros there, a max pool ignores it)")
        #expect(puzzle.exactnessNote == "not exact: 213/4 leaves 1; the last 1 input pixel along this side is never seen")
    }
}
