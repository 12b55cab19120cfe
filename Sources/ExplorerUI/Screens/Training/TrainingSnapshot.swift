import AlexNetCore

/// What a background training run hands the UI: immutable values only, copied out of the trainer, so
/// the UI never waits for it and never sees a half-updated network.
public struct TrainingSnapshot: Sendable, Equatable {
    public static func == (a: TrainingSnapshot, b: TrainingSnapshot) -> Bool {
        a.state == b.state && a.step == b.step && a.epoch == b.epoch && a.totalSteps == b.totalSteps && a.loss == b.loss
            && a.trainError == b.trainError && a.testError == b.testError && a.imagesPerSecond == b.imagesPerSecond
            && a.learningRate == b.learningRate && a.filters == b.filters && a.weights == b.weights
            && a.goal?.from == b.goal?.from && a.goal?.to == b.goal?.to && a.message == b.message
    }

    public enum State: Sendable, Equatable {
        case idle, running, paused
        case finished(String)
        case failed(String)
    }

    public var state: State
    public var step: Int
    public var epoch: Double
    public var totalSteps: Int?
    public var loss: [ChartPoint]
    public var trainError: [ChartPoint]
    public var testError: [ChartPoint]
    public var imagesPerSecond: Double
    public var learningRate: Double
    /// conv1's weights as of this snapshot.
    public var filters: FilterSet?
    /// Every weight of the network as of this snapshot (copied at most a few times a second), for the
    /// filters and features screens.
    public var weights: NetworkWeights?
    /// The step a bounded run (a lesson's `train: N`) pauses at, and the step it started from.
    public var goal: (from: Int, to: Int)?
    /// One line about the last event: "saved mini.safetensors", "learning rate ÷10".
    public var message: String?

    public init(state: State = .idle, step: Int = 0, epoch: Double = 0, totalSteps: Int? = nil,
                loss: [ChartPoint] = [], trainError: [ChartPoint] = [], testError: [ChartPoint] = [],
                imagesPerSecond: Double = 0, learningRate: Double = 0, filters: FilterSet? = nil,
                weights: NetworkWeights? = nil, goal: (from: Int, to: Int)? = nil, message: String? = nil) {
        self.state = state; self.step = step; self.epoch = epoch; self.totalSteps = totalSteps
        self.loss = loss; self.trainError = trainError; self.testError = testError
        self.imagesPerSecond = imagesPerSecond; self.learningRate = learningRate
        self.filters = filters ?? weights?.filters; self.weights = weights; self.goal = goal; self.message = message
    }
}

/// What the training and compare screens ask the app to do; the app loop takes them and talks to the
/// background worker.
public enum TrainingRequest: Sendable, Equatable {
    case toggleRunning
    case save
    /// Forget the run: back to the initial weights.
    case reset
    /// Train this many steps, then pause (a lesson's `train: N`).
    case steps(Int)
    /// Pause if running (a lesson's Esc skips the rest of its steps).
    case pause
}
