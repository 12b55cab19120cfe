import Foundation
import Testing
@testable import AlexNetCore

@Suite struct NetworkConfigTests {
    static let valid = """
    name: tiny
    input: [1, 28, 28]
    layers:
      - conv: {out: 8, kernel: 5, padding: 2}
        name: first
      - relu
      - lrn: {size: 3}
      - maxpool: {kernel: 3, stride: 2, rounding: ceil}
      - conv: {out: 16, kernel: 3, groups: 2}
      - tanh
      - flatten
      - dropout: 0.25
      - linear: 10
      - softmax
    """

    @Test func parsesEveryLayerKind() throws {
        let spec = try NetworkConfig.parse(text: Self.valid, file: "tiny.yaml")
        #expect(spec.name == "tiny")
        #expect(spec.input == InputShape(channels: 1, height: 28, width: 28))
        #expect(spec.layers.map(\.name) == ["first", "relu1", "norm1", "pool1", "conv2", "tanh2", "flatten",
                                            "drop3", "fc3", "prob"])
        #expect(spec.layers[0].kind == .conv(ConvSpec(outChannels: 8, kernel: 5, stride: 1, padding: 2)))
        #expect(spec.layers[0].line == 4)
        #expect(spec.layers[2].kind == .lrn(LRNSpec(size: 3, alpha: 1e-4, beta: 0.75, k: 2)))
        #expect(spec.layers[3].kind == .maxpool(PoolSpec(kernel: 3, stride: 2, rounding: .ceil)))
        #expect(spec.layers[7].kind == .dropout(p: 0.25))
        let r = try spec.shapeReport()
        // 28 → conv 28 → ceil pool ⌈25/2⌉+1 = 14 → conv3 no padding 12 → 16·12·12 = 2304 → 10
        #expect(r.layer(named: "fc3")?.input == FeatureShape(flat: 16 * 12 * 12))
        #expect(r.layer(named: "conv2")?.weights == 16 * 4 * 9)
    }

    @Test func presetWrittenAsYAMLGivesTheSameReport() throws {
        let yaml = """
        input: [3, 227, 227]
        layers:
          - conv: {out: 96, kernel: 11, stride: 4}
          - relu
          - lrn: {size: 5, alpha: 0.0001, beta: 0.75, k: 2}
          - maxpool: {kernel: 3, stride: 2}
          - conv: {out: 256, kernel: 5, padding: 2, groups: 2}
          - relu
          - lrn
          - maxpool: {kernel: 3, stride: 2}
          - conv: {out: 384, kernel: 3, padding: 1}
          - relu
          - conv: {out: 384, kernel: 3, padding: 1, groups: 2}
          - relu
          - conv: {out: 256, kernel: 3, padding: 1, groups: 2}
          - relu
          - maxpool: {kernel: 3, stride: 2}
          - flatten
          - linear: 4096
          - relu
          - dropout: 0.5
          - linear: 4096
          - relu
          - dropout: 0.5
          - linear: 1000
          - softmax
        """
        let fromYAML = try NetworkConfig.parse(text: yaml, file: "paper.yaml").shapeReport()
        let preset = try Preset.alexnet.spec.shapeReport()
        #expect(fromYAML.layers.map(\.name) == preset.layers.map(\.name))
        #expect(fromYAML.totalParams == preset.totalParams)
        #expect(fromYAML.totalMACs == preset.totalMACs)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String
        var message: String
        var testDescription: String { label }
    }

    /// Each malformed config and the exact one-line error it must give.
    @Test(arguments: [
        Bad(label: "empty file", text: "", message: "bad.yaml: the file is empty"),
        Bad(label: "only a comment", text: "# nothing\n", message: "bad.yaml: the file is empty"),
        Bad(label: "binary garbage", text: "\u{0}\u{1}\u{2}PNG\u{0}", message: "bad.yaml: this is binary data, not a YAML text file"),
        Bad(label: "YAML syntax error", text: "input: [3, 227\nlayers: x\n",
            message: "bad.yaml:2: YAML syntax error: did not find expected ',' or ']'"),
        Bad(label: "top level is a list", text: "- conv\n", message: "bad.yaml:1: the config must be a mapping (key: value), got a list"),
        Bad(label: "missing input", text: "layers: [relu]\n",
            message: "bad.yaml:1: missing field 'input': expected input: [channels, height, width]"),
        Bad(label: "missing layers", text: "input: [1, 8, 8]\n", message: "bad.yaml:1: missing field 'layers': expected a list of layers"),
        Bad(label: "unknown top-level field", text: "input: [1, 8, 8]\nlayer: [relu]\n",
            message: "bad.yaml:2: unknown field 'layer' in the config; expected one of: name, input, layers"),
        Bad(label: "input of two numbers", text: "input: [8, 8]\nlayers: [relu]\n",
            message: "bad.yaml:1: input must list 3 numbers [channels, height, width], got 2"),
        Bad(label: "input wrong type", text: "input: [1, eight, 8]\nlayers: [relu]\n",
            message: "bad.yaml:1: input size must be a whole number, got 'eight'"),
        Bad(label: "zero input size", text: "input: [1, 0, 8]\nlayers: [relu]\n",
            message: "bad.yaml:1: input sizes must be positive, got 0"),
        Bad(label: "empty layer list", text: "input: [1, 8, 8]\nlayers: []\n",
            message: "bad.yaml:2: layers is empty: expected at least one layer"),
        Bad(label: "unknown layer kind", text: "input: [1, 8, 8]\nlayers:\n  - relu\n  - maxpoool: {kernel: 2, stride: 2}\n",
            message: "bad.yaml:4: unknown layer kind 'maxpoool' (did you mean 'maxpool'?); expected one of: conv, relu, tanh, sigmoid, lrn, maxpool, dropout, flatten, linear, softmax"),
        Bad(label: "missing conv field", text: "input: [1, 8, 8]\nlayers:\n  - conv: {kernel: 3}\n",
            message: "bad.yaml:3: conv layer is missing field 'out'"),
        Bad(label: "wrong type of stride", text: "input: [1, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 3, stride: two}\n",
            message: "bad.yaml:3: conv stride must be a whole number, got 'two'"),
        Bad(label: "unknown conv field", text: "input: [1, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 3, strides: 2}\n",
            message: "bad.yaml:3: unknown field 'strides' in conv layer; expected one of: out, kernel, stride, padding, groups, bias"),
        Bad(label: "negative stride", text: "input: [1, 8, 8]\nlayers:\n  - relu\n  - conv: {out: 4, kernel: 3, stride: -1}\n",
            message: "bad.yaml:4: layer conv1: stride must be positive, got -1"),
        Bad(label: "kernel larger than input", text: "input: [1, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 11, padding: 1}\n",
            message: "bad.yaml:3: layer conv1: kernel 11 is larger than the padded input 10 (8 + 2·1)"),
        Bad(label: "groups do not divide channels", text: "input: [3, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 3, groups: 2}\n",
            message: "bad.yaml:3: layer conv1: 3 input channels are not divisible by 2 groups"),
        Bad(label: "linear before flatten", text: "input: [1, 8, 8]\nlayers:\n  - linear: 10\n",
            message: "bad.yaml:3: layer fc1: linear needs a flat input, got 8×8×1: add a flatten layer before it"),
        Bad(label: "softmax not last", text: "input: [1, 8, 8]\nlayers:\n  - flatten\n  - softmax\n  - linear: 3\n",
            message: "bad.yaml:4: layer prob: softmax must be the last layer"),
        Bad(label: "dropout probability 1", text: "input: [1, 8, 8]\nlayers:\n  - dropout: 1\n",
            message: "bad.yaml:3: layer drop0: dropout p must be in [0, 1), got 1.0"),
        Bad(label: "relu with fields", text: "input: [1, 8, 8]\nlayers:\n  - relu: {inplace: true}\n",
            message: "bad.yaml:3: relu takes no fields"),
        Bad(label: "two kinds in one item", text: "input: [1, 8, 8]\nlayers:\n  - relu:\n    tanh:\n",
            message: "bad.yaml:4: one layer per list item: found both 'relu' and 'tanh'"),
        // An automatic name steps aside for a given one (see LayerNamingTests); two given names cannot.
        Bad(label: "duplicate names", text: "input: [1, 8, 8]\nlayers:\n  - {relu: , name: act}\n  - {tanh: , name: act}\n",
            message: "bad.yaml:4: layer act: the name is used twice"),
        Bad(label: "bad rounding", text: "input: [1, 8, 8]\nlayers:\n  - maxpool: {kernel: 2, stride: 2, rounding: up}\n",
            message: "bad.yaml:3: maxpool rounding must be floor or ceil, got 'up'"),
    ])
    func malformedConfigsGiveOneLineErrors(bad: Bad) {
        do {
            _ = try NetworkConfig.parse(text: bad.text, file: "bad.yaml")
            Issue.record("expected an error for \(bad.label)")
        } catch {
            #expect("\(error)" == bad.message)
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: ConfigError(file: "/nonexistent/net.yaml", line: nil,
                                    message: "cannot read the file (No such file or directory)")) {
            _ = try NetworkConfig.load(path: "/nonexistent/net.yaml")
        }
    }

    @Test func binaryFileOnDiskIsReported() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("garbage-\(UUID()).yaml")
        var bytes = [UInt8](repeating: 0, count: 256)
        for i in bytes.indices { bytes[i] = UInt8((i * 7919) & 0xFF) }
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ConfigError.self) { _ = try NetworkConfig.load(path: url.path) }
    }
}
