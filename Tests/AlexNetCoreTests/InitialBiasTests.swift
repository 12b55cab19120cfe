import Testing
@testable import AlexNetCore

/// The paper's "biases 1 in conv2, conv4, conv5 and the hidden fully connected layers" is data on the
/// layers, set by the presets and by configs, not a rule inside the network.
@Suite struct InitialBiasTests {
    /// The rule as the paper states it, counted here over the preset's layers: the 2nd, 4th and 5th conv
    /// and every linear layer but the last.
    static func paperRule(_ spec: NetworkSpec) -> [String] {
        let convs = spec.layers.filter { if case .conv = $0.kind { true } else { false } }.map(\.name)
        let linears = spec.layers.filter { if case .linear = $0.kind { true } else { false } }.map(\.name)
        let picked = [1, 3, 4].filter { $0 < convs.count }.map { convs[$0] }
        return picked + linears.dropLast()
    }

    @Test(arguments: Preset.allCases.filter(\.isAlexNetFamily))
    func presetsCarryThePapersBiases(preset: Preset) {
        let spec = preset.spec
        let one = spec.layers.filter { $0.initialBias == 1 }.map(\.name)
        #expect(one == Self.paperRule(spec))
        #expect(spec.layers.allSatisfy { $0.initialBias == 0 || $0.initialBias == 1 })
    }

    /// LeNet-5, ZFNet and VGG-16 are not AlexNet: the paper's biases of 1 are not theirs.
    @Test(arguments: Preset.allCases.filter { !$0.isAlexNetFamily })
    func theOtherNetworksStartEveryBiasAtZero(preset: Preset) {
        #expect(preset.spec.layers.allSatisfy { $0.initialBias == 0 })
    }

    @Test func theAlexNetPresetsNameTheirLayers() {
        #expect(Preset.alexnet.spec.layers.filter { $0.initialBias == 1 }.map(\.name) == ["conv2", "conv4", "conv5", "fc6", "fc7"])
        #expect(Preset.figure1.spec.layers.filter { $0.initialBias == 1 }.map(\.name) == ["conv2"])
    }

    @Test func theNetworkStartsItsBiasesFromTheData() throws {
        let spec = try NetworkConfig.parse(text: """
            input: [1, 8, 8]
            layers:
              - conv: {out: 2, kernel: 3, bias: 0.5}
              - conv: {out: 2, kernel: 3}
              - flatten
              - linear: {out: 3, bias: -2}
              - linear: 2
            """, file: "bias.yaml")
        #expect(spec.layers.map(\.initialBias) == [0.5, 0, 0, -2, 0])
        let paper = try Network(spec: spec, initialization: .paper, seed: 1)
        let biases = paper.parameters.filter { $0.name.hasSuffix(".bias") }.map { Set($0.value.data) }
        #expect(biases == [[0.5], [0], [-2], [0]])
        let he = try Network(spec: spec, initialization: .he, seed: 1)
        #expect(he.parameters.filter { $0.name.hasSuffix(".bias") }.allSatisfy { $0.value.data.allSatisfy { $0 == 0 } })
    }

    @Test func configErrorsNameTheLine() {
        #expect(throws: ConfigError.self) {
            try NetworkConfig.parse(text: "input: [1, 8, 8]\nlayers:\n  - maxpool: {kernel: 2, stride: 2, bias: 1}\n", file: "b.yaml")
        }
        do {
            _ = try NetworkConfig.parse(text: "input: [1, 8, 8]\nlayers:\n  - conv: {out: 2, kernel: 3, bias: one}\n", file: "b.yaml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "b.yaml:3: conv bias must be a number, got 'one'")
        }
    }

    @Test func aBiasOnALayerWithoutBiasesIsAShapeError() {
        let spec = NetworkSpec(name: "x", input: InputShape(channels: 1, height: 4, width: 4), layers: [
            LayerSpec(name: "relu", kind: .activation(.relu), initialBias: 1),
        ])
        #expect(throws: ShapeError(layer: "relu", message: "relu has no biases, so it takes no initial bias")) {
            try spec.shapeReport()
        }
    }

    @Test func theSummarySaysWhichLayers() {
        #expect(Initialization.paper.summary(for: Preset.alexnet.spec)
                == "weights N(0, 0.01²); biases 1 in conv2, conv4, conv5, fc6, fc7, 0 elsewhere")
        #expect(Initialization.paper.summary(for: Preset.figure1.spec) == "weights N(0, 0.01²); biases 1 in conv2, 0 elsewhere")
        #expect(Initialization.he.summary(for: Preset.alexnet.spec) == "weights N(0, 2/fan-in); biases 0")
    }
}
