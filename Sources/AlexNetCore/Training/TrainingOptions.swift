/// The knobs of a training run on Fashion-MNIST.
public struct TrainingOptions: Sendable, Equatable {
    /// Ranges the command line states and checks; a checkpoint's metadata is checked against the same.
    public static let epochRange = 1...10_000
    /// A batch above a few thousand 28×28 images gains no speed and only costs memory.
    public static let batchSizeRange = 1...4_096

    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Double
    public var seed: UInt64
    /// Use only the first N training images (quick runs, tests).
    public var limit: Int?
    /// Use only the first N test images for the per-epoch test error.
    public var testLimit: Int?
    /// Random crops (when the images are larger than the network input) and horizontal flips.
    public var augment: Bool
    public var initialization: Initialization
    /// How the learning rate changes over the run.
    public var schedule: LearningRateSchedule
    /// With the `plateau` schedule: evaluations without improvement before the learning rate is divided by 10.
    public var plateauPatience: Int
    /// Images averaged into the running loss and training error.
    public var windowImages: Int
    /// Also measure the test error every N steps, not only at epoch ends (the training screen, so that its
    /// test curve starts within seconds); nil: at epoch ends only.
    public var testEvery: Int?

    public init(epochs: Int = TrainingRecipe.defaultEpochs, batchSize: Int = TrainingRecipe.defaultBatchSize,
                learningRate: Double = TrainingRecipe.defaultLearningRate, seed: UInt64 = TrainingRecipe.defaultSeed,
                limit: Int? = nil, testLimit: Int? = nil, augment: Bool = true,
                initialization: Initialization = .he, plateauPatience: Int = 2, windowImages: Int = 2_000,
                schedule: LearningRateSchedule = .step, testEvery: Int? = nil) {
        self.epochs = epochs; self.batchSize = batchSize; self.learningRate = learningRate; self.seed = seed
        self.limit = limit; self.testLimit = testLimit; self.augment = augment
        self.initialization = initialization; self.plateauPatience = plateauPatience; self.windowImages = windowImages
        self.schedule = schedule; self.testEvery = testEvery
    }
}

/// Where a run is after a step: what a progress bar, a CSV log or a live chart shows.
public struct TrainingProgress: Sendable, Equatable {
    public var step: Int
    /// Completed epochs plus the fraction of the current one.
    public var epoch: Double
    public var epochIndex: Int
    public var stepsPerEpoch: Int
    /// This step's batch.
    public var batchLoss: Double
    public var batchError: Double
    /// Means over the last `windowImages` images.
    public var loss: Double
    public var trainError: Double
    public var imagesPerSecond: Double
    public var learningRate: Double
    /// Set on the last step of an epoch (and every `testEvery` steps): the test error after it.
    public var testError: Double?
    /// Set when the learning rate was divided at this step (at an epoch's end, for the next epoch).
    public var learningRateDropped: Bool
}
