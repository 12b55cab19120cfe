import Testing
@testable import AlexNetCore

/// Finite-difference checks of every layer's backward pass, and the fast convolution against the
/// plain-loop definition.
@Suite struct LayerGradientTests {
    struct ConvCase: Sendable, CustomTestStringConvertible {
        var n = 2
        var c: Int, h: Int, w: Int, oc: Int, k: Int, s: Int, p: Int, g: Int
        var testDescription: String { "C\(c) \(h)×\(w) → \(oc) K\(k) S\(s) P\(p) G\(g)" }
        var spec: ConvSpec { ConvSpec(outChannels: oc, kernel: k, stride: s, padding: p, groups: g) }
    }

    static let convCases = [
        ConvCase(c: 4, h: 7, w: 7, oc: 6, k: 3, s: 1, p: 1, g: 1),
        ConvCase(c: 4, h: 9, w: 8, oc: 4, k: 3, s: 2, p: 1, g: 2),
        ConvCase(c: 3, h: 11, w: 11, oc: 4, k: 5, s: 3, p: 0, g: 1),
        ConvCase(c: 6, h: 5, w: 5, oc: 6, k: 3, s: 1, p: 2, g: 3),
        ConvCase(c: 2, h: 6, w: 9, oc: 2, k: 4, s: 2, p: 3, g: 2),
        // 16·27·27 = 11,664 positions: the weight gradient's long reduction is split across workers.
        ConvCase(n: 16, c: 1, h: 27, w: 27, oc: 8, k: 5, s: 1, p: 2, g: 1),
    ]

    func makeConv(_ t: ConvCase, seed: UInt64) -> Conv2D {
        let conv = Conv2D(spec: t.spec, inChannels: t.c, weightName: "w", biasName: "b")
        conv.weight.value = GradientCheck.randomTensor(conv.weight.value.shape, seed: seed, scale: 0.5)
        conv.bias.value = GradientCheck.randomTensor([t.oc], seed: seed + 1, scale: 0.5)
        return conv
    }

    @Test(arguments: convCases)
    func convGradients(t: ConvCase) {
        let conv = makeConv(t, seed: 11)
        var x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 12)
        let y = conv.forward(x, mode: .train)
        let r = GradientCheck.randomTensor(y.shape, seed: 13)
        let dx = conv.backward(r)
        let f = { (x: Tensor) in GradientCheck.dot(conv.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &x, analytic: dx, eps: 1e-2, f: f) < 5e-3)
        var w = conv.weight.value
        let dw = conv.weight.grad
        let fw = { (w: Tensor) -> Double in conv.weight.value = w; return GradientCheck.dot(conv.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &w, analytic: dw, eps: 1e-2, f: fw) < 5e-3)
        conv.weight.value = w
        var b = conv.bias.value
        let db = conv.bias.grad
        let fb = { (b: Tensor) -> Double in conv.bias.value = b; return GradientCheck.dot(conv.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &b, analytic: db, eps: 1e-2, f: fb) < 5e-3)
    }

    @Test(arguments: convCases + [ConvCase(n: 2, c: 3, h: 35, w: 35, oc: 8, k: 11, s: 4, p: 0, g: 1),
                                  ConvCase(n: 3, c: 8, h: 13, w: 13, oc: 8, k: 5, s: 1, p: 2, g: 2)])
    func fastConvEqualsReference(t: ConvCase) {
        let conv = makeConv(t, seed: 21)
        let x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 22)
        let fast = conv.forward(x, mode: .eval)
        let slow = ReferenceConv.forward(x, weight: conv.weight.value, bias: conv.bias.value, spec: t.spec)
        #expect(fast.shape == slow.shape)
        let scale = slow.data.map { abs($0) }.max()!
        let worst = zip(fast.data, slow.data).map { abs($0 - $1) / max(abs($1), 1e-3 * scale) }.max()!
        #expect(worst < 1e-4)
    }

    /// A hand-worked 1-channel convolution: the reference itself is checked against numbers done on paper.
    @Test func referenceConvByHand() {
        let x = Tensor(shape: [1, 1, 3, 3], data: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let w = Tensor(shape: [1, 1, 2, 2], data: [1, 0, 0, -1])
        let y = ReferenceConv.forward(x, weight: w, bias: Tensor(shape: [1], data: [10]),
                                      spec: ConvSpec(outChannels: 1, kernel: 2, stride: 1, padding: 0))
        // 1−5, 2−6, 4−8, 5−9, each + 10
        #expect(y.data == [6, 6, 6, 6])
    }

    // β = 0.75 takes the two-square-root path, other β the pow path.
    @Test(arguments: [(5, 0.75), (3, 0.75), (4, 0.6)])
    func lrnGradients(size: Int, beta: Double) {
        let lrn = LocalResponseNorm(spec: LRNSpec(size: size, alpha: 0.05, beta: beta, k: 2))
        var x = GradientCheck.randomTensor([2, 7, 3, 4], seed: 31, scale: 2)
        let y = lrn.forward(x, mode: .train)
        let r = GradientCheck.randomTensor(y.shape, seed: 32)
        let dx = lrn.backward(r)
        let f = { (x: Tensor) in GradientCheck.dot(lrn.forward(x, mode: .eval), r) }
        // The forward pass is Float: its rounding (and rsqrt's, which differs between Intel and AMD) puts
        // ~1e-6 of noise into f, which a step of 1e-2 turns into ~5e-5 of gradient noise — near the bound
        // on some CPUs. A larger step, tried too, divides that noise; LRN is smooth, so it costs little.
        let err = GradientCheck.maxRelativeError(x: &x, analytic: dx, eps: 1e-2, alsoTry: [4e-2], samples: 200, f: f)
        #expect(err < 5e-3)
    }

    /// The paper's formula worked by hand for one pixel of three channels, size 3 (window c−1…c+1).
    @Test func lrnForwardByHand() {
        let lrn = LocalResponseNorm(spec: LRNSpec(size: 3, alpha: 0.1, beta: 0.5, k: 1))
        let y = lrn.forward(Tensor(shape: [1, 3, 1, 1], data: [1, 2, 3]), mode: .eval)
        // s0 = 1 + 0.1·(1+4) = 1.5, s1 = 1 + 0.1·14 = 2.4, s2 = 1 + 0.1·(4+9) = 2.3
        let expected: [Float] = [1 / 1.5.squareRoot(), 2 / 2.4.squareRoot(), 3 / 2.3.squareRoot()].map(Float.init)
        for (a, b) in zip(y.data, expected) { #expect(abs(a - b) < 1e-6) }
    }

    struct PoolCase: Sendable, CustomTestStringConvertible {
        var h: Int, w: Int, k: Int, s: Int, p: Int, rounding: PoolRounding
        var testDescription: String { "\(h)×\(w) K\(k) S\(s) P\(p) \(rounding)" }
    }

    @Test(arguments: [PoolCase(h: 13, w: 13, k: 3, s: 2, p: 0, rounding: .floor),
                      PoolCase(h: 8, w: 7, k: 3, s: 2, p: 1, rounding: .ceil),
                      PoolCase(h: 6, w: 6, k: 2, s: 2, p: 0, rounding: .floor)])
    func maxPoolGradients(t: PoolCase) {
        let pool = MaxPool(spec: PoolSpec(kernel: t.k, stride: t.s, padding: t.p, rounding: t.rounding))
        var x = GradientCheck.distinctTensor([2, 3, t.h, t.w], seed: 41)
        let y = pool.forward(x, mode: .train)
        let expectH = SizeFormula(input: t.h, kernel: t.k, padding: t.p, stride: t.s, rounding: t.rounding).output
        #expect(y.shape == [2, 3, expectH, SizeFormula(input: t.w, kernel: t.k, padding: t.p, stride: t.s, rounding: t.rounding).output])
        let r = GradientCheck.randomTensor(y.shape, seed: 42)
        let dx = pool.backward(r)
        let f = { (x: Tensor) in GradientCheck.dot(pool.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &x, analytic: dx, eps: 1e-3, samples: 400, f: f) < 1e-3)
    }

    @Test func overlappingPoolSumsGradientsOfSharedWinners() {
        // 1×5 row, windows [0,1,2] and [2,3,4] overlap at index 2, which holds the maximum of both.
        let pool = MaxPool(spec: PoolSpec(kernel: 3, stride: 2))
        _ = pool.forward(Tensor(shape: [1, 1, 1, 5], data: [0, 1, 9, 2, 3]).reshaped([1, 1, 1, 5]), mode: .train)
        // kernel 3 on a 1-row input is impossible, so use 3 rows holding the same values.
        let x = Tensor(shape: [1, 1, 3, 5], data: [0, 1, 9, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        let y = pool.forward(x, mode: .train)
        #expect(y.data == [9, 9])
        let dx = pool.backward(Tensor(shape: [1, 1, 1, 2], data: [1, 2]))
        #expect(dx.data[2] == 3)
        #expect(dx.data.reduce(0, +) == 3)
    }

    @Test(arguments: Activation.allCases)
    func activationGradients(a: Activation) {
        let layer = ElementwiseActivation(a)
        var x = GradientCheck.randomTensor([3, 4, 5], seed: 51, awayFromZero: 0.05)
        let y = layer.forward(x, mode: .train)
        let r = GradientCheck.randomTensor(y.shape, seed: 52)
        let dx = layer.backward(r)
        let f = { (x: Tensor) in GradientCheck.dot(layer.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &x, analytic: dx, eps: 1e-3, samples: 60, f: f) < 5e-3)
    }

    @Test func dropoutWithFixedMask() {
        let drop = Dropout(p: 0.5, random: SeededRandom(seed: 1))
        var r = SeededRandom(seed: 61)
        let mask = (0..<24).map { _ in r.next() & 1 == 0 ? Float(0) : 2 }
        var x = GradientCheck.randomTensor([2, 12], seed: 62)
        _ = drop.forward(x, fixedMask: mask)
        let g = GradientCheck.randomTensor([2, 12], seed: 63)
        let dx = drop.backward(g)
        let f = { (x: Tensor) in GradientCheck.dot(drop.forward(x, fixedMask: mask), g) }
        #expect(GradientCheck.maxRelativeError(x: &x, analytic: dx, eps: 1e-2, f: f) < 1e-3)
        // Eval mode is the identity; train mode keeps about 1 − p and scales by 1/(1 − p).
        #expect(drop.forward(x, mode: .eval) == x)
        let ones = Tensor(repeating: 1, shape: [10_000])
        let kept = drop.forward(ones, mode: .train).data
        #expect(Set(kept) == [0, 2])
        let fraction = Double(kept.filter { $0 > 0 }.count) / 10_000
        #expect(abs(fraction - 0.5) < 0.03)
    }

    @Test func linearGradients() {
        let fc = Linear(inFeatures: 7, outFeatures: 5, weightName: "w", biasName: "b")
        fc.weight.value = GradientCheck.randomTensor([5, 7], seed: 71)
        fc.bias.value = GradientCheck.randomTensor([5], seed: 72)
        var x = GradientCheck.randomTensor([3, 7], seed: 73)
        let y = fc.forward(x, mode: .train)
        let r = GradientCheck.randomTensor(y.shape, seed: 74)
        let dx = fc.backward(r)
        let f = { (x: Tensor) in GradientCheck.dot(fc.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &x, analytic: dx, eps: 1e-2, f: f) < 2e-3)
        var w = fc.weight.value
        let dw = fc.weight.grad
        let fw = { (w: Tensor) -> Double in fc.weight.value = w; return GradientCheck.dot(fc.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &w, analytic: dw, eps: 1e-2, f: fw) < 2e-3)
        fc.weight.value = w
        // dBias = Σ_n r[n]
        for o in 0..<5 { #expect(abs(fc.bias.grad.data[o] - (0..<3).map { r.data[$0 * 5 + o] }.reduce(0, +)) < 1e-5) }
    }

    /// Batch 1 takes the matrix-vector path; it must agree with the GEMM path row for row.
    @Test func linearBatchOfOneEqualsTheBatchedPath() {
        let fc = Linear(inFeatures: 300, outFeatures: 700, weightName: "w", biasName: "b")
        fc.weight.value = GradientCheck.randomTensor([700, 300], seed: 75)
        fc.bias.value = GradientCheck.randomTensor([700], seed: 76)
        let x = GradientCheck.randomTensor([2, 300], seed: 77)
        let both = fc.forward(x, mode: .eval)
        let first = fc.forward(Tensor(shape: [1, 300], data: Array(x.data[0..<300])), mode: .eval)
        for (a, b) in zip(first.data, both.data[0..<700]) { #expect(abs(a - b) <= 1e-4 * max(1, abs(b))) }
    }

    @Test func softmaxCrossEntropyGradients() {
        var logits = GradientCheck.randomTensor([4, 6], seed: 81, scale: 3)
        let labels = [0, 5, 2, 2]
        let result = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels)
        let f = { (l: Tensor) in SoftmaxCrossEntropy.evaluate(logits: l, labels: labels).loss }
        #expect(GradientCheck.maxRelativeError(x: &logits, analytic: result.dLogits, eps: 1e-2, f: f) < 2e-3)
        // Uniform logits over 6 classes: loss is ln 6.
        let uniform = SoftmaxCrossEntropy.evaluate(logits: Tensor(zeros: [2, 6]), labels: [1, 3])
        #expect(abs(uniform.loss - 1.791_759_469) < 1e-6)
        // Huge logits stay finite (log-sum-exp).
        let big = SoftmaxCrossEntropy.evaluate(logits: Tensor(shape: [1, 3], data: [1000, 0, -1000]), labels: [0])
        #expect(big.loss.isFinite && big.loss < 1e-6)
    }
}
