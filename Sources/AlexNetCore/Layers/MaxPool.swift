import CKernels

/// Max-pooling over K×K windows with stride S and padding P (padding never wins), floor or ceil
/// rounding as `SizeFormula` computes. x (N, C, H, W) → y (N, C, OH, OW).
/// Backward routes each dOut to the input position that won the max (kept as `argmax`); with
/// overlapping windows (K > S, the paper's 3/2) an input can win several windows and sums their gradients.
final class MaxPool: Layer {
    let spec: PoolSpec
    private var argmax: [Int32] = []
    private var inputShape: [Int] = []

    init(spec: PoolSpec) { self.spec = spec }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        let (N, C, H, W) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let OH = SizeFormula(input: H, kernel: spec.kernel, padding: spec.padding, stride: spec.stride, rounding: spec.rounding).output
        let OW = SizeFormula(input: W, kernel: spec.kernel, padding: spec.padding, stride: spec.stride, rounding: spec.rounding).output
        let (K, S, P) = (spec.kernel, spec.stride, spec.padding)
        var y = Tensor(uninitialized: [N, C, OH, OW])
        if argmax.count != y.count { argmax = [Int32](repeating: 0, count: y.count) }
        x.data.withUnsafeBufferPointer { xp in
            y.data.withUnsafeMutableBufferPointer { yp in
                argmax.withUnsafeMutableBufferPointer { ap in
                    let (xb, yb, ab) = (xp.baseAddress!, yp.baseAddress!, ap.baseAddress!)
                    parallelRanges(N * C) { planes in
                        for plane in planes {
                            ck_maxpool_forward(xb + plane * H * W, Int32(H), Int32(W), Int32(K), Int32(S), Int32(P),
                                               Int32(OH), Int32(OW), yb + plane * OH * OW, ab + plane * OH * OW)
                        }
                    }
                }
            }
        }
        inputShape = x.shape
        return y
    }

    func backward(_ dOut: Tensor) -> Tensor {
        var dx = Tensor(uninitialized: inputShape)  // each plane zeroed by the worker that fills it
        let (N, C, H, W) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3])
        let outPlane = dOut.shape[2] * dOut.shape[3]
        dOut.data.withUnsafeBufferPointer { dp in
            argmax.withUnsafeBufferPointer { ap in
                dx.data.withUnsafeMutableBufferPointer { dxp in
                    let (db, ab, dxb) = (dp.baseAddress!, ap.baseAddress!, dxp.baseAddress!)
                    parallelRanges(N * C) { planes in
                        for plane in planes {
                            let dst = dxb + plane * H * W
                            dst.update(repeating: 0, count: H * W)
                            for i in (plane * outPlane)..<((plane + 1) * outPlane) { dst[Int(ab[i])] += db[i] }
                        }
                    }
                }
            }
        }
        return dx
    }
}
