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
    public let train: any LabeledImages
    /// Fashion-MNIST's test set or a folder's validation set.
    public let test: (any LabeledImages)?
    /// Measured on the training set, or the one a fine-tuned checkpoint was trained with.
    public let normalization: ChannelNormalization
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

    /// - Parameter normalization: the inputs' normalisation; nil: measured on `train` (a fine-tuned network
    ///   keeps the one its features were learned with).
    public init(network: Network, train: any LabeledImages, test: (any LabeledImages)?, options: TrainingOptions,
                normalization: ChannelNormalization? = nil) throws(TrainingSetupError) {
        if let images = train as? ImageDataset,
           let why = images.mismatch(network.spec.input, outputs: network.report.output.count, network: network.spec.name) {
            throw TrainingSetupError(message: why)
        }
        let input = network.spec.input, stored = train.imageShape
        guard input.channels == stored.channels, input.height <= stored.height, input.width <= stored.width else {
            if train is FashionMNIST {
                throw TrainingSetupError(message: "\(network.spec.name) takes \(input.channels)×\(input.height)×\(input.width) images; "
                    + "Fashion-MNIST is 1×28×28, so only networks with 1 input channel and at most 28×28 train on it (try --preset mini)")
            }
            throw TrainingSetupError(message: "\(network.spec.name) takes \(input.channels)×\(input.height)×\(input.width) images; "
                + "the images were prepared as \(stored.channels)×\(stored.height)×\(stored.width)")
        }
        guard network.report.output.count == train.classNames.count else {
            throw TrainingSetupError(message: "\(network.spec.name) ends in \(network.report.output.count) classes; "
                + "\(train.classSource) has \(train.classNames.count)")
        }
        if let normalization, normalization.mean.count != input.channels {
            throw TrainingSetupError(message: "a normalisation of \(normalization.mean.count) channels for \(input.channels)-channel inputs")
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
        self.normalization = normalization ?? train.measuredNormalization()
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
    /// rate from the schedule, and says so when the checkpoint's rate is not one of that schedule's. Under the other
    /// schedules `learningRate`, when given, replaces the checkpoint's rate.
    @discardableResult
    public func restore(_ checkpoint: Checkpoint, source: String, learningRate: Double? = nil) throws(WeightsError) -> [String] {
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
        // A rate given for the resumed run (ResumeRule: --lr) replaces the one the checkpoint stopped at.
        trainer.optimizer.learningRate = learningRate ?? saved.learningRate
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
        metadata.classes = ClassNames(names: train.classNames, source: train.classSource)
        metadata.frozenThrough = network.frozenThrough
        metadata.schedule = options.schedule
        if options.schedule == .plateau {
            metadata.plateauBest = plateau.best.isFinite ? plateau.best : nil
            metadata.plateauWaited = plateau.waited
        }
        metadata.random = .init(augment: augmentRandom.state, dropout: network.dropoutRandomStates)
        metadata.extra[ResumeRule.augmentKey] = options.augment ? "on" : "off"
        metadata.extra[ResumeRule.baseRateKey] = String(options.learningRate)
        return Checkpoint(weights: weights, momentum: momentum, metadata: metadata)
    }

    /// The images of `indices` as the network sees them: normalised, cropped (randomly when
    /// augmenting) and maybe flipped.
    func batch(_ indices: [Int], from data: any LabeledImages, augment: Bool) throws(DatasetError) -> Batch {
        let (images, labels) = try data.batch(indices, normalization: normalization)
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
    public func step() throws(TrainingError) -> TrainingProgress {
        let indices = epochBatches[position]
        let b: Batch
        do throws(DatasetError) { b = try batch(indices, from: train, augment: options.augment) } catch { throw .data(error) }
        lastBatch = b
        let result: StepResult
        do throws(DivergenceError) { result = try trainer.trainStep(b) } catch { throw .diverged(error) }
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
                let e: Double
                do throws(DatasetError) { e = try testError() } catch { throw .data(error) }
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
            do throws(DatasetError) { progress.testError = try testError() } catch { throw .data(error) }
        }
        return progress
    }

    /// Error rate on the test set (or its first `testLimit` images), centre crops, no dropout.
    public func testError() throws(DatasetError) -> Double {
        guard let test else { return .nan }
        let started = ContinuousClock.now
        defer {
            let d = ContinuousClock.now - started
            lastTestSeconds = d / .seconds(1)
        }
        let n = min(test.count, options.testLimit ?? test.count)
        // 500 images a batch, fewer when they are large (a folder at 256×256×3 is 786 KB an image as floats):
        // at most 64 MiB of inputs at once.
        let shape = test.imageShape
        let size = max(1, min(500, (64 << 20) / max(1, shape.channels * shape.height * shape.width * 4)))
        var batches: [Batch] = []
        var wrong = 0
        for start in stride(from: 0, to: n, by: size) {
            // One batch at a time: a folder's streamed images are decoded as they are needed.
            batches = [try batch(Array(start..<min(n, start + size)), from: test, augment: false)]
            wrong += Int((trainer.evaluate(batches).error * Double(batches[0].count)).rounded())
        }
        let e = Double(wrong) / Double(max(n, 1))
        lastTestError = e
        return e
    }

    /// One test image as the network sees it (normalised, centre-cropped), with its label.
    public func testInput(_ index: Int) -> Batch? {
        guard let test, index >= 0, index < test.count else { return nil }
        return try? batch([index], from: test, augment: false)
    }
}

/// Why a training step stopped: the numbers blew up, or an image could not be read again.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case diverged(DivergenceError)
    case data(DatasetError)

    public var description: String {
        switch self {
        case .diverged(let e): e.description
        case .data(let e): e.description
        }
    }
}
