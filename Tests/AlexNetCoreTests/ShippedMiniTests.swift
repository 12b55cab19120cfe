import Foundation
import Testing
@testable import AlexNetCore

/// The trained `mini` that ships in weights/ (made by `make mini-weights`): its metadata says how it was
/// made, it is small enough for the repository, and it classifies Fashion-MNIST test images 0–99 the way
/// `predict` sees them (the 28×28 image, centre crop 27, recorded normalisation) ≥ 85% right.
@Suite struct ShippedMiniTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var path: String { root.appendingPathComponent("weights/mini.safetensors").path }

    @Test func metadataRecordsCommandSeedAndAccuracy() throws {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: Self.path)[.size] as? Int)
        #expect(size <= 1 << 20, "\(size) bytes")
        let checkpoint = try Checkpoint.load(from: Self.path)
        #expect(checkpoint.metadata.network == "mini")
        #expect(checkpoint.momentum.isEmpty)
        let command = try #require(checkpoint.metadata.extra["command"])
        #expect(command.hasPrefix("alexnet train --preset mini ") && command.contains("--seed \(checkpoint.metadata.seed)"))
        let accuracy = try #require(checkpoint.metadata.extra["test_accuracy"])
        #expect(accuracy.hasSuffix("%") && (Double(accuracy.dropLast()) ?? 0) >= 85, "\(accuracy)")
    }

    @Test func classifiesTestImages0To99() throws {
        let test = try FashionMNIST.load(.test, limit: 100)
        let spec = Preset.mini.spec
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        let file = try SafetensorsFile.read(from: Self.path)
        var tensors: [String: Tensor] = [:]
        for t in file.tensors { tensors[t.name] = t.tensor }
        try net.load(tensors, source: Self.path)
        let norm = try #require(try ChannelNormalization(metadata: file.metadata, channels: 1, file: Self.path))
        let preprocessing = Preprocessing(network: spec.input, normalization: norm)
        var right = 0
        for i in 0..<100 {
            let pixels = test.pixels[(i * 784)..<((i + 1) * 784)].map { Float($0) / 255 }
            let input = preprocessing.apply(Tensor(shape: [1, 28, 28], data: pixels))
            let logits = net.forward(input.reshaped([1, 1, 27, 27]), mode: .eval).data
            if logits.indices.max(by: { logits[$0] < logits[$1] }) == test.labels[i] { right += 1 }
        }
        #expect(right >= 85, "\(right)/100 right")
    }
}
