import AlexNetCore
import ExplorerUI
import Foundation

/// The engine behind an `Explorer`: the explored network and its feature input on the UI thread, the
/// training and comparison workers on theirs. Each tick it carries out the explorer's requests and feeds
/// the results back as events; it never reaches into a screen.
public final class ExplorerRuntime {
    /// The explored network, once it has its weights (nil while `making` draws them).
    private(set) var network: Network?
    let features: FeatureInputs
    let workers: TrainingWorkers
    private let engine: EngineNetwork
    private let engineData: EngineData
    private var initialWeights: NetworkWeights?
    /// Weights that come from no file are drawn on another thread when a screen first needs them (the
    /// explorer's `.makeWeights`): the paper's 62 M Gaussian draws (and the memory they fill) took over a
    /// second before the first frame, and the layer walk needs none. Until they are there the model carries
    /// `weightsNote`, which the filters and features screens show.
    private var make: ((_ input: (images: Tensor, name: String), _ index: Int) -> Result<MadeWeights, any Error>)?
    private var making: BackgroundJob<Result<MadeWeights, any Error>>?
    private var weightsNote: String?
    /// What `r` returns to and where learning can be watched (`AppModel.trainingStart`, `.learningNote`).
    private var trainingStart: String
    private var learningNote: String?
    /// Wakes the UI loop when background work posts a result.
    private let wake: @Sendable () -> Void
    /// The feature input's forward pass runs on its own thread (alexnet's takes a noticeable part of a second):
    /// the pass under way, and whether the weights changed again since it started.
    private var forward: BackgroundJob<(FeatureSet, weightsVersion: Int)>?
    private var forwardWanted = false
    /// Training requests that wait for the weights being made.
    private var trainingAfterWeights: [TrainingRequest] = []

    /// What the background thread hands over: the network with its weights, and the first forward pass.
    struct MadeWeights {
        var network: Network
        var weights: NetworkWeights
        var features: FeatureSet
        /// The feature input's index that pass used (the input may move while the weights are made).
        var inputIndex: Int
    }

    /// Builds the engine for a network: the weights `WeightsChoice` picks (`weights`, else mini's shipped ones
    /// unless `untrained`, else the seeded initialisation), the feature input, the workers. Everything that can
    /// fail (a file, the memory check, the input) fails here, before the screen opens; only the seeded
    /// initialisation is left to the background.
    public init(spec: NetworkSpec, preset: Preset?, weights: String?, untrained: Bool, imagePath: String?, dataDirectory: String,
         trainLimit: Int?, memory: MemoryBudget, recipe: TrainingRecipe = TrainingRecipe(),
         wake: @escaping @Sendable () -> Void = {}) throws {
        self.wake = wake
        let initialization = recipe.initialization(for: spec)
        let report = try spec.shapeReport()
        engineData = TrainingWorkers.engineData(dataDirectory)
        engine = EngineNetwork.for(spec, data: engineData)
        let scratch = "alexnet explore --preset mini --untrained"
        trainingStart = recipe.startText(for: engine.spec)
        if !engine.isExplored {
            learningNote = "\(engine.spec.name) learns from scratch here; \(spec.name)'s filters (3, 4) do not change. "
                + "To watch filters learn live: \(scratch)"
        }
        switch WeightsChoice.source(weights: weights, untrained: untrained, preset: preset, initialization: initialization) {
        case .file(let path, let shipped):
            let (network, chosen) = try WeightsChoice.load(path, shipped: shipped, spec: spec, memory: memory)
            features = try FeatureInputs(report: report, imagePath: imagePath, dataDirectory: dataDirectory,
                                         normalization: chosen.scalarNormalization, channelNormalization: chosen.normalization,
                                         classes: chosen.classes)
            features.weightsLabel = chosen.label
            let made = Self.weights(of: network, provenance: chosen.provenance)
            self.network = network
            initialWeights = made
            workers = TrainingWorkers(spec: engine.spec, dataDirectory: dataDirectory, limit: trainLimit, data: engineData,
                                      recipe: recipe,
                                      initialTensors: engine.isExplored ? made.tensors : nil,
                                      initialFile: (path as NSString).lastPathComponent, wake: wake)
            if engine.isExplored {
                trainingStart = chosen.provenance.text
                if shipped {
                    learningNote = "\(spec.name) starts from the shipped trained weights, so training goes on from them. "
                        + "To watch it learn from scratch: \(scratch)"
                }
            }
        case .untrained(let chosen):
            try memory.check(report)   // what `Network` would refuse, refused before the screen opens
            features = try FeatureInputs(report: report, imagePath: imagePath, dataDirectory: dataDirectory, normalization: nil)
            features.weightsLabel = chosen.label
            workers = TrainingWorkers(spec: engine.spec, dataDirectory: dataDirectory, limit: trainLimit, data: engineData,
                                      recipe: recipe, wake: wake)
            if engine.isExplored { trainingStart = chosen.provenance.text }
            weightsNote = "making \(spec.name)'s weights (\(initialization.name), seed 1)…"
            let (classNames, label) = (features.classNames, chosen.label)
            make = { input, index in
                Result {
                    let network = try Network(spec: spec, initialization: initialization, seed: 1, memory: memory)
                    let set = FeatureInputs.featureSet(with: network, input: input, classNames: classNames, weightsLabel: label)
                    return MadeWeights(network: network, weights: Self.weights(of: network, provenance: chosen.provenance),
                                       features: set, inputIndex: index)
                }
            }
        }
    }

    /// The model the explorer starts with.
    public func model() throws -> AppModel {
        try AppModel(explored: features.spec, weights: initialWeights, weightsNote: weightsNote,
                     features: network.map { features.featureSet(with: $0) },
                     dataProblem: workers.dataProblem, comparisonTargets: workers.targets,
                     batchSize: workers.batchSize, learningRate: workers.learningRate,
                     comparisonDescription: "relu vs tanh on " + workers.compareDescription,
                     trainingDescription: workers.trainingDescription, trainingStart: trainingStart, learningNote: learningNote,
                     engineData: engineData)
    }

    static func tensors(of network: Network) -> [String: Tensor] {
        Dictionary(network.state.map { ($0.name, $0.tensor) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every tensor of a network and its first conv layer's filters, as the app holds them.
    static func weights(of network: Network, provenance: WeightProvenance) -> NetworkWeights {
        NetworkWeights(tensors: tensors(of: network), filters: .firstConv(of: network, provenance: provenance),
                       provenance: provenance)
    }

    /// Carries out pending requests and takes the workers' newest snapshots; true when the view changed.
    public func tick(_ explorer: inout Explorer) -> Bool {
        var changed = takeMadeWeights(&explorer)
        var recompute = false
        func perform(_ requests: [AppRequest]) {
            for request in requests {
                switch request {
                case .training(let r):
                    // A run of the explored network starts from its initial weights: while they are being made
                    // the request waits for them (off this thread; their arrival wakes the loop).
                    if engine.isExplored, make != nil || making != nil {
                        startMaking()
                        trainingAfterWeights.append(r)
                    } else {
                        workers.handle(r)
                    }
                case .makeWeights: startMaking()
                case .comparison(let r): workers.handleCompare(r)
                case .featureInput(let step):
                    if let note = features.move(by: step) { explorer.apply(.featureNote(note)); changed = true }
                    else { recompute = true }
                case .recomputeFeatures: recompute = true
                }
            }
        }
        perform(explorer.takeRequests())
        if let snapshot = workers.trainingSnapshot() {
            explorer.apply(.training(snapshot))
            changed = true
        }
        if let (summary, state) = workers.compareSnapshot() {
            explorer.apply(.comparison(summary, state))
            changed = true
        }
        // New weights from the snapshot above ask for a forward pass too; one pass covers them all.
        perform(explorer.takeRequests())
        if recompute { forwardWanted = true }
        if takeForwardPass(&explorer) { changed = true }
        startForwardPass(explorer.model)
        return changed
    }

    /// Starts the feature input's forward pass with the model's weights, on its own thread, when one is wanted
    /// and none is under way (without a network yet, the pass comes with the made weights).
    private func startForwardPass(_ model: AppModel) {
        guard forwardWanted, forward == nil, let network else { return }
        forwardWanted = false
        let version = model.weightsVersion
        let tensors = model.weights?.tensors ?? [:]
        // The prediction's label names the weights this pass used (live ones once training runs), as the header does.
        let label = model.weights.map { $0.provenance.label } ?? features.weightsLabel
        let (input, classNames) = (features.current(), features.classNames)
        forward = BackgroundJob(wake: wake) {
            if !tensors.isEmpty { try? network.load(tensors, source: "the app's weights") }
            return (FeatureInputs.featureSet(with: network, input: input, classNames: classNames, weightsLabel: label), version)
        }
    }

    /// Hands the explorer a finished forward pass; true when it did.
    private func takeForwardPass(_ explorer: inout Explorer) -> Bool {
        guard let job = forward, let (set, version) = job.value else { return false }
        forward = nil
        explorer.apply(.features(set, weightsVersion: version))
        return true
    }

    /// Waits for the forward pass under way, if any (tests, and before the network is handed to another job).
    func finishForwardPass(_ explorer: inout Explorer) {
        if let job = forward { _ = job.wait(); _ = takeForwardPass(&explorer) }
    }

    /// Starts making the weights on their own thread, with the feature input as it is now (once).
    private func startMaking() {
        guard let make, making == nil else { return }
        self.make = nil
        let (input, index) = (features.current(), features.index)
        making = BackgroundJob(wake: wake) { make(input, index) }
    }

    /// Hands the explorer the weights made in the background once they are there, and starts the training
    /// that waited for them; true when it did.
    private func takeMadeWeights(_ explorer: inout Explorer) -> Bool {
        guard let job = making, let outcome = job.value else { return false }
        making = nil
        switch outcome {
        case .success(let made):
            network = made.network
            initialWeights = made.weights
            if engine.isExplored { workers.initialTensors = made.weights.tensors }
            // The input moved (n/p) while they were made: that pass is out of date, the model asks for another.
            explorer.apply(.weightsMade(made.weights, made.inputIndex == features.index ? made.features : nil))
        case .failure(let error):
            explorer.apply(.weightsFailed("could not make \(features.spec.name)'s weights: \(error)"))
        }
        // Without made weights a run draws the same seeded initialisation itself.
        trainingAfterWeights.forEach(workers.handle)
        trainingAfterWeights = []
        return true
    }

    public func stop() { workers.stop() }
}
