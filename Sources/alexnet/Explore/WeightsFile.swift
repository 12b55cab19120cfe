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
        var normalization: PixelNormalization?
        if let m = file.metadata["normalization_mean"].flatMap(Float.init),
           let s = file.metadata["normalization_std"].flatMap(Float.init) {
            normalization = PixelNormalization(mean: m, std: s)
        }
        return Loaded(provenance: .trained(checkpoint: path, detail: detail.joined(separator: ", ")),
                      normalization: normalization)
    }

    /// conv1's filters of a network, with where they came from.
    static func filters(of network: Network, provenance: WeightProvenance) -> FilterSet? {
        network.firstConvWeights.map { FilterSet(layer: $0.layer, weights: $0.weights, provenance: provenance) }
    }
}
