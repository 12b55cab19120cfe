/// One multiplication in a unit's sum: `input · weight`, and where the input sits (channel, row, column of
/// the layer's input; for a linear layer `channel` is the input feature and the position is 0, 0).
public struct NeuronTerm: Sendable, Equatable {
    public var channel: Int, y: Int, x: Int
    public var input: Double
    public var weight: Double
    public var product: Double { input * weight }
}

/// A recomputed number beside the one the forward pass produced, at the layer named.
public struct NeuronCheck: Sendable, Equatable {
    /// The layer whose forward output this is, e.g. "conv1", "relu1", "norm1".
    public var layer: String
    public var recomputed: Double
    public var forward: Double
    public var difference: Double { recomputed - forward }
    /// |difference| relative to the larger magnitude (0 when both are 0).
    public var relativeDifference: Double {
        let scale = max(abs(recomputed), abs(forward))
        return scale == 0 ? 0 : abs(difference) / scale
    }
}

/// The paper's channel groups: which group's input channels a grouped conv's unit sees.
public struct GroupSlice: Sendable, Equatable {
    public var groups: Int
    public var group: Int
    /// The input channels this unit's filter sees.
    public var channels: Range<Int>
}

/// The elementwise non-linearity that follows a conv or linear layer, applied to the pre-activation.
public struct ActivationStep: Sendable, Equatable {
    public var layer: String
    public var function: Activation
    public var input: Double
    public var output: Double
}

/// LRN's division of one unit by its neighbouring channels at the same position:
/// `b = a / (k + α·Σ a²)^β`, the sum over `neighbours` (channel, value), the unit itself included.
public struct LRNStep: Sendable, Equatable {
    public var layer: String
    public var spec: LRNSpec
    public var input: Double
    public var neighbours: [(channel: Int, value: Double)]
    public var sumOfSquares: Double
    /// (k + α·Σ a²)^β
    public var divisor: Double
    public var output: Double

    public static func == (a: LRNStep, b: LRNStep) -> Bool {
        a.layer == b.layer && a.spec == b.spec && a.input == b.input && a.sumOfSquares == b.sumOfSquares
            && a.divisor == b.divisor && a.output == b.output
            && a.neighbours.map(\.channel) == b.neighbours.map(\.channel) && a.neighbours.map(\.value) == b.neighbours.map(\.value)
    }
}

/// A max-pool unit: the values under its window (row-major, padding left out) and which one won.
public struct PoolWinner: Sendable, Equatable {
    /// The window's values on the input, rows × columns of the clipped window.
    public var values: [[Double]]
    /// Where the maximum sits on the layer's input (the first in row-major order on ties, as the forward).
    public var y: Int, x: Int
    public var value: Double
}

/// A softmax unit: the logits shifted by their maximum (for stable exponentials), the largest
/// exponentials, and their sum over every class.
public struct SoftmaxParts: Sendable, Equatable {
    public var logit: Double
    public var maxLogit: Double
    /// The classes with the largest exponentials, e^(z − max z), largest first (the unit's own included).
    public var exponentials: [(index: Int, logit: Double, exponential: Double)]
    public var classes: Int
    public var sum: Double

    public static func == (a: SoftmaxParts, b: SoftmaxParts) -> Bool {
        a.logit == b.logit && a.maxLogit == b.maxLogit && a.classes == b.classes && a.sum == b.sum
            && a.exponentials.map(\.index) == b.exponentials.map(\.index)
            && a.exponentials.map(\.exponential) == b.exponentials.map(\.exponential)
    }
}

/// The arithmetic of one unit, recomputed from the layer's own tensors with the real numbers, beside the
/// values the forward pass produced.
public struct NeuronExplanation: Sendable, Equatable {
    public var unit: NeuronUnit
    /// The layer's kind word: conv, maxpool, linear, softmax, relu, lrn, dropout, flatten.
    public var kind: String
    /// What feeds the layer ("input" for the first layer) and its shape.
    public var inputName: String
    public var inputShape: FeatureShape
    /// The layer's output shape (flat for linear and softmax: then the unit is `channel`).
    public var outputShape: FeatureShape
    /// The conv/pool window on the layer's input.
    public var window: UnitWindow?
    /// The pixels of the input image the unit depends on.
    public var receptiveField: PixelBox
    /// For a grouped conv, the input channels the unit sees.
    public var group: GroupSlice?
    /// Number of products in the sum (conv: C·F·F of its group; linear: the input features).
    public var terms: Int = 0
    /// Conv: how many of the products fall on the padding (0 · weight).
    public var paddingTerms: Int = 0
    /// Conv: the first few products on the input (not the padding) in order (channel, row, column); linear: the largest |products|.
    public var shownTerms: [NeuronTerm] = []
    public var sum: Double?
    public var bias: Double?
    /// sum + bias, for conv and linear units.
    public var preActivation: Double?
    public var activation: ActivationStep?
    public var lrn: LRNStep?
    public var pool: PoolWinner?
    public var softmax: SoftmaxParts?
    /// For conv units: the input patch (C, F, F; padding as 0) and the kernel slice (C, F, F) of the unit's
    /// channel, and the channel of the patch whose products add up to the most (for a one-channel heatmap).
    public var patch: Tensor?
    public var kernel: Tensor?
    public var strongestChannel: Int?
    /// Every recomputed value beside the forward pass's, in order (the layer, then ReLU, then LRN).
    public var checks: [NeuronCheck] = []

    /// The last recomputed value (after the following activation and LRN, when there are).
    public var value: Double { checks.last?.recomputed ?? 0 }
    /// The forward pass's value at the same place.
    public var forwardValue: Double { checks.last?.forward ?? 0 }
    /// The largest relative difference over every check.
    public var worstRelativeDifference: Double { checks.map(\.relativeDifference).max() ?? 0 }
}
