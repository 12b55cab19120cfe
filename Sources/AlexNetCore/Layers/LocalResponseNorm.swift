import CKernels

/// Local response normalisation across channels, the paper's formula (section 3.3):
///   s[c] = k + α · Σ_{c' ∈ win(c)} x[c']²,   y[c] = x[c] · s[c]^(−β)
/// at every (n, h, w), with win(c) = [c − size/2, c + (size−1)/2] clipped to the channels (PyTorch's
/// window; symmetric for the paper's odd size 5). α is the paper's: PyTorch's `alpha` is α·size.
/// Backward, exactly (no approximation):
///   dx[c] = dy[c] · s[c]^(−β) − 2αβ · x[c] · Σ_{c' : c ∈ win(c')} dy[c'] · y[c'] / s[c']
/// x (N, C, H, W) → y (N, C, H, W); keeps x, s and y (s^(−β) is recomputed in backward: cheaper than
/// storing and reloading it). The loops per image are `ck_lrn_forward`/`ck_lrn_backward`
/// (CKernels), where they vectorise, square roots included.
final class LocalResponseNorm: Layer {
    let spec: LRNSpec
    /// x and y of the last training forward.
    private var cache: (x: Tensor, y: Tensor)?
    /// s of the last forward; its storage is reused from step to step.
    private var scale: [Float] = []

    init(spec: LRNSpec) { self.spec = spec }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        let (N, C, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let before = spec.size / 2, after = (spec.size - 1) / 2
        let (k, alpha, beta) = (Float(spec.k), Float(spec.alpha), Float(spec.beta))
        var y = Tensor(uninitialized: x.shape)
        cache = nil
        if scale.count != x.count { scale = Tensor(uninitialized: x.shape).data }
        x.data.withUnsafeBufferPointer { xp in
            scale.withUnsafeMutableBufferPointer { sp in
                y.data.withUnsafeMutableBufferPointer { yp in
                    let (xb, sb, yb) = (xp.baseAddress!, sp.baseAddress!, yp.baseAddress!)
                    parallelFor(N) { n in
                        let base = n * C * plane
                        let window = UnsafeMutablePointer<Float>.allocate(capacity: plane)
                        defer { window.deallocate() }
                        ck_lrn_forward(xb + base, Int32(C), plane, Int32(before), Int32(after), k, alpha, beta,
                                       sb + base, yb + base, window)
                    }
                }
            }
        }
        cache = mode == .train ? (x, y) : nil
        return y
    }

    func backward(_ dOut: Tensor) -> Tensor {
        guard let (x, y) = cache else { preconditionFailure("LRN backward without a training forward") }
        let (N, C, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let before = spec.size / 2, after = (spec.size - 1) / 2
        let (k, alpha, beta) = (Float(spec.k), Float(spec.alpha), Float(spec.beta))
        var dx = Tensor(uninitialized: x.shape)
        x.data.withUnsafeBufferPointer { xp in
        scale.withUnsafeBufferPointer { sp in
        y.data.withUnsafeBufferPointer { yp in
        dOut.data.withUnsafeBufferPointer { dp in
        dx.data.withUnsafeMutableBufferPointer { dxp in
            let (xb, sb, yb, db, dxb) = (xp.baseAddress!, sp.baseAddress!, yp.baseAddress!, dp.baseAddress!, dxp.baseAddress!)
            parallelFor(N) { n in
                let base = n * C * plane
                let ratio = UnsafeMutablePointer<Float>.allocate(capacity: C * plane)
                let window = UnsafeMutablePointer<Float>.allocate(capacity: plane)
                defer { ratio.deallocate(); window.deallocate() }
                ck_lrn_backward(xb + base, sb + base, yb + base, db + base, Int32(C), plane, Int32(before),
                                Int32(after), k, alpha, beta, dxb + base, ratio, window)
            }
        }}}}}
        return dx
    }
}
