/// How this program trains when it is not told otherwise: the one place that decides which network trains
/// for an explored one, its learning rate, schedule, initialisation, batch and seed. `alexnet train`'s
/// defaults, the explorer's Training screen, and lessons in plain and full screen all ask it, so "ten
/// times smaller than the program's rate" means the same number everywhere.
///
/// A lesson's `recipe:` step changes the learning rate or the initialisation (nil keeps the default).
public struct TrainingRecipe: Sendable, Equatable, CustomStringConvertible {
    /// The program's one default learning rate ε (the paper's SGD: momentum 0.9, weight decay 0.0005).
    public static let defaultLearningRate = 0.02
    public static let defaultBatchSize = 64
    /// `alexnet train`'s default length; with the step schedule epoch 3 runs at ε/10 (from step 1,250 of mini).
    public static let defaultEpochs = 3
    public static let defaultSeed: UInt64 = 1
    public static let defaultSchedule = LearningRateSchedule.step

    /// A lesson's learning rate; nil: `defaultLearningRate`.
    public var learningRate: Double?
    /// A lesson's initialisation; nil: the network's default (`Initialization.default(for:)`).
    public var initialization: Initialization?

    public init(learningRate: Double? = nil, initialization: Initialization? = nil) {
        self.learningRate = learningRate; self.initialization = initialization
    }

    /// Learning rates a lesson may set: wide enough to show too small and too large.
    public static let learningRates = 1e-6...1.0

    /// The learning rate a run with this recipe starts at.
    public var rate: Double { learningRate ?? Self.defaultLearningRate }

    /// The initialisation a run of `spec` draws its weights with.
    public func initialization(for spec: NetworkSpec) -> Initialization {
        initialization ?? Initialization.default(for: Preset(rawValue: spec.name))
    }

    /// The network that trains when `explored` is the one being looked at: itself when it reads Fashion-MNIST
    /// as it is, else `mini` with the reason.
    public static func engine(for explored: NetworkSpec) -> EngineNetwork { EngineNetwork.for(explored) }

    /// The options of a run of `spec` with this recipe.
    public func options(for spec: NetworkSpec, epochs: Int = defaultEpochs, limit: Int? = nil,
                        testLimit: Int? = nil) -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: Self.defaultBatchSize, learningRate: rate, seed: Self.defaultSeed,
                        limit: limit, testLimit: testLimit, initialization: initialization(for: spec),
                        schedule: Self.defaultSchedule)
    }

    /// What a run of `spec` starts from, for "reset to …" and headers: "mini's untrained weights (He normal, seed 1)".
    public func startText(for spec: NetworkSpec) -> String {
        "\(spec.name)'s untrained weights (\(initialization(for: spec).name), seed \(Self.defaultSeed))"
    }

    public var description: String {
        [learningRate.map { "learning rate \($0)" }, initialization.map { "\($0.name) initialisation" }]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
