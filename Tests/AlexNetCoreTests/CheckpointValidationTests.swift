import Foundation
import Testing
@testable import AlexNetCore

/// Checkpoint metadata is checked on load against the ranges a real run produces: an epoch of Int.min
/// looped forever, Int.max trained nothing, a step of Int.max overflowed, a learning rate of nan or a
/// normalisation std of 0 turned every number into NaN.
@Suite struct CheckpointValidationTests {
    static let good = CheckpointMetadata(network: "mini", epoch: 2, step: 40, learningRate: 0.02, seed: 1, activation: .relu,
                                         epochStep: 4, batchSize: 64, trainImages: 1_024,
                                         normalization: ChannelNormalization(PixelNormalization(mean: 0.286, std: 0.353), channels: 1))

    static let bad: [(field: String, value: String, message: String)] = [
        ("epoch", "-9223372036854775808", #""epoch" must be an integer in 0...10000, got -9223372036854775808"#),
        ("epoch", "9223372036854775807", #""epoch" must be an integer in 0...10000, got 9223372036854775807"#),
        ("epoch", "-1", #""epoch" must be an integer in 0...10000, got -1"#),
        ("step", "-5", #""step" must be an integer in 0...1000000000000, got -5"#),
        ("step", "9223372036854775807", #""step" must be an integer in 0...1000000000000, got 9223372036854775807"#),
        ("step", "1", #""step" 1 is less than "epoch" 2; expected at least one step per completed epoch"#),
        ("epoch_step", "41", #""epoch_step" must be an integer in 0...40, got 41"#),
        ("epoch_step", "-1", #""epoch_step" must be an integer in 0...40, got -1"#),
        ("batch_size", "0", #""batch_size" must be an integer in 1...4096, got 0"#),
        ("train_images", "0", #""train_images" must be an integer in 1...1099511627776, got 0"#),
        ("learning_rate", "-0.02", #""learning_rate" must be a positive finite number, got "-0.02""#),
        ("learning_rate", "0", #""learning_rate" must be a positive finite number, got "0""#),
        ("learning_rate", "nan", #""learning_rate" must be a positive finite number, got "nan""#),
        ("learning_rate", "inf", #""learning_rate" must be a positive finite number, got "inf""#),
        ("normalization_mean", "nan", #""normalization_mean" must be finite numbers (one, or one per channel separated by commas), got "nan""#),
        ("normalization_mean", "-inf", #""normalization_mean" must be finite numbers (one, or one per channel separated by commas), got "-inf""#),
        ("normalization_std", "0", #""normalization_std" must be positive finite numbers (one, or one per channel separated by commas), got "0""#),
        ("normalization_std", "-0.3", #""normalization_std" must be positive finite numbers (one, or one per channel separated by commas), got "-0.3""#),
        ("normalization_std", "inf", #""normalization_std" must be positive finite numbers (one, or one per channel separated by commas), got "inf""#),
        ("normalization_std", "x", #""normalization_std" must be positive finite numbers (one, or one per channel separated by commas), got "x""#),
    ]

    @Test(arguments: bad)
    func outOfRangeFieldIsRefusedNamingFileAndField(field: String, value: String, message: String) throws {
        let dir = TemporaryDirectory()
        var fields = Self.good.fields
        fields[field] = value
        let path = dir.file("c.safetensors")
        try SafetensorsFile(tensors: [], metadata: fields).write(to: path)
        let error = #expect(throws: SafetensorsError.self) { try Checkpoint.load(from: path) }
        #expect(error?.description == "\(path): checkpoint metadata \(message)")
    }

    @Test func goodMetadataRoundTripsWithItsLayout() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("c.safetensors")
        try Checkpoint(tensors: [], metadata: Self.good).save(to: path)
        let back = try Checkpoint.load(from: path).metadata
        #expect(back == Self.good)
        #expect(try CheckpointMetadata.normalization(in: back.fields, file: path) == ChannelNormalization(mean: [0.286], std: [0.353]))
    }

    /// Checkpoints written before the layout fields existed still load.
    @Test func checkpointWithoutLayoutFieldsLoads() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("old.safetensors")
        var fields = Self.good.fields
        for key in ["epoch_step", "batch_size", "train_images", "normalization_mean", "normalization_std"] { fields[key] = nil }
        try SafetensorsFile(tensors: [], metadata: fields).write(to: path)
        let back = try Checkpoint.load(from: path).metadata
        #expect(back.epochStep == nil && back.batchSize == nil && back.trainImages == nil)
        #expect(try CheckpointMetadata.normalization(in: back.fields, file: path) == nil)
    }
}
