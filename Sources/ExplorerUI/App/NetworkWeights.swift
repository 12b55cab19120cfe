import AlexNetCore

/// A network's weights as the app holds them: every parameter by name (what a forward pass needs),
/// conv1's filters (what the screens draw) and where they came from. Immutable values, so a training
/// thread can hand them to the UI without sharing anything.
public struct NetworkWeights: Sendable, Equatable {
    public var tensors: [String: Tensor]
    public var filters: FilterSet?
    public var provenance: WeightProvenance

    public init(tensors: [String: Tensor] = [:], filters: FilterSet?, provenance: WeightProvenance) {
        self.tensors = tensors; self.filters = filters; self.provenance = provenance
    }
}
