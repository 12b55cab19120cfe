import AlexNetCore
import ExplorerUI
import Foundation

/// The engine behind an `Explorer`: the explored network and its feature input on the UI thread, the
/// training and comparison workers on theirs. Each tick it carries out the explorer's requests and feeds
/// the results back as events; it never reaches into a screen.
final class ExplorerRuntime {
    let network: Network
    let features: FeatureInputs
    let workers: TrainingWorkers

    /// Builds the engine for a network: the weights `WeightsChoice` picks (`weights`, else mini's shipped ones
    /// unless `untrained`, else the seeded initialisation), the feature input, the workers.
    init(spec: NetworkSpec, preset: Preset?, weights: String?, untrained: Bool, imagePath: String?, dataDirectory: String,
         trainLimit: Int?, memory: MemoryBudget) throws {
        let initialization = Initialization.default(for: preset)
        let network = try Network(spec: spec, initialization: initialization, seed: 1, memory: memory)
        let chosen = try WeightsChoice.apply(to: network, weights: weights, untrained: untrained, preset: preset,
                                             initialization: initialization)
        self.network = network
        features = try FeatureInputs(network: network, imagePath: imagePath, dataDirectory: dataDirectory,
                                     normalization: chosen.scalarNormalization, channelNormalization: chosen.normalization)
        features.weightsLabel = chosen.label
        let engine = EngineNetwork.for(spec)
        initialWeights = NetworkWeights(tensors: Self.tensors(of: network),
                                        filters: .firstConv(of: network, provenance: chosen.provenance),
                                        provenance: chosen.provenance)
        workers = TrainingWorkers(spec: engine.spec, dataDirectory: dataDirectory, limit: trainLimit,
                                  initialTensors: engine.isExplored ? initialWeights.tensors : nil,
                                  initialFile: chosen.path.map { ($0 as NSString).lastPathComponent })
    }

    private let initialWeights: NetworkWeights

    /// The model the explorer starts with.
    func model() throws -> AppModel {
        try AppModel(explored: network.spec, weights: initialWeights, features: features.featureSet(),
                     dataProblem: workers.dataProblem, comparisonTarget: workers.target,
                     batchSize: workers.batchSize, learningRate: workers.learningRate,
                     comparisonDescription: "relu vs tanh on " + workers.compareDescription,
                     trainingDescription: workers.trainingDescription)
    }

    static func tensors(of network: Network) -> [String: Tensor] {
        Dictionary(network.state.map { ($0.name, $0.tensor) }, uniquingKeysWith: { a, _ in a })
    }

    /// Carries out pending requests and takes the workers' newest snapshots; true when the view changed.
    func tick(_ explorer: inout Explorer) -> Bool {
        var changed = false
        var recompute = false
        func perform(_ requests: [AppRequest]) {
            for request in requests {
                switch request {
                case .training(let r): workers.handle(r)
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
        if recompute {
            let version = explorer.model.weightsVersion
            if let weights = explorer.model.weights, !weights.tensors.isEmpty {
                try? network.load(weights.tensors, source: "the app's weights")
            }
            explorer.apply(.features(features.featureSet(), weightsVersion: version))
            changed = true
        }
        return changed
    }

    func stop() { workers.stop() }
}
