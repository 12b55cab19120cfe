#if canImport(Glibc)
import Glibc
#endif

/// ReLU, tanh or sigmoid, elementwise. x (any shape) → y (same shape).
///   relu:    y = max(0, x)          dx = dy · [y > 0]   (NaN in gives NaN out and passes dy, as in PyTorch;
///                                                          the fused C kernels agree)
///   tanh:    y = tanh(x)            dx = dy · (1 − y²)
///   sigmoid: y = 1 / (1 + e^(−x))   dx = dy · y · (1 − y)
/// Backward needs only the output, which the layer keeps.
final class ElementwiseActivation: Layer {
    let function: Activation
    private(set) var output: Tensor?
    /// Set by the network when the conv layer before it applies this ReLU itself (and masks its gradient):
    /// both directions then pass through unchanged.
    var passesThrough = false

    init(_ function: Activation) { self.function = function }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        // The conv before already applied max(0, ·): x is this layer's output, kept (shared, not copied) for the
        // saturation measure of the ReLU-vs-tanh comparison, as the unfused path keeps its own.
        if passesThrough { output = mode == .train ? x : nil; return x }
        var y = x
        let f = function
        y.data.withUnsafeMutableBufferPointer { yp in
            let yb = yp.baseAddress!
            parallelRanges(yp.count, minimumPerRange: 1 << 15) { r in
                switch f {
                case .relu: for i in r { yb[i] = 0 > yb[i] ? 0 : yb[i] }  // NaN stays NaN (Swift's max(0, nan) is 0), as in the C kernels
                case .tanh: for i in r { yb[i] = tanhf(yb[i]) }
                case .sigmoid: for i in r { yb[i] = 1 / (1 + expf(-yb[i])) }
                }
            }
        }
        output = mode == .train ? y : nil
        return y
    }

    func backward(_ dOut: Tensor) -> Tensor {
        if passesThrough { return dOut }
        guard let y = output else { preconditionFailure("activation backward without a training forward") }
        var dx = dOut
        let f = function
        y.data.withUnsafeBufferPointer { yp in
            dx.data.withUnsafeMutableBufferPointer { dp in
                let (yb, db) = (yp.baseAddress!, dp.baseAddress!)
                parallelRanges(dp.count, minimumPerRange: 1 << 15) { r in
                    switch f {
                    case .relu: for i in r where yb[i] <= 0 { db[i] = 0 }
                    case .tanh: for i in r { db[i] *= 1 - yb[i] * yb[i] }
                    case .sigmoid: for i in r { db[i] *= yb[i] * (1 - yb[i]) }
                    }
                }
            }
        }
        return dx
    }
}
