import Localization

/// The kinds of generated quiz question.
public enum QuizKind: String, Sendable, CaseIterable {
    /// Output side of a conv layer.
    case convOutput
    /// Output side of a max-pool layer.
    case poolOutput
    /// Padding that keeps the size at stride 1.
    case paddingToKeepSize
    /// Stride that gives a target output size, with every pixel used.
    case strideForTarget
    /// Input side that makes a layer's windows tile exactly to a target size.
    case inputForExact
    /// Parameters of a conv layer with groups.
    case convParams
    /// Parameters of a fully connected layer.
    case fcParams
    /// Multiply-accumulates of a conv or fc layer for one image.
    case layerMACs
    /// Receptive field side of a layer in a stack.
    case receptiveField
    /// Output side of a max-pool with ceil rounding (PyTorch's `ceil_mode`, Caffe's pooling).
    case poolCeil
    /// Bytes of a layer's output (fp32) for a batch.
    case activationMemory
    /// Which learned layer of a preset holds the most parameters.
    case mostParams
    /// How a what-if edit (input side, conv5 width) changes the total parameters.
    case whatIfParams
    /// The conv layers' share of the multiply-adds (or the fc layers' share of the parameters).
    case macsShare
    /// Expected values under dropout: units zeroed, the paper's test-time scaling, inverted dropout.
    case dropoutExpectation
    /// A local response normalisation output for given channel values.
    case lrnValue
    /// The box one unit sees on the input image (its last row), composed back through the windows.
    case unitReceptiveBox

    /// A short name for worksheets and result lines.
    public var title: String { Messages.quizKindTitle(rawValue) }
}
