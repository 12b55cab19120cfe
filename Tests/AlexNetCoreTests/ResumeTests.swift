import Foundation
import Testing
@testable import AlexNetCore

/// Resuming with another --limit or --batch used to index past the end of the epoch's batches
/// (`Bad pointer dereference` in release). A position inside an epoch now only carries over when the
/// batch size and the training set are those the checkpoint was written with.
@Suite struct ResumeTests {
    static func metadata(epoch: Int, step: Int, epochStep: Int?, batch: Int?, images: Int?) -> CheckpointMetadata {
        CheckpointMetadata(network: "mini", epoch: epoch, step: step, learningRate: 0.02, seed: 1, activation: .relu,
                           epochStep: epochStep, batchSize: batch, trainImages: images)
    }

    static let positions: [(saved: CheckpointMetadata, batch: Int, images: Int, steps: Int, position: Int, note: String?)] = [
        // The same layout: exactly where it stopped.
        (metadata(epoch: 2, step: 35, epochStep: 3, batch: 64, images: 1_024), 64, 1_024, 16, 3, nil),
        (metadata(epoch: 2, step: 32, epochStep: 0, batch: 64, images: 1_024), 64, 1_024, 16, 0, nil),
        // Another training set or batch size: the epoch starts (again) at its first batch, and says so.
        (metadata(epoch: 2, step: 35, epochStep: 3, batch: 64, images: 1_024), 64, 256, 4, 0,
         "the checkpoint stopped 3 batches into epoch 3 training on batches of 64 from 1024 images; this run uses batches of 64 "
            + "from 256 images, where that position means other images, so epoch 3 starts again at its first batch"),
        (metadata(epoch: 1, step: 8, epochStep: 0, batch: 64, images: 512), 128, 512, 4, 0,
         "the checkpoint was written training on batches of 64 from 512 images, this run uses batches of 128 from 512 images; "
            + "it starts epoch 2 at its first batch"),
        // Inconsistent metadata (a position past the end of the epoch) is not trusted either.
        (metadata(epoch: 1, step: 30, epochStep: 20, batch: 64, images: 512), 64, 512, 8, 0,
         "the checkpoint stopped 20 batches into epoch 2 training on batches of 64 from 512 images; this run uses batches of 64 "
            + "from 512 images, where that position means other images, so epoch 2 starts again at its first batch"),
        // Older checkpoints without the layout: the step count decides when it falls inside the epoch.
        (metadata(epoch: 1, step: 10, epochStep: nil, batch: nil, images: nil), 64, 512, 8, 2, nil),
        (metadata(epoch: 1, step: 8, epochStep: nil, batch: nil, images: nil), 64, 256, 4, 0,
         "the checkpoint records no batch size or training-set size, and its step 8 does not fall inside epoch 2 at batches "
            + "of 64 from 256 images; epoch 2 starts at its first batch"),
        (metadata(epoch: 10_000, step: 1_000_000_000_000, epochStep: nil, batch: nil, images: nil), 1, 1 << 40, 1 << 40, 0,
         "the checkpoint records no batch size or training-set size, and its step 1000000000000 does not fall inside epoch 10001 "
            + "at batches of 1 from 1099511627776 images; epoch 10001 starts at its first batch"),
    ]

    @Test(arguments: positions)
    func resumePosition(saved: CheckpointMetadata, batch: Int, images: Int, steps: Int, position: Int, note: String?) {
        let r = TrainingRun.resumePosition(saved, batchSize: batch, trainImages: images, stepsPerEpoch: steps)
        #expect(r.position == position)
        #expect(r.note == note)
    }

    static func run(images: Int, batch: Int, epochs: Int) throws -> TrainingRun {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        return try TrainingRun(network: net, train: EmptyDatasetTests.data(images), test: nil,
                               options: TrainingOptions(epochs: epochs, batchSize: batch, augment: false))
    }

    /// A checkpoint taken 2 batches into epoch 2 of 16 images in batches of 4.
    static func midEpochCheckpoint() throws -> Checkpoint {
        let first = try run(images: 16, batch: 4, epochs: 3)
        for _ in 0..<6 { _ = try first.step() }
        let checkpoint = first.checkpoint(activation: .relu)
        #expect(checkpoint.metadata.epoch == 1 && checkpoint.metadata.step == 6 && checkpoint.metadata.epochStep == 2)
        return checkpoint
    }

    @Test func resumingWithFewerImagesRestartsTheEpochAndFinishes() throws {
        let checkpoint = try Self.midEpochCheckpoint()
        let second = try Self.run(images: 8, batch: 4, epochs: 3)
        let note = try second.restore(checkpoint, source: "c.safetensors")
        #expect(note != nil)
        var steps = 0
        while !second.isFinished, steps < 100 { _ = try second.step(); steps += 1 }
        // Epochs 2 and 3 of 8 images in batches of 4: two steps each.
        #expect(steps == 4)
        #expect(second.trainer.step == 10)
    }

    @Test func resumingWithTheSameLayoutContinuesWhereItStopped() throws {
        let checkpoint = try Self.midEpochCheckpoint()
        let second = try Self.run(images: 16, batch: 4, epochs: 3)
        #expect(try second.restore(checkpoint, source: "c.safetensors") == nil)
        var steps = 0
        while !second.isFinished, steps < 100 { _ = try second.step(); steps += 1 }
        // The rest of epoch 2 (2 steps) and epoch 3 (4 steps).
        #expect(steps == 6)
        #expect(second.trainer.step == 12)
    }

    @Test func resumingAFinishedRunIsRefused() throws {
        let checkpoint = try Self.midEpochCheckpoint()
        let second = try Self.run(images: 16, batch: 4, epochs: 1)
        let error = #expect(throws: WeightsError.self) { try second.restore(checkpoint, source: "c.safetensors") }
        #expect(error?.description == "c.safetensors: the checkpoint has already completed 1 of the 1 epochs asked for in total, "
                + "so nothing is left to train; expected more than 1 epochs")
    }
}
