import AlexNetCore

/// The network the engine screens train (Training, ReLU vs tanh): the explored network when it can learn
/// from Fashion-MNIST as it is, else `mini`, with the reason, so no screen trains one network while
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

    /// The engine network for an explored one: itself when it takes Fashion-MNIST as it is (one channel,
    /// at most 28×28, ten classes), else `mini`.
    public static func `for`(_ explored: NetworkSpec) -> EngineNetwork {
        if trainable(explored) { return EngineNetwork(spec: explored) }
        let i = explored.input
        let side = FashionMNIST.side
        return EngineNetwork(spec: Preset.mini.spec,
                             reason: "\(explored.name) reads \(i.height)×\(i.width)×\(i.channels) images; "
                                + "Fashion-MNIST has \(side)×\(side)×1")
    }

    public static func trainable(_ spec: NetworkSpec) -> Bool {
        guard let r = try? spec.shapeReport() else { return false }
        return spec.input.channels == 1 && spec.input.height <= FashionMNIST.side && spec.input.width <= FashionMNIST.side
            && r.output.count == FashionMNIST.classNames.count
    }
}
