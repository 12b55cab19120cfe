import Foundation
import Testing
@testable import AlexNetCore

@Suite struct CheckpointTests {
    static let metadata = CheckpointMetadata(network: "mini", epoch: 3, step: 1407, learningRate: 0.01 * 0.1,
                                             seed: UInt64.max - 5, activation: .tanh, extra: ["note": "test run"])

    @Test func roundTripSplitsWeightsAndMomentum() throws {
        let dir = TemporaryDirectory()
        let w = Tensor(shape: [2, 1, 1, 1], data: [0.5, -0.25])
        let b = Tensor(shape: [2], data: [0.1, 0.2])
        let checkpoint = Checkpoint(
            weights: [NamedTensor(name: "features.0.weight", tensor: w), NamedTensor(name: "features.0.bias", tensor: b)],
            momentum: [NamedTensor(name: "features.0.weight", tensor: Tensor(shape: [2, 1, 1, 1], data: [1e-3, -2e-3]))],
            metadata: Self.metadata)
        #expect(checkpoint.tensors.map(\.name) == ["features.0.weight", "features.0.bias", "optimizer.momentum.features.0.weight"])
        let path = dir.file("mini.safetensors")
        try checkpoint.save(to: path)
        let back = try Checkpoint.load(from: path)
        #expect(back == checkpoint)
        #expect(back.metadata.learningRate == 0.01 * 0.1, "the learning rate reloads bit for bit")
        #expect(back.weights.map(\.name) == ["features.0.weight", "features.0.bias"])
        #expect(back.momentum == [NamedTensor(name: "features.0.weight", tensor: Tensor(shape: [2, 1, 1, 1], data: [1e-3, -2e-3]))])
        // The metadata is plain safetensors strings, readable by any safetensors reader.
        let raw = try SafetensorsFile.read(from: path)
        #expect(raw.metadata["epoch"] == "3")
        #expect(raw.metadata["seed"] == "18446744073709551610")
        #expect(raw.metadata["activation"] == "tanh")
        #expect(raw.metadata["format"] == "alexnet-explorer-checkpoint-1")
    }

    static let badMetadata: [([String: String?], String)] = [
        ([:], #"not an AlexNet Explorer checkpoint: __metadata__ has no "format" (expected alexnet-explorer-checkpoint-1)"#),
        (["format": "alexnet-explorer-checkpoint-9"], "checkpoint format alexnet-explorer-checkpoint-9 is not supported (expected alexnet-explorer-checkpoint-1)"),
        (["epoch": "three"], #"checkpoint metadata "epoch" must be an integer, got "three""#),
        (["seed": "-1"], #"checkpoint metadata "seed" must be an unsigned integer, got "-1""#),
        (["learning_rate": "fast"], #"checkpoint metadata "learning_rate" must be a number, got "fast""#),
        (["activation": "gelu"], #"checkpoint metadata "activation" must be one of relu, tanh, sigmoid, got "gelu""#),
        (["network": nil], #"checkpoint metadata lacks "network""#),
        (["lr_schedule": "cosine"], #"checkpoint metadata "lr_schedule" must be one of step, plateau, constant, got "cosine""#),
        (["plateau_best": "1.5"], #"checkpoint metadata "plateau_best" must be an error rate in 0...1, got "1.5""#),
        (["plateau_waited": "-1"], #"checkpoint metadata "plateau_waited" must be an integer in 0...10000, got -1"#),
        (["random.augment": "-3"],
         #"checkpoint metadata "random.augment" must be a random-generator state (an integer in 0...18446744073709551615), got "-3""#),
        (["random.augment": "1", "random.dropout.drop7": "0x12"],
         #"checkpoint metadata "random.dropout.drop7" must be a random-generator state (an integer in 0...18446744073709551615), got "0x12""#),
        (["random.dropout.drop7": "12"], #"checkpoint metadata has "random.dropout.drop7" but lacks "random.augment"; expected both or neither"#),
    ]

    /// The schedule, the plateau rule's state and the random streams reload exactly, as typed fields.
    @Test func resumeStateRoundTrips() throws {
        let dir = TemporaryDirectory()
        var metadata = Self.metadata
        metadata.schedule = .plateau
        metadata.plateauBest = 0.1234
        metadata.plateauWaited = 1
        metadata.random = .init(augment: UInt64.max, dropout: ["drop6": 0, "drop7": 42])
        let path = dir.file("c.safetensors")
        try Checkpoint(weights: [], momentum: [], metadata: metadata).save(to: path)
        let back = try Checkpoint.load(from: path).metadata
        #expect(back == metadata)
        #expect(back.extra == ["note": "test run"])
        let raw = try SafetensorsFile.read(from: path)
        #expect(raw.metadata["random.augment"] == "18446744073709551615" && raw.metadata["random.dropout.drop7"] == "42")
    }

    @Test(arguments: badMetadata)
    func badMetadataIsExplained(change: [String: String?], message: String) throws {
        let dir = TemporaryDirectory()
        var fields = Self.metadata.fields
        if change.isEmpty { fields = [:] }
        for (k, v) in change { fields[k] = v }
        let path = dir.file("c.safetensors")
        try SafetensorsFile(tensors: [], metadata: fields).write(to: path)
        let error = #expect(throws: SafetensorsError.self) { try Checkpoint.load(from: path) }
        #expect(error?.description == "\(path): \(message)")
    }
}
