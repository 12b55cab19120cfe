// Names used in the shape comments of every layer in this folder (as llm.c does):
//   N  = batch size           C  = input channels      H, W   = input height, width
//   K  = kernel side          S  = stride              P      = padding
//   G  = groups               OC = output channels     OH, OW = output height, width
//   F  = features of a flat vector (after flatten)     NC     = classes
// All tensors are fp32, row-major, NCHW. Forward keeps what backward needs in the layer (`cache`);
// backward takes dOut and returns dInput, and *adds* into parameter gradients: zeroing them is an
// explicit step (`Network.zeroGradients()`), so gradients of several batches can be accumulated.

/// Whether a forward pass is for training (dropout active, caches kept) or for evaluation.
public enum Mode: Sendable, Equatable {
    case train, eval
}

/// A learned tensor and its gradient, named as in torchvision's state_dict.
public final class Parameter: @unchecked Sendable {
    public let name: String
    public var value: Tensor
    public var grad: Tensor

    init(name: String, value: Tensor) {
        self.name = name; self.value = value; grad = Tensor(zeros: value.shape)
    }
}

/// One operation of the runtime network: forward and backward side by side in each conforming file.
protocol Layer: AnyObject {
    /// (N, …) in → (N, …) out.
    func forward(_ x: Tensor, mode: Mode) -> Tensor
    /// dOut (shape of the output) → dInput (shape of the input); adds into parameter gradients.
    func backward(_ dOut: Tensor) -> Tensor
    var parameters: [Parameter] { get }
}

extension Layer {
    var parameters: [Parameter] { [] }
}
