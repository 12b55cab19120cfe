import AlexNetCore
import ExplorerUI

extension FilterSet {
    /// The first conv layer's filters of a network as the screens show them, with where the weights came from.
    static func firstConv(of network: Network, provenance: WeightProvenance) -> FilterSet? {
        network.firstConvWeights.map { FilterSet(layer: $0.layer, weights: $0.weights, provenance: provenance) }
    }
}
