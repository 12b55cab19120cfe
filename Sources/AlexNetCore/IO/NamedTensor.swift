/// A tensor with the name it is stored under, e.g. `features.0.weight`.
public struct NamedTensor: Sendable, Equatable {
    public var name: String
    public var tensor: Tensor

    public init(name: String, tensor: Tensor) {
        self.name = name; self.tensor = tensor
    }
}
