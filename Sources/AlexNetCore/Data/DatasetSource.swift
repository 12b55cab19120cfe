/// What a `--data DIR` holds, decided once from the files in it, so every command and screen reads the
/// same dataset the same way: CIFAR-10's binary files when `CIFAR10.locate` finds them, else
/// Fashion-MNIST's IDX files (whose loader names what is missing).
public enum DatasetSource: Sendable, Equatable {
    case fashionMNIST(directory: String)
    case cifar10(directory: String)

    public init(directory: String) {
        if let found = CIFAR10.locate(directory) {
            self = .cifar10(directory: found)
        } else {
            self = .fashionMNIST(directory: directory)
        }
    }

    public var name: String {
        switch self {
        case .fashionMNIST: FashionMNIST.name
        case .cifar10: CIFAR10.name
        }
    }

    public var directory: String {
        switch self {
        case .fashionMNIST(let d), .cifar10(let d): d
        }
    }

    /// The images' shape as a network input (C, H, W).
    public var input: InputShape {
        switch self {
        case .fashionMNIST: InputShape(channels: 1, height: FashionMNIST.side, width: FashionMNIST.side)
        case .cifar10: InputShape(channels: CIFAR10.channels, height: CIFAR10.side, width: CIFAR10.side)
        }
    }

    public var classNames: [String] {
        switch self {
        case .fashionMNIST: FashionMNIST.classNames
        case .cifar10: CIFAR10.classNames
        }
    }

    public var isCIFAR10: Bool { if case .cifar10 = self { true } else { false } }

    public func load(_ split: ImageDataset.Split, limit: Int? = nil) throws(DatasetError) -> ImageDataset {
        switch self {
        case .fashionMNIST(let d): try FashionMNIST.load(split, directory: d, limit: limit)
        case .cifar10(let d): try CIFAR10.load(split, directory: d, limit: limit)
        }
    }

    /// A preset's network for these images: `figure1` follows the data (28×28×1 or cuda-convnet's
    /// 32×32×3 version); every other preset is what it is.
    public func spec(for preset: Preset) -> NetworkSpec {
        preset == .figure1 ? Preset.figure1Spec(for: self) : preset.spec
    }
}
