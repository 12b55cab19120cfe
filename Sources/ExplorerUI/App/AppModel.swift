import Localization
import AlexNetCore

/// The one state of the explorer: the network being explored, the engine network and the weights the
/// screens show (with where they came from), the training run, the comparison run and the feature input.
/// `Explorer` owns it; screens get a read-only copy through `observe(_:)` after every change and ask for
/// changes by returning `AppRequest`s from `update`.
public struct AppModel: Sendable {
    /// The network the layer walk and the what-if screen explain.
    public let explored: NetworkSpec
    public let report: ShapeReport
    /// The network the training screens run, and why when it is not `explored`.
    public let engine: EngineNetwork
    /// The weights the explorer started with (a checkpoint, or a seeded initialisation): what reset restores.
    /// Set by `.weightsMade` when they were made in the background.
    public private(set) var initialWeights: NetworkWeights?
    /// What the filters and features screens say while there are no weights to show yet: "making alexnet's
    /// weights (Gaussian σ = 0.01, seed 1)…" while the runtime draws them in the background (the paper's 62 M
    /// took over a second, and the layer walk needs none), or why they could not be made. Nil once they are there.
    public private(set) var weightsNote: String?
    /// True once `.makeWeights` was asked for: the weights are made when a screen first needs them, once.
    public private(set) var weightsAsked = false
    /// The explored network's weights as the filters and features screens show them now.
    public private(set) var weights: NetworkWeights?
    /// Bumped whenever `weights` change, so a forward pass can say which weights it used.
    public private(set) var weightsVersion = 0
    /// The feature input pushed through the network, and the weights version it was computed with.
    public private(set) var features: FeatureSet?
    public private(set) var featuresVersion = 0
    /// A note about the feature input ("one image file: no next image").
    public private(set) var featureNote: String?
    public private(set) var training: TrainingSnapshot
    public private(set) var comparison: ComparisonSummary
    public private(set) var comparisonState: TrainingSnapshot.State = .idle
    /// Why the engine cannot train at all (no Fashion-MNIST), for the training screens.
    public let dataProblem: String?
    /// The comparison's error targets, easiest first (the first is the verdict's).
    public let comparisonTargets: [Double]
    /// The training runs' settings, for the headers (the runtime that trains says what it uses).
    public let batchSize: Int
    public let learningRate: Double
    /// What the ReLU-vs-tanh screen runs, when the runtime says (it may run another network than training).
    public let comparisonDescription: String?
    /// What the training screen runs (schedule, how test error is measured), when the runtime says.
    public let trainingDescription: String?
    /// What a training run of the engine network starts from, as the runtime's recipe decides it ("mini's
    /// untrained weights (He normal, seed 1)"): what `r` resets to.
    public let trainingStart: String?
    /// Where learning can be watched, when it cannot be here: the explored network does not train (alexnet:
    /// screen 5 trains mini), or it starts from trained weights (`explore --preset mini`).
    public let learningNote: String?

    /// `weightsNote`: the weights are still being made (`weights` is then nil) and arrive as `.weightsMade`.
    public init(explored: NetworkSpec, weights: NetworkWeights?, weightsNote: String? = nil, features: FeatureSet? = nil,
                dataProblem: String? = nil, comparisonTargets: [Double] = [0.25],
                batchSize: Int = TrainingRecipe.defaultBatchSize, learningRate: Double = TrainingRecipe.defaultLearningRate,
                comparisonDescription: String? = nil, trainingDescription: String? = nil,
                trainingStart: String? = nil, learningNote: String? = nil, engineData: EngineData = .fashionMNIST) throws(ShapeError) {
        self.init(report: try explored.shapeReport(), weights: weights, weightsNote: weightsNote, features: features,
                  dataProblem: dataProblem, comparisonTargets: comparisonTargets,
                  batchSize: batchSize,
                  learningRate: learningRate, comparisonDescription: comparisonDescription,
                  trainingDescription: trainingDescription, trainingStart: trainingStart, learningNote: learningNote,
                  engineData: engineData)
    }

    /// The model of a network whose shapes are already known (a lesson step's).
    public init(report: ShapeReport, weights: NetworkWeights?, weightsNote: String? = nil, features: FeatureSet? = nil,
                dataProblem: String? = nil, comparisonTargets: [Double] = [0.25],
                batchSize: Int = TrainingRecipe.defaultBatchSize, learningRate: Double = TrainingRecipe.defaultLearningRate,
                comparisonDescription: String? = nil, trainingDescription: String? = nil,
                trainingStart: String? = nil, learningNote: String? = nil, engineData: EngineData = .fashionMNIST) {
        let explored = report.network
        self.comparisonDescription = comparisonDescription
        self.trainingDescription = trainingDescription
        self.learningNote = learningNote
        self.explored = explored
        self.report = report
        engine = EngineNetwork.for(explored, data: engineData)
        self.trainingStart = trainingStart
        initialWeights = weights
        self.weights = weights
        self.weightsNote = weights == nil ? weightsNote : nil
        self.features = features
        self.dataProblem = dataProblem
        self.comparisonTargets = comparisonTargets
        self.batchSize = batchSize
        self.learningRate = learningRate
        training = TrainingSnapshot(state: dataProblem.map { .failed($0) } ?? .idle,
                                    filters: engine.isExplored ? weights?.filters : nil)
        comparison = ComparisonSummary(targets: comparisonTargets,
                                       curves: [TrainingCurve(activation: .relu), TrainingCurve(activation: .tanh)],
                                       dataset: engineData == .cifar10 ? CIFAR10.name : FashionMNIST.name)
        if let dataProblem { comparisonState = .failed(dataProblem) }
    }

    /// True when the features on show were computed with older weights than the model holds.
    public var featuresAreStale: Bool { features != nil && featuresVersion != weightsVersion }

    /// Applies an engine event; returns the requests it implies (new weights → a new forward pass).
    mutating func apply(_ event: AppEvent) -> [AppRequest] {
        switch event {
        case .training(let snapshot):
            training = snapshot
            // Live weights reach the filters and features screens only when training runs the explored network.
            if engine.isExplored, let live = snapshot.weights, live.provenance != weights?.provenance {
                weights = live
                weightsVersion += 1
                return [.recomputeFeatures]
            }
        case .comparison(let summary, let state):
            comparison = summary; comparisonState = state
        case .features(let set, let version):
            features = set; featuresVersion = version; featureNote = nil
        case .featureNote(let note):
            featureNote = note
        case .weightsMade(let made, let set):
            // The weights the model started without: they become the initial ones too (what reset restores).
            initialWeights = made
            weights = made
            weightsVersion += 1
            weightsNote = nil
            if engine.isExplored, training.weights == nil { training.filters = made.filters }
            guard let set else { return [.recomputeFeatures] }
            features = set; featuresVersion = weightsVersion; featureNote = nil
        case .weightsFailed(let problem):
            weightsNote = problem
        }
        return []
    }

    /// `.makeWeights` the first time a screen needs weights the model does not have yet, else nothing.
    mutating func needWeights() -> [AppRequest] {
        guard weights == nil, weightsNote != nil, !weightsAsked else { return [] }
        weightsAsked = true
        return [.makeWeights]
    }

    /// What `r` says it went back to: the weights a new run of the engine network starts from. When the
    /// engine trains another network (alexnet's screen 5 trains mini), that network's start, not the
    /// explored network's weights.
    public var resetText: String {
        let start = trainingStart ?? TrainingRecipe().startText(for: engine.spec)
        guard engine.isExplored else { return Messages.resetRetrains(network: engine.spec.name, start: start) }
        return Messages.resetToInitial(provenance: initialWeights?.provenance.text ?? start)
    }

    /// Back to the initial weights, training forgotten (the runtime discards its run).
    mutating func resetWeights() -> [AppRequest] {
        training = TrainingSnapshot(state: dataProblem.map { .failed($0) } ?? .idle,
                                    filters: engine.isExplored ? initialWeights?.filters : nil,
                                    message: resetText)
        guard engine.isExplored, weights != initialWeights else { return [] }
        weights = initialWeights
        weightsVersion += 1
        return [.recomputeFeatures]
    }
}
