import AlexNetCore

/// What a background training run hands the UI: immutable values only, copied out of the trainer, so
/// the UI never waits for it and never sees a half-updated network.
public struct TrainingSnapshot: Sendable, Equatable {
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
    /// One line about the last event: "saved mini.safetensors", "learning rate ÷10".
    public var message: String?

    public init(state: State = .idle, step: Int = 0, epoch: Double = 0, totalSteps: Int? = nil,
                loss: [ChartPoint] = [], trainError: [ChartPoint] = [], testError: [ChartPoint] = [],
                imagesPerSecond: Double = 0, learningRate: Double = 0, filters: FilterSet? = nil,
                message: String? = nil) {
        self.state = state; self.step = step; self.epoch = epoch; self.totalSteps = totalSteps
        self.loss = loss; self.trainError = trainError; self.testError = testError
        self.imagesPerSecond = imagesPerSecond; self.learningRate = learningRate
        self.filters = filters; self.message = message
    }
}

/// What the training and compare screens ask the app to do; the app loop takes them and talks to the
/// background worker.
public enum TrainingRequest: Sendable, Equatable {
    case toggleRunning
    case save
}
