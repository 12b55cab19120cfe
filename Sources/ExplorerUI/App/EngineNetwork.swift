import AlexNetCore

/// The network the engine screens train (Training, ReLU vs tanh): the explored network when it can learn
/// from the data (Fashion-MNIST or CIFAR-10) as it is, else `mini` (`figure1` on CIFAR-10), with the reason, so no screen trains one network while
/// seeming to be about another.
public struct EngineNetwork: Sendable, Equatable {
    public var spec: NetworkSpec
    /// Why the engine runs another network than the explored one ("alexnet reads 227×227×3 images;
    /// Fashion-MNIST has 28×28×1"); nil when they are the same.
    public var reason: String?

    public init(spec: NetworkSpec, reason: String? = nil) {
        self.spec = spec; self.reason = reason
    }

    /// `mini, the Fashion-MNIST AlexNet` for the preset, else the network's name.
    public var label: String {
        spec.name == Preset.mini.rawValue ? "mini, the Fashion-MNIST AlexNet" : spec.name
    }

    /// The line the training screens show under their header when they train another network.
    public var why: String? { reason.map { "why \(spec.name): \($0)" } }

    /// True when training changes the weights the filters and features screens show.
    public var isExplored: Bool { reason == nil }

    /// The engine network for an explored one: itself when it takes the data's images as they are (as many
    /// channels, at most their size, as many classes), else `mini` for Fashion-MNIST and `figure1` for CIFAR-10.
    public static func `for`(_ explored: NetworkSpec,
                             data: DatasetSource = .fashionMNIST(directory: FashionMNIST.defaultDirectory)) -> EngineNetwork {
        if trainable(explored, data: data) { return EngineNetwork(spec: explored) }
        let i = explored.input, d = data.input
        return EngineNetwork(spec: data.isCIFAR10 ? data.spec(for: .figure1) : Preset.mini.spec,
                             reason: "\(explored.name) reads \(i.height)×\(i.width)×\(i.channels) images; "
                                + "\(data.name) has \(d.height)×\(d.width)×\(d.channels)")
    }

    public static func trainable(_ spec: NetworkSpec,
                                 data: DatasetSource = .fashionMNIST(directory: FashionMNIST.defaultDirectory)) -> Bool {
        guard let r = try? spec.shapeReport() else { return false }
        let d = data.input
        return spec.input.channels == d.channels && spec.input.height <= d.height && spec.input.width <= d.width
            && r.output.count == data.classNames.count
    }
}
