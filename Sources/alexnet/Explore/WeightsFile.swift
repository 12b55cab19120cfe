import AlexNetCore
import ExplorerUI

/// Loads weights into a network from a safetensors file: a checkpoint of ours or weights saved by
/// PyTorch under torchvision-style names. Says where they came from, for the filters screen.
enum WeightsFile {
    /// What a weights file says about itself besides its tensors.
    struct Loaded {
        var provenance: WeightProvenance
        /// The pixel normalisation a checkpoint was trained with, if it records one.
        var normalization: PixelNormalization?
    }

    static func load(_ path: String, into network: Network) throws -> Loaded {
        let file = try SafetensorsFile.read(from: path)
        var tensors: [String: Tensor] = [:]
        for t in file.tensors { tensors[t.name] = t.tensor }
        try network.load(tensors, source: path)
        var detail: [String] = []
        if let epoch = file.metadata["epoch"] { detail.append("epoch \(epoch)") }
        if let step = file.metadata["step"], let n = Int(step) { detail.append("step \(NumberText.grouped(n))") }
        // Checked: a NaN mean or a zero std would turn every input into NaN and show blank maps.
        let normalization = try CheckpointMetadata.normalization(in: file.metadata, file: path)
        return Loaded(provenance: .trained(checkpoint: path, detail: detail.joined(separator: ", ")),
                      normalization: normalization)
    }

    /// conv1's filters of a network, with where they came from.
    static func filters(of network: Network, provenance: WeightProvenance) -> FilterSet? {
        network.firstConvWeights.map { FilterSet(layer: $0.layer, weights: $0.weights, provenance: provenance) }
    }
}
