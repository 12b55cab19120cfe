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

    /// The accuracy in the metadata is what the weights give: recomputed here over the 10,000 test images as
    /// `train` measures it (centre 27×27 crop, the recorded normalisation, no dropout). Within 5 images, since
    /// another build or OpenBLAS kernel may sum in another order and flip a borderline image.
    @Test func recordedTestAccuracyIsWhatTheWeightsGive() throws {
        let checkpoint = try Checkpoint.load(from: Self.path)
        let recorded = try #require(checkpoint.metadata.extra["test_accuracy"].flatMap { Double($0.dropLast()) })
        let test = try FashionMNIST.load(.test)
        #expect(checkpoint.metadata.extra["test_images"] == String(test.count))
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        try net.load(Dictionary(uniqueKeysWithValues: checkpoint.weights.map { ($0.name, $0.tensor) }), source: Self.path)
        let norm = try #require(checkpoint.metadata.normalization)
        var random: SeededRandom? = nil
        let batches = stride(from: 0, to: test.count, by: 500).lazy.map { start in
            let (images, labels) = test.batch(Array(start..<min(test.count, start + 500)), normalization: norm.scalar!)
            return Augmentation.crop(Batch(images: images, labels: labels), height: 27, width: 27, random: &random)
        }
        let accuracy = (1 - Trainer.evaluate(net, batches).error) * 100
        #expect(abs(accuracy - recorded) <= 0.05, "recomputed \(accuracy)%, recorded \(recorded)%")
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
