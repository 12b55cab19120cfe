import Testing
@testable import AlexNetCore

/// The vectorised max-pooling kernel (eight windows per gather, masked last block, scalar edges) against
/// the definition written out here: the first of equal maxima in row-major order wins, padding never wins.
@Suite struct MaxPoolKernelTests {
    typealias PoolCase = LayerGradientTests.PoolCase

    /// y and the input each output's gradient goes to, by the definition.
    static func reference(_ x: Tensor, _ t: PoolCase, oh: Int, ow: Int) -> (y: [Float], winner: [Int]) {
        let (N, C, H, W) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        var y: [Float] = [], winner: [Int] = []
        for plane in 0..<(N * C) {
            for i in 0..<oh {
                for j in 0..<ow {
                    var best = -Float.infinity, at = -1
                    for h in (i * t.s - t.p)..<(i * t.s - t.p + t.k) where h >= 0 && h < H {
                        for w in (j * t.s - t.p)..<(j * t.s - t.p + t.k) where w >= 0 && w < W {
                            let v = x.data[plane * H * W + h * W + w]
                            if at < 0 || v > best { best = v; at = plane * H * W + h * W + w }
                        }
                    }
                    y.append(best); winner.append(at)
                }
            }
        }
        return (y, winner)
    }

    @Test(arguments: [PoolCase(h: 27, w: 27, k: 3, s: 2, p: 0, rounding: .floor),   // mini's pool1: 8 + 5 per row
                      PoolCase(h: 13, w: 13, k: 3, s: 2, p: 0, rounding: .floor),   // pool2: one masked block
                      PoolCase(h: 6, w: 6, k: 3, s: 2, p: 0, rounding: .floor),
                      PoolCase(h: 40, w: 37, k: 3, s: 2, p: 1, rounding: .ceil),    // padded and clipped edges
                      PoolCase(h: 20, w: 35, k: 2, s: 2, p: 0, rounding: .floor),
                      PoolCase(h: 11, w: 30, k: 4, s: 3, p: 1, rounding: .ceil)])
    func kernelMatchesTheDefinition(t: PoolCase) {
        let pool = MaxPool(spec: PoolSpec(kernel: t.k, stride: t.s, padding: t.p, rounding: t.rounding))
        // Values on a coarse grid, so that many windows hold ties.
        var x = GradientCheck.randomTensor([2, 3, t.h, t.w], seed: 51)
        x.data = x.data.map { ($0 * 2).rounded() / 2 }
        let y = pool.forward(x, mode: .train)
        let (oh, ow) = (y.shape[2], y.shape[3])
        let (ref, winner) = Self.reference(x, t, oh: oh, ow: ow)
        #expect(y.data == ref)
        // Backward routes each dOut to the winner, so dx shows which input won (ties included).
        let dOut = Tensor(shape: y.shape, data: (0..<y.count).map { Float($0 % 7 + 1) })
        let dx = pool.backward(dOut)
        var expected = [Float](repeating: 0, count: x.count)
        for (i, at) in winner.enumerated() { expected[at] += dOut.data[i] }
        #expect(dx.data == expected)
    }
}
