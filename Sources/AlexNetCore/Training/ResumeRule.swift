/// What a resumed run trains with: one rule for every option a checkpoint records (activation, learning rate,
/// schedule, seed, batch size, training images, augmentation). An option given on the command line wins; one not
/// given takes the checkpoint's value; each given value that differs from the checkpoint's gets a note. Before,
/// `--resume` continued a tanh run as ReLU and saved it as ReLU, and a new `--lr` under the constant schedule was
/// printed but not used, while other changes passed without a word.
public struct ResumeRule: Sendable, Equatable {
    /// The options as the command line gave them: nil where not given.
    public struct Given: Sendable, Equatable {
        public var activation: Activation?
        public var learningRate: Double?
        public var schedule: LearningRateSchedule?
        public var seed: UInt64?
        public var batchSize: Int?
        public var limit: Int?
        public var augment: Bool?
        public var initialization: Initialization?

        public init(activation: Activation? = nil, learningRate: Double? = nil, schedule: LearningRateSchedule? = nil,
                    seed: UInt64? = nil, batchSize: Int? = nil, limit: Int? = nil, augment: Bool? = nil,
                    initialization: Initialization? = nil) {
            self.activation = activation; self.learningRate = learningRate; self.schedule = schedule; self.seed = seed
            self.batchSize = batchSize; self.limit = limit; self.augment = augment; self.initialization = initialization
        }
    }

    public var activation: Activation
    public var learningRate: Double
    public var schedule: LearningRateSchedule
    public var seed: UInt64
    public var batchSize: Int
    /// The training images to use: given, else as many as the checkpoint's run had (nil: the checkpoint does not say).
    public var limit: Int?
    public var augment: Bool
    /// Notes for stderr, one per given option that changes what the checkpoint recorded.
    public var notes: [String]

    /// The checkpoint's `extra` key that records whether the run augmented its images ("on" or "off").
    public static let augmentKey = "augment"
    /// The run's starting rate (ε before any ÷10): a step run's saved rate alone cannot tell ε from ε/10 once the
    /// resumed run has another length (a 1-epoch run stops at ε, a 2-epoch one steps to ε/10 in its epoch 2).
    public static let baseRateKey = "base_learning_rate"

    /// - Parameters:
    ///   - epochs: the resumed run's total epochs (the step schedule's ÷10 point depends on it).
    ///   - defaults: the values a fresh run would use, for what neither the command line nor the checkpoint gives.
    public init(given: Given, checkpoint saved: CheckpointMetadata, epochs: Int, defaults: TrainingOptions) {
        var notes: [String] = []
        func note<T: Equatable>(_ option: String, _ given: T?, _ saved: T?, _ text: (T) -> String) {
            if let given, let saved, given != saved {
                notes.append("\(option) \(text(given)) replaces the checkpoint's \(text(saved)) from here on")
            }
        }
        let savedAugment = saved.extra[Self.augmentKey].flatMap { ["on": true, "off": false][$0] }
        note("--activation", given.activation, saved.activation, \.rawValue)
        note("--schedule", given.schedule, saved.schedule, \.rawValue)
        note("--seed", given.seed, saved.seed, String.init)
        note("augmentation", given.augment, savedAugment) { $0 ? "on" : "off" }
        activation = given.activation ?? saved.activation
        schedule = given.schedule ?? saved.schedule ?? .step
        seed = given.seed ?? saved.seed
        batchSize = given.batchSize ?? saved.batchSize ?? defaults.batchSize
        limit = given.limit ?? saved.trainImages
        augment = given.augment ?? savedAugment ?? defaults.augment
        // The checkpoint's rate is where its run stopped; under the step schedule that is the base rate or its tenth,
        // and the base is what the schedule is computed from.
        // Checkpoints of older versions record no base: then the resumed run's length decides, as it did.
        let stepped = LearningRateSchedule.stepRate(base: 1, epoch: saved.epoch, epochs: epochs) != 1
        // Only the step schedule computes from the base; plateau and constant runs go on from the rate they stopped at.
        let recordedBase = schedule == .step ? saved.extra[Self.baseRateKey].flatMap(Double.init) : nil
        let savedBase = recordedBase
            ?? (schedule == .step && stepped ? saved.learningRate / LearningRateSchedule.factor : saved.learningRate)
        // (Under the step schedule `TrainingRun.restore` says it, with the rate the schedule gives.)
        if schedule != .step, let rate = given.learningRate, rate != savedBase {
            notes.append("--lr \(rate) replaces the checkpoint's learning rate \(savedBase) from here on")
        }
        learningRate = given.learningRate ?? savedBase
        if given.initialization != nil {
            notes.append("--init has no effect on a resumed run: the weights come from the checkpoint")
        }
        self.notes = notes
    }

    /// `options` with this rule's values.
    public func applied(to options: TrainingOptions) -> TrainingOptions {
        var o = options
        o.learningRate = learningRate; o.schedule = schedule; o.seed = seed; o.batchSize = batchSize
        o.limit = limit; o.augment = augment
        return o
    }
}
