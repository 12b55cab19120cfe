import Localization
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

    /// What it trains on.
    public var data: EngineData = .fashionMNIST

    /// `mini, the Fashion-MNIST AlexNet` for the preset, else the network's name (and a folder's name).
    public var label: String {
        guard data == .fashionMNIST else { return "\(spec.name) on \(data.name)" }
        return spec.name == Preset.mini.rawValue ? Messages.engineMiniLabel : spec.name
    }

    /// The line the training screens show under their header when they train another network.
    public var why: String? { reason.map { "why \(spec.name): \($0)" } }

    /// True when training changes the weights the filters and features screens show.
    public var isExplored: Bool { reason == nil }

    /// The engine network for an explored one: itself when it takes Fashion-MNIST as it is (one channel,
    /// at most 28×28, ten classes), else `mini` (`figure1` for CIFAR-10).
    /// A folder of images fits any input (its images are fitted to the network's) but sets the class count.
    public static func `for`(_ explored: NetworkSpec, data: EngineData = .fashionMNIST) -> EngineNetwork {
        if trainable(explored, data: data) { return EngineNetwork(spec: explored, data: data) }
        let i = explored.input
        let reason: String
        if let fixed = data.fixedInput, !(i.channels == fixed.channels && i.height <= fixed.height && i.width <= fixed.width) {
            reason = "\(explored.name) reads \(i.height)×\(i.width)×\(i.channels) images; "
                + "\(data.name) has \(fixed.height)×\(fixed.width)×\(fixed.channels)"
        } else {
            let outputs = (try? explored.shapeReport().output.count) ?? 0
            reason = "\(explored.name) ends in \(outputs) classes; \(data.name) has \(data.classes)"
        }
        // CIFAR-10's images fit cuda-convnet's figure1 as the paper trained it.
        if data == .cifar10 { return EngineNetwork(spec: Preset.figure1Spec(for: .cifar10(directory: "")), reason: reason, data: data) }
        let mini = Preset.mini.spec
        return EngineNetwork(spec: data.classes == 10 ? mini : (mini.withClasses(data.classes) ?? mini), reason: reason, data: data)
    }

    public init(spec: NetworkSpec, reason: String? = nil, data: EngineData) {
        self.spec = spec; self.reason = reason; self.data = data
    }

    public static func trainable(_ spec: NetworkSpec, data: EngineData = .fashionMNIST) -> Bool {
        guard let r = try? spec.shapeReport() else { return false }
        if let fixed = data.fixedInput {
            guard spec.input.channels == fixed.channels, spec.input.height <= fixed.height, spec.input.width <= fixed.width else { return false }
        }
        return r.output.count == data.classes
    }
}

/// What the engine screens train on: Fashion-MNIST, or a folder of images (`--data DIR`) with its classes.
public struct EngineData: Sendable, Equatable {
    /// For headers: `Fashion-MNIST`, `folder pets`.
    public var name: String
    public var classes: Int
    /// The one image size the data has (Fashion-MNIST's 28×28×1); nil: images are fitted to any input.
    public var fixedInput: InputShape?

    public init(name: String, classes: Int, fixedInput: InputShape?) {
        self.name = name; self.classes = classes; self.fixedInput = fixedInput
    }

    public static let fashionMNIST = EngineData(name: "Fashion-MNIST", classes: FashionMNIST.classNames.count,
                                                fixedInput: InputShape(channels: 1, height: FashionMNIST.side, width: FashionMNIST.side))
    public static let cifar10 = EngineData(name: CIFAR10.name, classes: CIFAR10.classNames.count,
                                           fixedInput: InputShape(channels: CIFAR10.channels, height: CIFAR10.side, width: CIFAR10.side))

    /// What the screens train on for a `--data` source; a folder needs its class count (`folder`).
    public init(_ source: DataSource, folder: @autoclosure () -> EngineData) {
        switch source {
        case .fashionMNIST: self = .fashionMNIST
        case .cifar10: self = .cifar10
        case .imageFolder: self = folder()
        }
    }
}
