/// How a network's weights start.
public enum Initialization: String, Sendable, CaseIterable {
    /// The paper's: weights from N(0, 0.01²); each layer's biases at its `LayerSpec.initialBias`, which
    /// the paper's networks set to 1 in conv2, conv4, conv5 and the hidden fully connected layers
    /// ("accelerates the early stages of learning by providing the ReLUs with positive inputs"), 0 elsewhere.
    case paper
    /// He (Kaiming) normal: weights from N(0, 2/fan_in), biases 0. A deep narrow network such as `mini`
    /// barely moves from N(0, 0.01²): each layer shrinks the signal, so the first epochs are lost.
    case he

    /// The default for a preset: the paper's for the full-size networks, He for `mini`, `figure1` and `lenet5`
    /// (from N(0, 0.01²) the signal shrinks about tenfold per layer, so training starts on the ln 10 plateau).
    public static func `default`(for preset: Preset?) -> Initialization {
        preset == .mini || preset == .figure1 || preset == .lenet5 ? .he : .paper
    }

    /// How every header, line and lesson names it ("untrained, Gaussian σ = 0.01, seed 1"); `paper` and
    /// `he` are only the `--init` values.
    public var name: String {
        switch self {
        case .paper: "Gaussian σ = 0.01"
        case .he: "He normal"
        }
    }

    /// What it does to `network`, from the network's own data: "weights N(0, 0.01²); biases 1 in conv2,
    /// conv4, conv5, fc6, fc7, 0 elsewhere" or "weights N(0, 2/fan-in); biases 0".
    public func summary(for network: NetworkSpec) -> String {
        switch self {
        case .he:
            return "weights N(0, 2/fan-in); biases 0"
        case .paper:
            let set = network.layers.filter { $0.kind.isLearned && $0.initialBias != 0 }
            guard !set.isEmpty else { return "weights N(0, 0.01²); biases 0" }
            // Group the layers by their value, in network order: "biases 1 in conv2, conv4; 0.5 in fc6".
            var groups: [(value: Double, names: [String])] = []
            for layer in set {
                if let i = groups.firstIndex(where: { $0.value == layer.initialBias }) { groups[i].names.append(layer.name) }
                else { groups.append((layer.initialBias, [layer.name])) }
            }
            let parts = groups.map { g in "\(NumberText.shortDecimal(g.value)) in \(g.names.joined(separator: ", "))" }
            return "weights N(0, 0.01²); biases " + parts.joined(separator: "; ") + ", 0 elsewhere"
        }
    }
}
