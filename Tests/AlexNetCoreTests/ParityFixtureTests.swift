import Foundation
import Testing
@testable import AlexNetCore

/// The PyTorch fixture (scripts/make_parity_fixture.py) read with our safetensors reader: the
/// names and shapes must be those our `mini` preset expects, so the engine can load it.
@Suite struct ParityFixtureTests {
    static func fixture() throws -> SafetensorsFile {
        let url = try #require(Bundle.module.url(forResource: "mini_parity", withExtension: "safetensors", subdirectory: "Fixtures"))
        return try SafetensorsFile.read(from: url.path)
    }

    @Test func weightsMatchTheMiniPresetsShapes() throws {
        let file = try Self.fixture()
        let report = try Preset.mini.spec.shapeReport()
        // torchvision-style names: index within the part before/after flatten.
        let flatten = try #require(report.layers.firstIndex { $0.kind == .flatten })
        var expected: [String: [Int]] = [:]
        for (i, layer) in report.layers.enumerated() {
            let name = i < flatten ? "features.\(i)" : "classifier.\(i - flatten - 1)"
            switch layer.kind {
            case .conv(let c):
                expected[name + ".weight"] = [c.outChannels, layer.input.channels / c.groups, c.kernel, c.kernel]
                expected[name + ".bias"] = [c.outChannels]
            case .linear(let out):
                expected[name + ".weight"] = [out, layer.input.count]
                expected[name + ".bias"] = [out]
            default: break
            }
        }
        #expect(expected.keys.sorted() == ["classifier.1.bias", "classifier.1.weight", "classifier.4.bias", "classifier.4.weight",
                                           "classifier.6.bias", "classifier.6.weight", "features.0.bias", "features.0.weight",
                                           "features.10.bias", "features.10.weight", "features.12.bias", "features.12.weight",
                                           "features.4.bias", "features.4.weight", "features.8.bias", "features.8.weight"])
        for (name, shape) in expected {
            #expect(file[name]?.shape == shape, "\(name)")
        }
        #expect(file.tensors.count == expected.count + 2)
        let weights = expected.keys.reduce(0) { $0 + file[$1]!.count }
        #expect(weights == report.totalParams)
        let input = report.input
        #expect(file["input"]?.shape == [4, input.channels, input.height, input.width])
        #expect(file["logits"]?.shape == [4, 10])
        #expect(file.metadata["network"] == "mini")
    }

    @Test func decodedValuesSumToWhatPyTorchComputed() throws {
        let file = try Self.fixture()
        for t in file.tensors {
            let text = try #require(file.metadata["sum.\(t.name)"], "\(t.name)")
            let torchSum = try #require(Double(text))
            let ours = t.tensor.data.reduce(0.0) { $0 + Double($1) }
            #expect(abs(ours - torchSum) < 1e-6, "\(t.name): \(ours) vs \(torchSum)")
        }
    }

    @Test func valuesAreFiniteAndHeScaled() throws {
        let file = try Self.fixture()
        // He init: std = sqrt(2 / fan_in); conv1's fan-in is 1·5·5.
        let w = try #require(file["features.0.weight"]).data
        let mean = w.reduce(0, +) / Float(w.count)
        let std = (w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(w.count)).squareRoot()
        #expect(abs(std - (2.0 / 25).squareRoot()) < 0.03)
        #expect(try #require(file["logits"]).data.allSatisfy(\.isFinite))
    }
}

/// The engine against PyTorch: the same weights (saved by PyTorch under torchvision-style names) loaded
/// into our `mini` network must give PyTorch's logits on the same inputs.
@Suite struct PyTorchParityTests {
    @Test func logitsMatchPyTorch() throws {
        let file = try ParityFixtureTests.fixture()
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        var tensors: [String: Tensor] = [:]
        for t in file.tensors { tensors[t.name] = t.tensor }
        try net.load(tensors, source: "mini_parity.safetensors")
        let input = try #require(file["input"])
        let expected = try #require(file["logits"])
        let logits = net.forward(input, mode: .eval)
        #expect(logits.shape == expected.shape)
        let scale = expected.data.map { abs($0) }.max()!
        var worst: Float = 0
        for (a, b) in zip(logits.data, expected.data) {
            worst = max(worst, abs(a - b) / max(abs(b), 1e-2 * scale))
        }
        #expect(worst < 1e-4, "worst relative difference \(worst)")
        // Same predicted classes, as a readable second check.
        func argmax(_ t: Tensor, _ row: Int) -> Int { (0..<10).max { t.data[row * 10 + $0] < t.data[row * 10 + $1] }! }
        #expect((0..<4).map { argmax(logits, $0) } == (0..<4).map { argmax(expected, $0) })
    }
}
