import Foundation

/// Why a network cannot be trained on Fashion-MNIST as it is.
public struct TrainingSetupError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A training run of a network on Fashion-MNIST, one step at a time, so that the CLI's progress bar,
/// the explorer's background worker and the ReLU-vs-tanh comparison all drive the same loop.
///
/// Data order depends only on the seed and the epoch, the augmentation and dropout streams only on the
/// seed: two runs with the same seed see identical batches, whatever their activation.
public final class TrainingRun {
    public let network: Network
    public let trainer: Trainer
    public let options: TrainingOptions
    public let train: FashionMNIST
    public let test: FashionMNIST?
    public let normalization: PixelNormalization
    public private(set) var epochIndex = 0
    private var epochBatches: [[Int]] = []
    private var position = 0
    private var augmentRandom: SeededRandom
    private var window: [(loss: Double, wrong: Int, count: Int)] = []
    private var schedule: PlateauSchedule
    private var clock = ContinuousClock.now
    private var recentImages = 0
    private var rate = 0.0
    public private(set) var lastTestError: Double?
    /// How long the last test pass took, so an epoch's time can be split into training and testing.
    public private(set) var lastTestSeconds: Double = 0
    /// The batch of the last step, as the network saw it (for tests that two runs see the same data).
    private(set) var lastBatch: Batch?

    public init(network: Network, train: FashionMNIST, test: FashionMNIST?, options: TrainingOptions) throws(TrainingSetupError) {
        let input = network.spec.input
        guard input.channels == 1, input.height <= FashionMNIST.side, input.width <= FashionMNIST.side else {
            throw TrainingSetupError(message: "\(network.spec.name) takes \(input.channels)×\(input.height)×\(input.width) images; "
                + "Fashion-MNIST is 1×28×28, so only networks with 1 input channel and at most 28×28 train on it (try --preset mini)")
        }
        guard network.report.output.count == FashionMNIST.classNames.count else {
            throw TrainingSetupError(message: "\(network.spec.name) ends in \(network.report.output.count) classes; Fashion-MNIST has 10")
        }
        guard options.batchSize >= 1 else { throw TrainingSetupError(message: "batch size must be at least 1") }
        self.network = network; self.train = train; self.test = test; self.options = options
        trainer = Trainer(network: network, learningRate: options.learningRate)
        normalization = train.measuredNormalization()
        augmentRandom = SeededRandom(seed: options.seed, stream: "augment")
        schedule = PlateauSchedule(patience: options.plateauPatience)
        startEpoch(0)
    }

    public var stepsPerEpoch: Int { (train.count + options.batchSize - 1) / options.batchSize }
    public var totalSteps: Int { stepsPerEpoch * options.epochs }
    public var isFinished: Bool { epochIndex >= options.epochs }

    private func startEpoch(_ e: Int) {
        epochIndex = e
        epochBatches = Array(MiniBatchOrder(count: train.count, batchSize: options.batchSize, seed: options.seed, epoch: e))
        position = 0
    }

    /// Continues a saved run: weights, momentum, step and epoch from a checkpoint.
    public func restore(_ checkpoint: Checkpoint, source: String) throws(WeightsError) {
        try network.load(Dictionary(uniqueKeysWithValues: checkpoint.weights.map { ($0.name, $0.tensor) }), source: source)
        let momentum = Dictionary(uniqueKeysWithValues: checkpoint.momentum.map { ($0.name, $0.tensor) })
        try trainer.optimizer.loadVelocity(momentum, source: source)
        trainer.optimizer.learningRate = checkpoint.metadata.learningRate
        trainer.resume(atStep: checkpoint.metadata.step)
        startEpoch(checkpoint.metadata.epoch)
        // Within an epoch, resume at the batch after the last completed one.
        position = min(epochBatches.count, max(0, checkpoint.metadata.step - checkpoint.metadata.epoch * stepsPerEpoch))
    }

    /// The run's state as a checkpoint (weights, momentum, where it is).
    public func checkpoint(activation: Activation) -> Checkpoint {
        let weights = network.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }
        let momentum = network.parameters.map { NamedTensor(name: $0.name, tensor: trainer.optimizer.velocity[$0.name]!) }
        return Checkpoint(weights: weights, momentum: momentum, metadata: CheckpointMetadata(
            network: network.spec.name, epoch: epochIndex, step: trainer.step, learningRate: trainer.optimizer.learningRate,
            seed: options.seed, activation: activation,
            extra: ["normalization_mean": String(normalization.mean), "normalization_std": String(normalization.std)]))
    }

    /// The images of `indices` as the network sees them: normalised, cropped (randomly when
    /// augmenting) and maybe flipped.
    func batch(_ indices: [Int], from data: FashionMNIST, augment: Bool) -> Batch {
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

    /// Trains on the next batch; at the end of an epoch also measures the test error and applies the
    /// plateau schedule.
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
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
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
                if let lower = schedule.observe(error: e, learningRate: trainer.optimizer.learningRate) {
                    trainer.optimizer.learningRate = lower
                    progress.learningRateDropped = true
                }
            }
            startEpoch(completedEpoch + 1)
        }
        return progress
    }

    /// Error rate on the test set (or its first `testLimit` images), centre crops, no dropout.
    public func testError() -> Double {
        guard let test else { return .nan }
        let started = ContinuousClock.now
        defer {
            let d = ContinuousClock.now - started
            lastTestSeconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
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
