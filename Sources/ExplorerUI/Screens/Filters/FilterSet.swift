import Localization
import AlexNetCore

/// Where a set of weights came from, shown on the filters and features screens so nobody mistakes noise
/// for features: `untrained, He normal, seed 1` / `checkpoint FILE, epoch 2` / `mini · trained live · step 143`.
public enum WeightProvenance: Sendable, Equatable {
    /// Freshly initialised weights, e.g. "He normal, seed 1".
    case untrained(String)
    /// Weights read from a file, with a detail such as "epoch 3, step 2,400".
    case trained(checkpoint: String, detail: String)
    /// Weights of a training run going on now in this program; `from` names the checkpoint it started from.
    case live(network: String, step: Int, from: String? = nil)

    public var text: String {
        switch self {
        case .untrained(let how): Messages.provenanceUntrained(how: how)
        case .trained(let file, let detail):
            detail.isEmpty ? Messages.provenanceCheckpoint(file: file) : Messages.provenanceCheckpointDetail(file: file, detail: detail)
        case .live(let network, let step, let from):
            Messages.provenanceLive(network: network, step: NumberText.grouped(step)) + (from.map { Messages.provenanceFrom(file: $0) } ?? "")
        }
    }

    /// Short, beside a prediction: "untrained", "trained", "live, step 223".
    public var label: String {
        switch self {
        case .untrained: "untrained"
        case .trained: "trained"
        case .live(_, let step, _): "live, step \(NumberText.grouped(step))"
        }
    }

    public var isTrained: Bool {
        if case .untrained = self { return false } else { return true }
    }
}

/// One conv layer's filters as the engine hands them to the UI: weights (OC, C, K, K).
public struct FilterSet: Sendable, Equatable {
    public var layer: String
    public var weights: Tensor
    public var provenance: WeightProvenance

    public init(layer: String, weights: Tensor, provenance: WeightProvenance) {
        precondition(weights.shape.count == 4, "filters are (OC, C, K, K), got \(weights.shape)")
        self.layer = layer; self.weights = weights; self.provenance = provenance
    }

    public var count: Int { weights.shape[0] }
    public var channels: Int { weights.shape[1] }
    public var kernelHeight: Int { weights.shape[2] }
    public var kernelWidth: Int { weights.shape[3] }

    /// The values of filter `index`, channel `channel`, row-major K×K.
    public func values(filter index: Int, channel: Int) -> ArraySlice<Float> {
        let plane = kernelHeight * kernelWidth
        let start = (index * channels + channel) * plane
        return weights.data[start..<(start + plane)]
    }
}
