@testable import AlexNetCore

/// Central-difference gradient checking shared by the layer tests.
///
/// The objective is f(x) = Σ r ⊙ layer(x) for a fixed random r, so that backward(r) must equal ∂f/∂x.
/// f is summed in Double; the layer itself computes in Float, hence eps = 1e-2 … 1e-3 and a relative
/// tolerance of a few 1e-3, which a wrong formula (off by a factor, a sign, a missed term) still fails by far.
enum GradientCheck {
    static func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1, awayFromZero: Float = 0) -> Tensor {
        var r = SeededRandom(seed: seed)
        var t = Tensor(zeros: shape)
        for i in 0..<t.count {
            var v = Float(r.normal()) * scale
            if awayFromZero > 0, abs(v) < awayFromZero { v = v < 0 ? -awayFromZero - abs(v) : awayFromZero + v }
            t.data[i] = v
        }
        return t
    }

    /// Distinct values (a shuffled ramp) so max-pooling has no ties within eps.
    static func distinctTensor(_ shape: [Int], seed: UInt64, gap: Float = 0.05) -> Tensor {
        var r = SeededRandom(seed: seed)
        let n = shape.reduce(1, *)
        let order = r.permutation(n)
        return Tensor(shape: shape, data: order.map { Float($0) * gap - Float(n) * gap / 2 })
    }

    static func dot(_ a: Tensor, _ b: Tensor) -> Double {
        zip(a.data, b.data).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Largest relative error over `samples` coordinates of `x` (all when fewer), between `analytic`
    /// and (f(x + eps·e_i) − f(x − eps·e_i)) / 2eps.
    static func maxRelativeError(x: inout Tensor, analytic: Tensor, eps: Float, alsoTry: [Float] = [], samples: Int = 60, seed: UInt64 = 7,
                                 f: (Tensor) -> Double) -> Double {
        var r = SeededRandom(seed: seed)
        let indices = x.count <= samples ? Array(0..<x.count) : (0..<samples).map { _ in r.below(x.count) }
        var worst = 0.0
        for i in indices {
            let saved = x.data[i]
            var best = Double.infinity
            // With several step sizes the smallest error counts: a large step may cross a max-pool or
            // ReLU kink, a small one loses digits to Float rounding; a wrong formula fails both.
            for e in [eps] + alsoTry {
                x.data[i] = saved + e; let plus = f(x)
                x.data[i] = saved - e; let minus = f(x)
                x.data[i] = saved
                let numeric = (plus - minus) / (2 * Double(e))
                let a = Double(analytic.data[i])
                best = min(best, abs(a - numeric) / max(abs(a), abs(numeric), 1e-2))
            }
            worst = max(worst, best)
        }
        return worst
    }
}
