import AlexNetCore
import ExplorerUI
import Foundation

/// The engine behind an `Explorer`: the explored network and its feature input on the UI thread, the
/// training and comparison workers on theirs. Each tick it carries out the explorer's requests and feeds
/// the results back as events; it never reaches into a screen.
final class ExplorerRuntime {
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
    init(spec: NetworkSpec, preset: Preset?, weights: String?, untrained: Bool, imagePath: String?, dataDirectory: String,
         trainLimit: Int?, memory: MemoryBudget) throws {
        let initialization = Initialization.default(for: preset)
        let report = try spec.shapeReport()
        engineData = TrainingWorkers.engineData(dataDirectory)
        engine = EngineNetwork.for(spec, data: engineData)
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
                                      initialTensors: engine.isExplored ? made.tensors : nil,
                                      initialFile: (path as NSString).lastPathComponent)
        case .untrained(let chosen):
            try memory.check(report)   // what `Network` would refuse, refused before the screen opens
            features = try FeatureInputs(report: report, imagePath: imagePath, dataDirectory: dataDirectory, normalization: nil)
            features.weightsLabel = chosen.label
            workers = TrainingWorkers(spec: engine.spec, dataDirectory: dataDirectory, limit: trainLimit, data: engineData)
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
    func model() throws -> AppModel {
        try AppModel(explored: features.spec, weights: initialWeights, weightsNote: weightsNote,
                     features: network.map { features.featureSet(with: $0) },
                     dataProblem: workers.dataProblem, comparisonTargets: workers.targets,
                     batchSize: workers.batchSize, learningRate: workers.learningRate,
                     comparisonDescription: "relu vs tanh on " + workers.compareDescription,
                     trainingDescription: workers.trainingDescription, engineData: engineData)
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
    func tick(_ explorer: inout Explorer) -> Bool {
        var changed = takeMadeWeights(&explorer, waiting: false)
        var recompute = false
        func perform(_ requests: [AppRequest]) {
            for request in requests {
                switch request {
                case .training(let r):
                    // A run of the explored network starts from its initial weights: wait for them (such a
                    // network reads 28×28 images, so they take moments).
                    if engine.isExplored {
                        startMaking()
                        if takeMadeWeights(&explorer, waiting: true) { changed = true }
                    }
                    workers.handle(r)
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
        // Without a network yet, the pass comes with the made weights.
        if recompute, let network {
            let version = explorer.model.weightsVersion
            if let weights = explorer.model.weights, !weights.tensors.isEmpty {
                try? network.load(weights.tensors, source: "the app's weights")
            }
            explorer.apply(.features(features.featureSet(with: network), weightsVersion: version))
            changed = true
        }
        return changed
    }

    /// Starts making the weights on their own thread, with the feature input as it is now (once).
    private func startMaking() {
        guard let make, making == nil else { return }
        self.make = nil
        let (input, index) = (features.current(), features.index)
        making = BackgroundJob { make(input, index) }
    }

    /// Hands the explorer the weights made in the background once they are there (or after waiting for
    /// them); true when it did.
    private func takeMadeWeights(_ explorer: inout Explorer, waiting: Bool) -> Bool {
        guard let job = making, let outcome = waiting ? job.wait() : job.value else { return false }
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
        return true
    }

    func stop() { workers.stop() }
}
