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
    /// The box one unit sees on the input image (its last row), composed back through the windows.
    case unitReceptiveBox
}
