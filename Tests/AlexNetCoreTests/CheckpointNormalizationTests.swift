import Testing
@testable import AlexNetCore

/// The data normalisation is a typed field of a checkpoint: written as two metadata strings, read back
/// checked, and never left among the untyped `extra` fields.
@Suite struct CheckpointNormalizationTests {
    @Test func normalisationRoundTripsAsATypedField() throws {
        let dir = TemporaryDirectory()
        let norm = PixelNormalization(mean: 0.2860402, std: 0.3530239)
        let metadata = CheckpointMetadata(network: "mini", epoch: 1, step: 10, learningRate: 0.01, seed: 1,
                                          activation: .relu, normalization: norm, extra: ["note": "n"])
        let checkpoint = Checkpoint(weights: [NamedTensor(name: "w", tensor: Tensor(shape: [1], data: [1]))],
                                    momentum: [], metadata: metadata)
        let path = dir.file("n.safetensors")
        try checkpoint.save(to: path)
        let back = try Checkpoint.load(from: path)
        #expect(back.metadata.normalization == norm, "the values reload bit for bit")
        #expect(back.metadata.extra == ["note": "n"])
        let raw = try SafetensorsFile.read(from: path).metadata
        #expect(raw["normalization_mean"] == "0.2860402" && raw["normalization_std"] == "0.3530239")
        // Any reader of the per-channel form sees the same values, and so the same scalar.
        let channels = try #require(try ChannelNormalization(metadata: raw, channels: 1, file: path))
        #expect(channels.scalar == norm)
    }

    @Test func absentNormalisationIsNil() throws {
        var fields = CheckpointMetadata(network: "m", epoch: 0, step: 0, learningRate: 0.1, seed: 0, activation: .relu).fields
        #expect(fields["normalization_mean"] == nil)
        #expect(try CheckpointMetadata(fields: fields, file: "f").normalization == nil)
        fields["normalization_std"] = "0"
        fields["normalization_mean"] = "0.5"
        #expect(throws: SafetensorsError.invalidContents(file: "f", message: #"checkpoint metadata "normalization_std" must be a positive finite number, got "0""#)) {
            try CheckpointMetadata(fields: fields, file: "f")
        }
    }

    @Test func scalarOnlyWhenEveryChannelAgrees() {
        #expect(ChannelNormalization.imageNet.scalar == nil)
        #expect(ChannelNormalization(PixelNormalization(mean: 0.5, std: 0.25), channels: 3).scalar == PixelNormalization(mean: 0.5, std: 0.25))
    }
}
