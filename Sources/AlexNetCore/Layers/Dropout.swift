/// Inverted dropout: in training each value is kept with probability 1 − p and scaled by 1/(1 − p);
/// in evaluation it is the identity. The paper instead multiplies outputs by 0.5 at test time; both give
/// the same expected activations, and the inverted form leaves evaluation (and PyTorch-parity logits)
/// untouched. x (any shape) → y (same); the mask is kept for backward: dx = dy · mask.
final class Dropout: Layer {
    let p: Double
    private(set) var random: SeededRandom
    /// 0 or 1/(1 − p) per element, from the last training forward.
    private(set) var mask: [Float] = []

    init(p: Double, random: SeededRandom) { self.p = p; self.random = random }

    /// Continues the mask stream from a checkpoint's saved state.
    func continueRandom(from state: UInt64) { random = SeededRandom(state: state) }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        guard mode == .train, p > 0 else { mask = []; return x }
        let keep = Float(1 / (1 - p))
        let threshold = UInt64(p * Double(UInt64.max))
        if mask.count != x.count { mask = [Float](repeating: 0, count: x.count) }
        for i in 0..<x.count { mask[i] = random.next() >= threshold ? keep : 0 }
        return applying(mask: mask, to: x)
    }

    /// Forward with a given mask, for gradient checks.
    func forward(_ x: Tensor, fixedMask: [Float]) -> Tensor {
        mask = fixedMask
        return applying(mask: mask, to: x)
    }

    func backward(_ dOut: Tensor) -> Tensor {
        guard !mask.isEmpty else { return dOut }
        return applying(mask: mask, to: dOut)
    }

    private func applying(mask: [Float], to x: Tensor) -> Tensor {
        var y = x
        for i in 0..<y.count { y.data[i] *= mask[i] }
        return y
    }
}
