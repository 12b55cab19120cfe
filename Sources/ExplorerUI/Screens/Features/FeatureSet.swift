import AlexNetCore

/// One input pushed through the network: the image, every layer's feature maps for it, and the
/// prediction. Made by the engine's forward pass; the screen only draws it.
public struct FeatureSet: Sendable, Equatable {
    /// The input as the network saw it, (C, H, W).
    public var input: Tensor
    /// Where the input came from: "Fashion-MNIST test image 17 (Sneaker)", "test pattern", a file name.
    public var inputName: String
    /// Each spatial layer's output for this input, (C, H, W), in network order.
    public var layers: [(name: String, maps: Tensor)]
    /// Class probabilities from the softmax, and their names.
    public var probabilities: [Float]
    public var classNames: [String]
    /// Which weights made them, short ("trained", "untrained"), shown beside the prediction.
    public var weights: String?
    /// The same forward pass kept for the neuron inspector (nil when made without a network, as in tests
    /// that only draw maps).
    public var explainer: NeuronExplainer?

    public init(input: Tensor, inputName: String, layers: [(name: String, maps: Tensor)],
                probabilities: [Float], classNames: [String], weights: String? = nil, explainer: NeuronExplainer? = nil) {
        self.input = input; self.inputName = inputName; self.layers = layers
        self.probabilities = probabilities; self.classNames = classNames; self.weights = weights
        self.explainer = explainer
    }

    public static func == (a: FeatureSet, b: FeatureSet) -> Bool {
        a.input == b.input && a.inputName == b.inputName && a.probabilities == b.probabilities && a.weights == b.weights
            && a.layers.map(\.name) == b.layers.map(\.name) && a.layers.map(\.maps) == b.layers.map(\.maps)
    }

    /// The `k` most probable classes, best first.
    public func top(_ k: Int) -> [(name: String, probability: Float)] {
        probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(k).map {
            (name: $0 < classNames.count ? classNames[$0] : "class \($0)", probability: probabilities[$0])
        }
    }

    /// Channels of `maps` (C, H, W) ordered by mean activation, most active first.
    public static func mostActive(_ maps: Tensor) -> [Int] {
        let c = maps.shape[0], plane = maps.count / max(c, 1)
        let means = (0..<c).map { ch in maps.data[(ch * plane)..<((ch + 1) * plane)].reduce(0, +) / Float(max(plane, 1)) }
        return means.indices.sorted { means[$0] > means[$1] }
    }
}
