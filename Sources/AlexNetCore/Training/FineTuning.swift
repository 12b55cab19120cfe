/// Fine-tuning: a network starts from another run's weights (a checkpoint of the same network, or torchvision's
/// exported AlexNet) for every layer but the last, whose weights were drawn for the new classes, and keeps the
/// input normalisation those weights were learned with.
public enum FineTuning {
    /// What was taken from the file.
    public struct Start: Sendable, Equatable {
        /// Tensors copied from the file.
        public var kept: [String]
        /// The layer left as drawn (the last layer with weights).
        public var redrawn: String
        /// The file's normalisation, if it records one.
        public var normalization: ChannelNormalization?
        /// The classes the file's weights were trained on, if it records them.
        public var previousClasses: ClassNames?
    }

    /// Copies every parameter of `network` but the last layer's from `file`, each of the same name and shape.
    public static func start(_ network: Network, from file: SafetensorsFile, path: String) throws -> Start {
        let params = network.parameters
        guard params.count > 2, let last = network.spec.lastLearnedLayer else {
            throw WeightsError(source: path, message: "\(network.spec.name) has a single layer with weights; nothing to keep when fine-tuning")
        }
        var tensors: [String: Tensor] = [:]
        for t in file.tensors { tensors[t.name] = t.tensor }
        let kept = Array(params.dropLast(2))
        for p in kept {
            guard let t = tensors[p.name] else {
                throw WeightsError(source: path, message: "no tensor '\(p.name)'; expected the weights of \(network.spec.name) "
                    + "(fine-tuning starts from a checkpoint of the same network, or torchvision's with --preset torchvision)")
            }
            guard t.shape == p.value.shape else {
                throw WeightsError(source: path, message: "tensor '\(p.name)' has shape \(t.shape), \(network.spec.name) needs \(p.value.shape); "
                    + "was it written for another network?")
            }
        }
        for p in kept { p.value = tensors[p.name]! }
        let channels = network.spec.input.channels
        let normalization = try ChannelNormalization(metadata: file.metadata, channels: channels, file: path)
        let classes = try CheckpointMetadata.classes(in: file.metadata, file: path)
        return Start(kept: kept.map(\.name), redrawn: last, normalization: normalization, previousClasses: classes)
    }
}
