import Testing
@testable import AlexNetCore

/// The data normalisation is a typed field of a checkpoint: written as two metadata strings, read back
/// checked, and never left among the untyped `extra` fields.
@Suite struct CheckpointNormalizationTests {
    @Test func normalisationRoundTripsAsATypedField() throws {
        let dir = TemporaryDirectory()
        let scalar = PixelNormalization(mean: 0.2860402, std: 0.3530239)
        let norm = ChannelNormalization(scalar, channels: 1)
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
        #expect(channels.scalar == scalar)
    }

    /// A colour network's run records one mean and std per channel, and reads them back bit for bit.
    @Test func perChannelNormalisationAndClassNamesRoundTrip() throws {
        let dir = TemporaryDirectory()
        var metadata = CheckpointMetadata(network: "mini", epoch: 1, step: 10, learningRate: 0.01, seed: 1, activation: .relu,
                                          normalization: ChannelNormalization(mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]))
        metadata.classes = ClassNames(names: ["cat", "dog, \"big\"", "猫"], source: "folder pets")
        metadata.frozenThrough = "pool5"
        let path = dir.file("c.safetensors")
        try Checkpoint(tensors: [], metadata: metadata).save(to: path)
        let back = try Checkpoint.load(from: path).metadata
        #expect(back == metadata)
        let raw = try SafetensorsFile.read(from: path).metadata
        #expect(raw["normalization_mean"] == "0.485,0.456,0.406")
        #expect(back.extra.isEmpty, "class names, their source and the frozen layer are typed fields")
    }

    @Test func absentNormalisationIsNil() throws {
        var fields = CheckpointMetadata(network: "m", epoch: 0, step: 0, learningRate: 0.1, seed: 0, activation: .relu).fields
        #expect(fields["normalization_mean"] == nil)
        #expect(try CheckpointMetadata(fields: fields, file: "f").normalization == nil)
        fields["normalization_std"] = "0"
        fields["normalization_mean"] = "0.5"
        #expect(throws: SafetensorsError.invalidContents(file: "f", message: #"checkpoint metadata "normalization_std" must be positive finite numbers (one, or one per channel separated by commas), got "0""#)) {
            try CheckpointMetadata(fields: fields, file: "f")
        }
    }

    @Test func scalarOnlyWhenEveryChannelAgrees() {
        #expect(ChannelNormalization.imageNet.scalar == nil)
        #expect(ChannelNormalization(PixelNormalization(mean: 0.5, std: 0.25), channels: 3).scalar == PixelNormalization(mean: 0.5, std: 0.25))
    }
}
