import AlexNetCore

/// What a screen's `update` asks of the app (the Elm architecture's commands). The explorer applies
/// what only changes its model (reset) and hands the rest to the runtime, which talks to the engine
/// and answers with `AppEvent`s.
public enum AppRequest: Sendable, Equatable {
    /// To the training run of the Training screen.
    case training(TrainingRequest)
    /// To the ReLU-vs-tanh comparison.
    case comparison(TrainingRequest)
    /// Another feature input: +1 the next test image, −1 the previous.
    case featureInput(step: Int)
    /// Run the forward pass again with the model's current weights (they changed).
    case recomputeFeatures
    /// Make the weights the model was built without (`AppModel.weightsNote`): a screen that shows them opened.
    case makeWeights
}

/// What the runtime tells the app: results of the engine, always immutable snapshots.
public enum AppEvent: Sendable {
    /// The training run's newest state; its `weights` are the live weights of the engine network.
    case training(TrainingSnapshot)
    case comparison(ComparisonSummary, TrainingSnapshot.State)
    /// A forward pass of the feature input with the weights the model held at `weightsVersion`.
    case features(FeatureSet, weightsVersion: Int)
    /// The weights the model was made without (`AppModel.weightsNote`), made in the background, and the
    /// feature input's forward pass with them when the runtime made that too.
    case weightsMade(NetworkWeights, FeatureSet?)
    /// They could not be made: why, for the screens that would have shown them.
    case weightsFailed(String)
    /// Feature input that cannot move (a single image file): a note for the features screen.
    case featureNote(String)
}
