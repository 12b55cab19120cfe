/// Everything the program says about one layer's shapes and costs, for one example.
public struct LayerReport: Sendable, Equatable {
    public var name: String
    public var kind: LayerKind
    public var input: FeatureShape
    public var output: FeatureShape
    /// The window formula along the height, for conv and pool layers.
    public var formula: SizeFormula?
    /// The window formula along the width, when it differs from the height's.
    public var widthFormula: SizeFormula?
    public var weights: Int
    public var biases: Int
    /// Multiply-accumulates of one forward pass of one example (conv and linear only, as torchinfo).
    public var macs: Int
    /// Receptive field side in input pixels (the whole input for flat layers).
    public var receptiveField: Int
    /// Distance in input pixels between neighbouring outputs (the product of strides so far).
    public var jump: Int

    public var params: Int { weights + biases }
    public var activations: Int { output.count }
    /// fp32 activation memory of one example.
    public var activationBytes: Int { activations * 4 }
    public var isExact: Bool { (formula?.isExact ?? true) && (widthFormula?.isExact ?? true) }

    /// Kernel, stride and padding of a conv or pool layer.
    public var window: WindowSpec? { kind.window }
    public var kernel: Int? { window?.kernel }
    public var stride: Int? { window?.stride }
    public var padding: Int? { window?.padding }
    public var groups: Int? {
        if case .conv(let c) = kind { return c.groups }
        return nil
    }

    /// The formula with its numbers for conv/pool; otherwise what the layer does to the shape.
    public var formulaText: String {
        if let formula {
            if let widthFormula { return "H: \(formula.text); W: \(widthFormula.text)" }
            return formula.text
        }
        switch kind {
        case .flatten:
            return input.isFlat ? "\(input.count)" : "\(input.channels)·\(input.height)·\(input.width) = \(output.count)"
        case .linear(let out):
            return "\(input.count) → \(out)"
        default:
            return "same shape"
        }
    }
}

/// A whole network's per-layer report and totals.
public struct ShapeReport: Sendable, Equatable {
    public var network: NetworkSpec
    public var layers: [LayerReport]
    /// How conv output sizes were rounded: floor (the engine) unless a lesson or the what-if screen asked
    /// for cuda-convnet's ceil; part of the report so that every view of it rounds the same way.
    public var convolutionRounding: PoolRounding = .floor

    public var input: FeatureShape { FeatureShape(network.input) }
    public var totalParams: Int { layers.reduce(0) { $0 + $1.params } }
    public var totalMACs: Int { layers.reduce(0) { $0 + $1.macs } }
    public var output: FeatureShape { layers.last?.output ?? input }

    public func layer(named name: String) -> LayerReport? {
        layers.first { $0.name == name }
    }
}
