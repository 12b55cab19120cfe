/// How a pooling window count is rounded when the stride does not tile the input exactly.
public enum PoolRounding: String, Sendable, Codable, CaseIterable {
    case floor, ceil
}

/// A convolution's hyper-parameters. Kernels are square and padding is symmetric, as in AlexNet.
public struct ConvSpec: Sendable, Equatable, Codable {
    public var outChannels: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int
    /// Channel groups: the paper's two-GPU split is `groups: 2` (each half sees half the input channels).
    public var groups: Int

    public init(outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0, groups: Int = 1) {
        self.outChannels = outChannels; self.kernel = kernel; self.stride = stride
        self.padding = padding; self.groups = groups
    }
}

/// Local response normalisation across channels, in the paper's form:
/// `b = a / (k + alpha · Σ a²)^beta`, the sum over `size` neighbouring channels.
/// PyTorch and Caffe divide alpha by `size`; ours is the paper's alpha (PyTorch's alpha = ours × size).
public struct LRNSpec: Sendable, Equatable, Codable {
    public var size: Int
    public var alpha: Double
    public var beta: Double
    public var k: Double

    /// The paper's values: k = 2, n = 5, α = 1e-4, β = 0.75.
    public static let paper = LRNSpec(size: 5, alpha: 1e-4, beta: 0.75, k: 2)

    public init(size: Int, alpha: Double, beta: Double, k: Double) {
        self.size = size; self.alpha = alpha; self.beta = beta; self.k = k
    }
}

/// Max-pooling window; AlexNet's overlapping pooling is kernel 3, stride 2.
public struct PoolSpec: Sendable, Equatable, Codable {
    public var kernel: Int
    public var stride: Int
    public var padding: Int
    public var rounding: PoolRounding

    public init(kernel: Int, stride: Int, padding: Int = 0, rounding: PoolRounding = .floor) {
        self.kernel = kernel; self.stride = stride; self.padding = padding; self.rounding = rounding
    }
}

/// The elementwise non-linearities the program can train with.
public enum Activation: String, Sendable, Codable, CaseIterable {
    case relu, tanh, sigmoid
}

/// One operation of a network, with its hyper-parameters.
public enum LayerKind: Sendable, Equatable {
    case conv(ConvSpec)
    case activation(Activation)
    case lrn(LRNSpec)
    case maxpool(PoolSpec)
    /// Dropout with drop probability `p`.
    case dropout(p: Double)
    case flatten
    case linear(out: Int)
    case softmax

    /// The vocabulary word used in configs, tables and JSON.
    public var word: String {
        switch self {
        case .conv: "conv"
        case .activation(let a): a.rawValue
        case .lrn: "lrn"
        case .maxpool: "maxpool"
        case .dropout: "dropout"
        case .flatten: "flatten"
        case .linear: "linear"
        case .softmax: "softmax"
        }
    }

    /// Whether the layer has weights that training changes.
    public var isLearned: Bool {
        switch self {
        case .conv, .linear: true
        default: false
        }
    }
}

/// A named layer, and where it was written when it came from a config file.
public struct LayerSpec: Sendable, Equatable {
    public var name: String
    public var kind: LayerKind
    /// 1-based line in the config file this layer was read from, if any.
    public var line: Int?
    /// The value every bias of a conv or linear layer starts at under the paper's initialisation (He
    /// starts every bias at 0). The paper's networks set 1 in conv2, conv4, conv5 and the hidden fully
    /// connected layers; configs write `bias: 1`; 0 otherwise.
    public var initialBias: Double

    public init(name: String, kind: LayerKind, line: Int? = nil, initialBias: Double = 0) {
        self.name = name; self.kind = kind; self.line = line; self.initialBias = initialBias
    }
}

/// Channels × height × width of an image or feature map.
public struct InputShape: Sendable, Equatable, Codable {
    public var channels: Int
    public var height: Int
    public var width: Int

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels; self.height = height; self.width = width
    }
}

/// A network: an input shape and the layers applied to it in order.
public struct NetworkSpec: Sendable, Equatable {
    public var name: String
    public var input: InputShape
    public var layers: [LayerSpec]
    /// The config file this network was read from, for error messages.
    public var file: String?
    /// 1-based line of the config's `input:` field, if any, for errors about the input size.
    public var inputLine: Int?

    public init(name: String, input: InputShape, layers: [LayerSpec], file: String? = nil, inputLine: Int? = nil) {
        self.name = name; self.input = input; self.layers = layers; self.file = file; self.inputLine = inputLine
    }

    /// The same network ending in `classes` outputs: its last fully connected layer resized (a folder of images
    /// has as many classes as subfolders). Nil when the network has no fully connected layer.
    public func withClasses(_ classes: Int) -> NetworkSpec? {
        guard let last = layers.lastIndex(where: { if case .linear = $0.kind { true } else { false } }) else { return nil }
        var copy = self
        copy.layers[last].kind = .linear(out: classes)
        return copy
    }

    /// The name of the last layer with weights (the one fine-tuning draws afresh), if any.
    public var lastLearnedLayer: String? {
        layers.last(where: { if case .linear = $0.kind { true } else if case .conv = $0.kind { true } else { false } })?.name
    }

    /// The same network with every elementwise non-linearity replaced, for the ReLU-vs-tanh experiment.
    public func replacingActivations(with activation: Activation) -> NetworkSpec {
        var copy = self
        var names = Set(layers.map(\.name))
        copy.layers = layers.map { layer in
            guard case .activation = layer.kind else { return layer }
            var l = layer
            l.kind = .activation(activation)
            // relu1 → tanh1, unless another layer is called tanh1 already: then the name stays.
            let renamed = LayerNaming.rename(layer.name, to: activation)
            if renamed != layer.name, !names.contains(renamed) {
                names.remove(layer.name); names.insert(renamed)
                l.name = renamed
            }
            return l
        }
        copy.name = "\(name) (\(activation.rawValue))"
        return copy
    }
}
