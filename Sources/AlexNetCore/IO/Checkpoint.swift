/// A saved training state: model weights and optimizer momentum as named tensors, plus metadata,
/// stored as a safetensors file (readable by PyTorch's `safetensors.torch.load_file`).
///
/// Weights use torchvision-style names (`features.0.weight`); momentum buffers the same names under
/// `optimizer.momentum.` so one file restores both.
public struct Checkpoint: Sendable, Equatable {
    public var tensors: [NamedTensor]
    public var metadata: CheckpointMetadata

    /// Prefix of the optimizer's momentum buffer for a weight: `optimizer.momentum.features.0.weight`.
    public static let momentumPrefix = "optimizer.momentum."

    public init(tensors: [NamedTensor], metadata: CheckpointMetadata) {
        self.tensors = tensors; self.metadata = metadata
    }

    /// Builds the tensor list from weights and their momentum buffers (names without the prefix).
    public init(weights: [NamedTensor], momentum: [NamedTensor], metadata: CheckpointMetadata) {
        self.init(tensors: weights + momentum.map { NamedTensor(name: Self.momentumPrefix + $0.name, tensor: $0.tensor) },
                  metadata: metadata)
    }

    /// The model's parameters, in file order.
    public var weights: [NamedTensor] {
        tensors.filter { !$0.name.hasPrefix(Self.momentumPrefix) }
    }

    /// The momentum buffers, named like the weights they belong to.
    public var momentum: [NamedTensor] {
        tensors.compactMap { t in
            guard t.name.hasPrefix(Self.momentumPrefix) else { return nil }
            return NamedTensor(name: String(t.name.dropFirst(Self.momentumPrefix.count)), tensor: t.tensor)
        }
    }

    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }

    /// Saves atomically: an interrupted save leaves the previous checkpoint intact.
    public func save(to path: String) throws(SafetensorsError) {
        try SafetensorsFile(tensors: tensors, metadata: metadata.fields).write(to: path)
    }

    /// Loads and validates a checkpoint written by `save(to:)`.
    public static func load(from path: String) throws(SafetensorsError) -> Checkpoint {
        let file = try SafetensorsFile.read(from: path)
        return Checkpoint(tensors: file.tensors, metadata: try CheckpointMetadata(fields: file.metadata, file: path))
    }
}
