import Foundation

/// Why a network cannot be trained on a dataset as it is.
public struct TrainingSetupError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A training run of a network on an image dataset (Fashion-MNIST, CIFAR-10), one step at a time, so that the CLI's progress bar,
/// the explorer's background worker and the ReLU-vs-tanh comparison all drive the same loop.
///
/// Data order depends only on the seed and the epoch, the augmentation and dropout streams only on the
/// seed: two runs with the same seed see identical batches, whatever their activation.
public final class TrainingRun {
    public let network: Network
    public let trainer: Trainer
    public let options: TrainingOptions
    public let train: ImageDataset
    public let test: ImageDataset?
    public let normalization: PixelNormalization
    public private(set) var epochIndex = 0
    private var epochBatches: [[Int]] = []
    private var position = 0
    private var augmentRandom: SeededRandom
    private var window: [(loss: Double, wrong: Int, count: Int)] = []
    private var plateau: PlateauSchedule
    private var clock = ContinuousClock.now
    private var recentImages = 0
    private var rate = 0.0
    public private(set) var lastTestError: Double?
    /// How long the last test pass took, so an epoch's time can be split into training and testing.
    public private(set) var lastTestSeconds: Double = 0
    /// The batch of the last step, as the network saw it (for tests that two runs see the same data).
    private(set) var lastBatch: Batch?

    public init(network: Network, train: ImageDataset, test: ImageDataset?, options: TrainingOptions) throws(TrainingSetupError) {
        if let why = train.mismatch(network.spec.input, outputs: network.report.output.count, network: network.spec.name) {
            throw TrainingSetupError(message: why)
        }
        guard options.batchSize >= 1 else { throw TrainingSetupError(message: "batch size must be at least 1") }
        guard options.epochs >= 1 else { throw TrainingSetupError(message: "the number of epochs must be at least 1") }
        guard train.count >= 1 else { throw TrainingSetupError(message: "the training set has no images; expected at least 1") }
        // A test error over zero images would read as 0% error, i.e. a claimed 100% accuracy.
        if let test, min(test.count, max(0, options.testLimit ?? test.count)) < 1 {
            throw TrainingSetupError(message: "the test set has no images to measure (test limit \(options.testLimit.map(String.init) ?? "none"), "
                + "\(test.count) test images); expected at least 1")
        }
        self.network = network; self.train = train; self.test = test; self.options = options
        trainer = Trainer(network: network, learningRate: options.learningRate)
        normalization = train.measuredNormalization()
        augmentRandom = SeededRandom(seed: options.seed, stream: "augment")
        plateau = PlateauSchedule(patience: options.plateauPatience)
        startEpoch(0)
        if options.schedule == .step {
            trainer.optimizer.learningRate = LearningRateSchedule.stepRate(base: options.learningRate, epoch: 0, epochs: options.epochs)
        }
    }

    public var stepsPerEpoch: Int { (train.count + options.batchSize - 1) / options.batchSize }
    public var totalSteps: Int { stepsPerEpoch * options.epochs }
    public var isFinished: Bool { epochIndex >= options.epochs }

    private func startEpoch(_ e: Int) {
        epochIndex = e
        epochBatches = Array(MiniBatchOrder(count: train.count, batchSize: options.batchSize, seed: options.seed, epoch: e))
        position = 0
    }

    /// Continues a saved run: weights, momentum, step, epoch, the random streams and the schedule's state
    /// from a checkpoint, so that a run interrupted and resumed with the same options ends bit for bit as the
    /// uninterrupted one.
    ///
    /// Returns notes for whatever cannot continue exactly (empty when the run continues exactly where it
    /// stopped): when the checkpoint was written with another batch size or another number of training
    /// images, a position inside an epoch means different images (the shuffled order depends on the set's
    /// size), so the unfinished epoch starts again from its first batch; a checkpoint without random states
    /// (written by an older version) restarts the random streams from the seed; a `step` run takes its
    /// rate from the schedule, and says so when the checkpoint's rate is not one of that schedule's.
    @discardableResult
    public func restore(_ checkpoint: Checkpoint, source: String) throws(WeightsError) -> [String] {
        let saved = checkpoint.metadata
        guard saved.epoch < options.epochs else {
            throw WeightsError(source: source, message: "the checkpoint has already completed \(saved.epoch) of the \(options.epochs) "
                + "epochs asked for in total, so nothing is left to train; expected more than \(saved.epoch) epochs")
        }
        try network.load(Dictionary(uniqueKeysWithValues: checkpoint.weights.map { ($0.name, $0.tensor) }), source: source)
        let momentum = Dictionary(uniqueKeysWithValues: checkpoint.momentum.map { ($0.name, $0.tensor) })
        try trainer.optimizer.loadVelocity(momentum, source: source)
        var notes: [String] = []
        if let random = saved.random {
            try network.continueDropoutRandom(from: random.dropout, source: source)
            augmentRandom = SeededRandom(state: random.augment)
        } else {
            notes.append("the checkpoint records no random-stream states (written by an older version): crops, flips and dropout "
                + "masks restart from seed \(options.seed), so this run differs from an uninterrupted one")
        }
        trainer.optimizer.learningRate = saved.learningRate
        if options.schedule == .step {
            let rate = LearningRateSchedule.stepRate(base: options.learningRate, epoch: saved.epoch, epochs: options.epochs)
            // A step run of another length stopped at ε or ε/10: its rate differing from this run's is expected.
            let stepRates = [options.learningRate, options.learningRate * LearningRateSchedule.factor]
            if !stepRates.contains(saved.learningRate) {
                notes.append("the checkpoint's learning rate is \(saved.learningRate); the step schedule from --lr \(options.learningRate) "
                    + "over \(options.epochs) epochs gives \(rate) for epoch \(saved.epoch + 1), which this run uses")
            }
            trainer.optimizer.learningRate = rate
        }
        if options.schedule == .plateau, saved.schedule == .plateau {
            plateau.resume(best: saved.plateauBest ?? .infinity, waited: saved.plateauWaited ?? 0)
        }
        trainer.resume(atStep: saved.step)
        startEpoch(saved.epoch)
        let (start, note) = Self.resumePosition(saved, batchSize: options.batchSize, trainImages: train.count,
                                                stepsPerEpoch: epochBatches.count)
        position = start
        if let note { notes.insert(note, at: 0) }
        return notes
    }

    /// The batch of epoch `saved.epoch` a resumed run starts at, and why it is not the saved one if it is not.
    static func resumePosition(_ saved: CheckpointMetadata, batchSize: Int, trainImages: Int,
                               stepsPerEpoch: Int) -> (position: Int, note: String?) {
        let epoch = "epoch \(saved.epoch + 1)"
        let now = "batches of \(batchSize) from \(trainImages) images"
        if let done = saved.epochStep {
            let sameLayout = saved.batchSize == batchSize && saved.trainImages == trainImages
            if sameLayout, done < stepsPerEpoch { return (done, nil) }
            let then = "batches of \(saved.batchSize.map(String.init) ?? "?") from \(saved.trainImages.map(String.init) ?? "?") images"
            if done == 0 {
                return (0, "the checkpoint was written training on \(then), this run uses \(now); it starts \(epoch) at its first batch")
            }
            return (0, "the checkpoint stopped \(done) batches into \(epoch) training on \(then); this run uses \(now), "
                + "where that position means other images, so \(epoch) starts again at its first batch")
        }
        // Checkpoints that record no layout: the position follows from the step count if the layout is unchanged.
        let (span, overflow) = saved.epoch.multipliedReportingOverflow(by: stepsPerEpoch)
        let derived = overflow ? -1 : saved.step - span
        if derived >= 0, derived < stepsPerEpoch { return (derived, nil) }
        return (0, "the checkpoint records no batch size or training-set size, and its step \(saved.step) does not fall "
            + "inside \(epoch) at \(now); \(epoch) starts at its first batch")
    }

    /// The run's state as a checkpoint (weights, momentum, where it is, its random streams and schedule).
    public func checkpoint(activation: Activation) -> Checkpoint {
        let weights = network.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }
        let momentum = network.parameters.map { NamedTensor(name: $0.name, tensor: trainer.optimizer.velocity[$0.name]!) }
        var metadata = CheckpointMetadata(
            network: network.spec.name, epoch: epochIndex, step: trainer.step, learningRate: trainer.optimizer.learningRate,
            seed: options.seed, activation: activation,
            epochStep: position, batchSize: options.batchSize, trainImages: train.count,
            normalization: normalization)
        metadata.schedule = options.schedule
        if options.schedule == .plateau {
            metadata.plateauBest = plateau.best.isFinite ? plateau.best : nil
            metadata.plateauWaited = plateau.waited
        }
        metadata.random = .init(augment: augmentRandom.state, dropout: network.dropoutRandomStates)
        return Checkpoint(weights: weights, momentum: momentum, metadata: metadata)
    }

    /// The images of `indices` as the network sees them: normalised, cropped (randomly when
    /// augmenting) and maybe flipped.
    func batch(_ indices: [Int], from data: ImageDataset, augment: Bool) -> Batch {
        let (images, labels) = data.batch(indices, normalization: normalization)
        var b = Batch(images: images, labels: labels)
        let input = network.spec.input
        var random: SeededRandom? = augment ? augmentRandom : nil
        b = Augmentation.crop(b, height: input.height, width: input.width, random: &random)
        if augment {
            augmentRandom = random ?? augmentRandom
            b = Augmentation.flip(b, random: &augmentRandom)
        }
        return b
    }

    /// Trains on the next batch; at the end of an epoch also measures the test error and sets the next
    /// epoch's learning rate by the schedule.
    public func step() throws(DivergenceError) -> TrainingProgress {
        let indices = epochBatches[position]
        let b = batch(indices, from: train, augment: options.augment)
        lastBatch = b
        let result = try trainer.trainStep(b)
        position += 1
        window.append((result.loss * Double(result.count), result.count - result.correct, result.count))
        var inWindow = window.reduce(0) { $0 + $1.count }
        while window.count > 1, inWindow - window[0].count >= options.windowImages {
            inWindow -= window[0].count
            window.removeFirst()
        }
        recentImages += result.count
        let elapsed = ContinuousClock.now - clock
        let seconds = elapsed / .seconds(1)
        if seconds >= 0.5 || rate == 0 {
            rate = Double(recentImages) / max(seconds, 1e-9)
            recentImages = 0; clock = .now
        }
        let completedEpoch = epochIndex
        var progress = TrainingProgress(
            step: trainer.step, epoch: Double(epochIndex) + Double(position) / Double(epochBatches.count),
            epochIndex: epochIndex, stepsPerEpoch: epochBatches.count,
            batchLoss: result.loss, batchError: result.error,
            loss: window.reduce(0) { $0 + $1.loss } / Double(inWindow),
            trainError: Double(window.reduce(0) { $0 + $1.wrong }) / Double(inWindow),
            imagesPerSecond: rate, learningRate: trainer.optimizer.learningRate, testError: nil, learningRateDropped: false)
        if position == epochBatches.count {
            if test != nil {
                let e = testError()
                progress.testError = e
                if options.schedule == .plateau, let lower = plateau.observe(error: e, learningRate: trainer.optimizer.learningRate) {
                    trainer.optimizer.learningRate = lower
                    progress.learningRateDropped = true
                }
            }
            let stepEpoch = LearningRateSchedule.stepEpoch(epochs: options.epochs)
            if options.schedule == .step, completedEpoch + 1 == stepEpoch, stepEpoch < options.epochs {
                trainer.optimizer.learningRate = LearningRateSchedule.stepRate(base: options.learningRate, epoch: completedEpoch + 1,
                                                                               epochs: options.epochs)
                progress.learningRateDropped = true
            }
            startEpoch(completedEpoch + 1)
        } else if let every = options.testEvery, test != nil, trainer.step % every == 0 {
            progress.testError = testError()
        }
        return progress
    }

    /// Error rate on the test set (or its first `testLimit` images), centre crops, no dropout.
    public func testError() -> Double {
        guard let test else { return .nan }
        let started = ContinuousClock.now
        defer {
            let d = ContinuousClock.now - started
            lastTestSeconds = d / .seconds(1)
        }
        let n = min(test.count, options.testLimit ?? test.count)
        let size = 500
        let batches = stride(from: 0, to: n, by: size).lazy.map { start in
            self.batch(Array(start..<min(n, start + size)), from: test, augment: false)
        }
        let e = trainer.evaluate(batches).error
        lastTestError = e
        return e
    }

    /// One test image as the network sees it (normalised, centre-cropped), with its label.
    public func testInput(_ index: Int) -> Batch? {
        guard let test, index >= 0, index < test.count else { return nil }
        return batch([index], from: test, augment: false)
    }
}
