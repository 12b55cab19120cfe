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
        let notes = try second.restore(checkpoint, source: "c.safetensors")
        #expect(notes.count == 1)
        var steps = 0
        while !second.isFinished, steps < 100 { _ = try second.step(); steps += 1 }
        // Epochs 2 and 3 of 8 images in batches of 4: two steps each.
        #expect(steps == 4)
        #expect(second.trainer.step == 10)
    }

    @Test func resumingWithTheSameLayoutContinuesWhereItStopped() throws {
        let checkpoint = try Self.midEpochCheckpoint()
        let second = try Self.run(images: 16, batch: 4, epochs: 3)
        #expect(try second.restore(checkpoint, source: "c.safetensors") == [])
        var steps = 0
        while !second.isFinished, steps < 100 { _ = try second.step(); steps += 1 }
        // The rest of epoch 2 (2 steps) and epoch 3 (4 steps).
        #expect(steps == 6)
        #expect(second.trainer.step == 12)
    }

    // MARK: - Interrupted and resumed = uninterrupted

    /// A small run with everything random switched on: crops, flips, dropout (mini's drop6/drop7).
    static func augmentedRun(schedule: LearningRateSchedule = .step) throws -> TrainingRun {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 3)
        return try TrainingRun(network: net, train: EmptyDatasetTests.data(40), test: EmptyDatasetTests.data(8, split: .test),
                               options: TrainingOptions(epochs: 3, batchSize: 8, learningRate: 0.02, seed: 3, augment: true,
                                                        schedule: schedule))
    }

    /// The second run resumes from `checkpoint` (saved to a file and read back) and trains to the end.
    static func resumed(from checkpoint: Checkpoint, schedule: LearningRateSchedule = .step) throws -> (TrainingRun, [String]) {
        let dir = TemporaryDirectory()
        try checkpoint.save(to: dir.file("c.safetensors"))
        let second = try augmentedRun(schedule: schedule)
        let notes = try second.restore(try Checkpoint.load(from: dir.file("c.safetensors")), source: "c.safetensors")
        while !second.isFinished { _ = try second.step() }
        return (second, notes)
    }

    static func finished(_ run: TrainingRun) throws -> TrainingRun {
        while !run.isFinished { _ = try run.step() }
        return run
    }

    @Test(arguments: [LearningRateSchedule.step, .plateau])
    func anInterruptedRunResumesBitForBit(schedule: LearningRateSchedule) throws {
        let whole = try Self.finished(try Self.augmentedRun(schedule: schedule))
        // The step schedule divided the rate for epoch 3 (5 steps of 8 per epoch).
        if schedule == .step { #expect(whole.trainer.optimizer.learningRate == 0.02 * 0.1) }
        let first = try Self.augmentedRun(schedule: schedule)
        for _ in 0..<7 { _ = try first.step() }   // 2 batches into epoch 2
        let (second, notes) = try Self.resumed(from: first.checkpoint(activation: .relu), schedule: schedule)
        #expect(notes == [])
        #expect(second.trainer.step == whole.trainer.step)
        #expect(second.network.state.map(\.tensor) == whole.network.state.map(\.tensor))
        #expect(second.trainer.optimizer.velocity == whole.trainer.optimizer.velocity)
        #expect(second.network.dropoutRandomStates == whole.network.dropoutRandomStates)
        #expect(second.checkpoint(activation: .relu).metadata == whole.checkpoint(activation: .relu).metadata)
    }

    /// A checkpoint from before the random states were recorded still resumes, says that the random
    /// streams restart, and so ends elsewhere (which is why the states are saved).
    @Test func aCheckpointWithoutRandomStatesResumesWithANote() throws {
        let whole = try Self.finished(try Self.augmentedRun())
        let first = try Self.augmentedRun()
        for _ in 0..<7 { _ = try first.step() }
        var old = first.checkpoint(activation: .relu)
        old.metadata.random = nil
        old.metadata.schedule = nil
        let (second, notes) = try Self.resumed(from: old)
        #expect(notes == ["the checkpoint records no random-stream states (written by an older version): crops, flips and dropout "
                          + "masks restart from seed 3, so this run differs from an uninterrupted one"])
        #expect(second.trainer.step == whole.trainer.step)
        #expect(second.network.state.map(\.tensor) != whole.network.state.map(\.tensor))
    }

    @Test func randomStatesMustMatchTheDropoutLayers() throws {
        let first = try Self.augmentedRun()
        _ = try first.step()
        var checkpoint = first.checkpoint(activation: .relu)
        #expect(checkpoint.metadata.random?.dropout.keys.sorted() == ["drop6", "drop7"])
        checkpoint.metadata.random?.dropout["drop7"] = nil
        checkpoint.metadata.random?.dropout["drop9"] = 5
        let second = try Self.augmentedRun()
        let error = #expect(throws: WeightsError.self) { try second.restore(checkpoint, source: "c.safetensors") }
        #expect(error?.description == "c.safetensors: no random state for dropout layer 'drop7'; expected one for each of drop6, drop7")
    }

    @Test func resumingAFinishedRunIsRefused() throws {
        let checkpoint = try Self.midEpochCheckpoint()
        let second = try Self.run(images: 16, batch: 4, epochs: 1)
        let error = #expect(throws: WeightsError.self) { try second.restore(checkpoint, source: "c.safetensors") }
        #expect(error?.description == "c.safetensors: the checkpoint has already completed 1 of the 1 epochs asked for in total, "
                + "so nothing is left to train; expected more than 1 epochs")
    }
}
