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
    private var cache: (x: Tensor, scale: [Float], y: Tensor)?

    init(spec: LRNSpec) { self.spec = spec }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        let (N, C, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let before = spec.size / 2, after = (spec.size - 1) / 2
        let (k, alpha, beta) = (Float(spec.k), Float(spec.alpha), Float(spec.beta))
        var y = Tensor(zeros: x.shape)
        var scale = [Float](repeating: 0, count: x.count)
        x.data.withUnsafeBufferPointer { xp in
            scale.withUnsafeMutableBufferPointer { sp in
                y.data.withUnsafeMutableBufferPointer { yp in
                    let (xb, sb, yb) = (xp.baseAddress!, sp.baseAddress!, yp.baseAddress!)
                    parallelFor(N) { n in
                        let base = n * C * plane
                        // Sliding sum of squares over channels, per pixel.
                        var window = [Float](repeating: 0, count: plane)
                        for c in 0..<min(after, C) {
                            let xc = xb + base + c * plane
                            for p in 0..<plane { window[p] += xc[p] * xc[p] }
                        }
                        for c in 0..<C {
                            let enter = c + after, leave = c - before - 1
                            if enter < C { let xe = xb + base + enter * plane; for p in 0..<plane { window[p] += xe[p] * xe[p] } }
                            if leave >= 0 { let xl = xb + base + leave * plane; for p in 0..<plane { window[p] -= xl[p] * xl[p] } }
                            let off = base + c * plane
                            for p in 0..<plane {
                                let s = k + alpha * max(0, window[p])
                                sb[off + p] = s
                                yb[off + p] = xb[off + p] * powf(s, -beta)
                            }
                        }
                    }
                }
            }
        }
        cache = mode == .train ? (x, scale, y) : nil
        return y
    }

    func backward(_ dOut: Tensor) -> Tensor {
        guard let (x, scale, y) = cache else { preconditionFailure("LRN backward without a training forward") }
        let (N, C, plane) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let before = spec.size / 2, after = (spec.size - 1) / 2
        let (alpha, beta) = (Float(spec.alpha), Float(spec.beta))
        var dx = Tensor(zeros: x.shape)
        x.data.withUnsafeBufferPointer { xp in
        scale.withUnsafeBufferPointer { sp in
        y.data.withUnsafeBufferPointer { yp in
        dOut.data.withUnsafeBufferPointer { dp in
        dx.data.withUnsafeMutableBufferPointer { dxp in
            let (xb, sb, yb, db, dxb) = (xp.baseAddress!, sp.baseAddress!, yp.baseAddress!, dp.baseAddress!, dxp.baseAddress!)
            parallelFor(N) { n in
                let base = n * C * plane
                // ratio[c'] = dy[c'] · y[c'] / s[c'];  c receives the sum over c' with c ∈ win(c'),
                // i.e. c' ∈ [c − after, c + before].
                var ratio = [Float](repeating: 0, count: C * plane)
                for i in 0..<(C * plane) { ratio[i] = db[base + i] * yb[base + i] / sb[base + i] }
                var window = [Float](repeating: 0, count: plane)
                for c in 0..<min(before, C) { for p in 0..<plane { window[p] += ratio[c * plane + p] } }
                for c in 0..<C {
                    let enter = c + before, leave = c - after - 1
                    if enter < C { for p in 0..<plane { window[p] += ratio[enter * plane + p] } }
                    if leave >= 0 { for p in 0..<plane { window[p] -= ratio[leave * plane + p] } }
                    let off = base + c * plane
                    for p in 0..<plane {
                        dxb[off + p] = db[off + p] * powf(sb[off + p], -beta) - 2 * alpha * beta * xb[off + p] * window[p]
                    }
                }
            }
        }}}}}
        return dx
    }
}
