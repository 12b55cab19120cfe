#if canImport(Glibc)
import Glibc
#endif

/// Local response normalisation across channels, the paper's formula (section 3.3):
///   s[c] = k + α · Σ_{c' ∈ win(c)} x[c']²,   y[c] = x[c] · s[c]^(−β)
/// at every (n, h, w), with win(c) = [c − size/2, c + (size−1)/2] clipped to the channels (PyTorch's
/// window; symmetric for the paper's odd size 5). α is the paper's: PyTorch's `alpha` is α·size.
/// Backward, exactly (no approximation):
///   dx[c] = dy[c] · s[c]^(−β) − 2αβ · x[c] · Σ_{c' : c ∈ win(c')} dy[c'] · y[c'] / s[c']
/// x (N, C, H, W) → y (N, C, H, W); keeps x, s and y.
final class LocalResponseNorm: Layer {
    let spec: LRNSpec
    /// x, s, s^(−β) and y of the last training forward.
    private var cache: (x: Tensor, scale: [Float], factor: [Float], y: Tensor)?

    init(spec: LRNSpec) { self.spec = spec }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        let (N, C, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let before = spec.size / 2, after = (spec.size - 1) / 2
        let (k, alpha, beta) = (Float(spec.k), Float(spec.alpha), Float(spec.beta))
        var y = Tensor(uninitialized: x.shape)
        var scale = Tensor(uninitialized: x.shape).data
        var factor = Tensor(uninitialized: x.shape).data
        x.data.withUnsafeBufferPointer { xp in
            scale.withUnsafeMutableBufferPointer { sp in
              factor.withUnsafeMutableBufferPointer { fp in
                y.data.withUnsafeMutableBufferPointer { yp in
                    let (xb, sb, fb, yb) = (xp.baseAddress!, sp.baseAddress!, fp.baseAddress!, yp.baseAddress!)
                    parallelFor(N) { n in
                        let base = n * C * plane
                        // Sliding sum of squares over channels, per pixel.
                        let window = UnsafeMutablePointer<Float>.allocate(capacity: plane)
                        defer { window.deallocate() }
                        window.initialize(repeating: 0, count: plane)
                        for c in 0..<min(after, C) {
                            let xc = xb + base + c * plane
                            for p in 0..<plane { window[p] += xc[p] * xc[p] }
                        }
                        for c in 0..<C {
                            let enter = c + after, leave = c - before - 1
                            if enter < C { let xe = xb + base + enter * plane; for p in 0..<plane { window[p] += xe[p] * xe[p] } }
                            if leave >= 0 { let xl = xb + base + leave * plane; for p in 0..<plane { window[p] -= xl[p] * xl[p] } }
                            // Pointers to this channel's plane keep the index arithmetic out of the inner
                            // loops, so they vectorise with Swift's overflow checks left on.
                            let off = base + c * plane
                            let (sc, fc, yc, xc) = (sb + off, fb + off, yb + off, xb + off)
                            for p in 0..<plane { sc[p] = k + alpha * max(0, window[p]) }
                            if beta == 0.75 {
                                for p in 0..<plane { let r = sc[p].squareRoot(); fc[p] = 1 / (r * r.squareRoot()) }
                            } else {
                                for p in 0..<plane { fc[p] = powf(sc[p], -beta) }
                            }
                            for p in 0..<plane { yc[p] = xc[p] * fc[p] }
                        }
                    }
                }
              }
            }
        }
        cache = mode == .train ? (x, scale, factor, y) : nil
        return y
    }

    func backward(_ dOut: Tensor) -> Tensor {
        guard let (x, scale, factor, y) = cache else { preconditionFailure("LRN backward without a training forward") }
        let (N, C, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let before = spec.size / 2, after = (spec.size - 1) / 2
        let (alpha, beta) = (Float(spec.alpha), Float(spec.beta))
        var dx = Tensor(uninitialized: x.shape)
        x.data.withUnsafeBufferPointer { xp in
        scale.withUnsafeBufferPointer { sp in
        factor.withUnsafeBufferPointer { fp in
        y.data.withUnsafeBufferPointer { yp in
        dOut.data.withUnsafeBufferPointer { dp in
        dx.data.withUnsafeMutableBufferPointer { dxp in
            let (xb, sb, fb, yb, db, dxb) = (xp.baseAddress!, sp.baseAddress!, fp.baseAddress!, yp.baseAddress!, dp.baseAddress!, dxp.baseAddress!)
            parallelFor(N) { n in
                let base = n * C * plane
                // ratio[c'] = dy[c'] · y[c'] / s[c'];  c receives the sum over c' with c ∈ win(c'),
                // i.e. c' ∈ [c − after, c + before].
                let ratio = UnsafeMutablePointer<Float>.allocate(capacity: C * plane)
                let window = UnsafeMutablePointer<Float>.allocate(capacity: plane)
                defer { ratio.deallocate(); window.deallocate() }
                let (dn, yn, sn) = (db + base, yb + base, sb + base)
                for i in 0..<(C * plane) { ratio[i] = dn[i] * yn[i] / sn[i] }
                window.initialize(repeating: 0, count: plane)
                for c in 0..<min(before, C) { let rc = ratio + c * plane; for p in 0..<plane { window[p] += rc[p] } }
                let twoAlphaBeta = 2 * alpha * beta
                for c in 0..<C {
                    let enter = c + before, leave = c - after - 1
                    if enter < C { let re = ratio + enter * plane; for p in 0..<plane { window[p] += re[p] } }
                    if leave >= 0 { let rl = ratio + leave * plane; for p in 0..<plane { window[p] -= rl[p] } }
                    let off = base + c * plane
                    let (dxc, dc, fc, xc) = (dxb + off, db + off, fb + off, xb + off)
                    for p in 0..<plane { dxc[p] = dc[p] * fc[p] - twoAlphaBeta * xc[p] * window[p] }
                }
            }
        }}}}}}
        return dx
    }
}
