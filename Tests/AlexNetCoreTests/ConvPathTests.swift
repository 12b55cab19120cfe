import Testing
@testable import AlexNetCore

/// The conv layer's fast paths against each other and the reference: one chunk against one image per chunk,
/// the transposed-convolution input gradient against col2im, the fused ReLU against a ReLU layer.
@Suite struct ConvPathTests {
    typealias ConvCase = LayerGradientTests.ConvCase

    static let cases = LayerGradientTests.convCases + [
        ConvCase(n: 1, c: 5, h: 7, w: 5, oc: 4, k: 3, s: 1, p: 1, g: 1),   // batch 1: channel slices per task
        ConvCase(n: 3, c: 2, h: 5, w: 6, oc: 3, k: 2, s: 1, p: 2, g: 1),   // P > K − 1: col2im only
        ConvCase(n: 5, c: 4, h: 6, w: 6, oc: 8, k: 3, s: 1, p: 1, g: 2),   // fewer inputs than outputs: col2im
        ConvCase(n: 5, c: 8, h: 6, w: 6, oc: 8, k: 3, s: 1, p: 1, g: 2),   // mini's conv4 at 6×6: transposed
        ConvCase(n: 3, c: 6, h: 9, w: 8, oc: 4, k: 5, s: 1, p: 2, g: 1),   // transposed, 5×5
        ConvCase(n: 1, c: 1, h: 27, w: 27, oc: 4, k: 5, s: 1, p: 2, g: 1), // mini's conv1, one image
        ConvCase(n: 2, c: 3, h: 13, w: 11, oc: 6, k: 5, s: 1, p: 0, g: 3),
    ]

    func makeConv(_ t: ConvCase) -> Conv2D {
        let conv = Conv2D(spec: t.spec, inChannels: t.c, weightName: "w", biasName: "b")
        conv.weight.value = GradientCheck.randomTensor(conv.weight.value.shape, seed: 31, scale: 0.5)
        conv.bias.value = GradientCheck.randomTensor([t.oc], seed: 32, scale: 0.5)
        return conv
    }

    /// Largest error relative to the value, or to `floor` × the largest value for values near zero (an
    /// input gradient sums OC·K·K Float products, so its near-zero entries carry more relative error).
    static func worst(_ a: Tensor, _ b: Tensor, floor: Float = 1e-3) -> Float {
        #expect(a.shape == b.shape)
        let scale = max(b.data.map { abs($0) }.max() ?? 0, 1e-6)
        return zip(a.data, b.data).map { abs($0 - $1) / max(abs($1), floor * scale) }.max() ?? 0
    }

    /// y, dx, dWeight, dBias of one training step of `conv` on fixed data.
    func step(_ conv: Conv2D, _ t: ConvCase) -> (y: Tensor, dx: Tensor, dw: Tensor, db: Tensor) {
        conv.weight.grad.zero(); conv.bias.grad.zero()
        let x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 33)
        let y = conv.forward(x, mode: .train)
        let dx = conv.backward(dOut(y.shape))
        return (y, dx, conv.weight.grad, conv.bias.grad)
    }

    func dOut(_ shape: [Int]) -> Tensor { GradientCheck.randomTensor(shape, seed: 34) }

    @Test(arguments: cases)
    func everyPathAgrees(t: ConvCase) {
        let conv = makeConv(t)
        let base = step(conv, t)
        let x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 33)
        #expect(Self.worst(base.y, ReferenceConv.forward(x, weight: conv.weight.value, bias: conv.bias.value, spec: t.spec)) < 1e-4)

        let reference = ReferenceConv.inputGradient(dOut(base.y.shape), weight: conv.weight.value, inputShape: x.shape, spec: t.spec)
        #expect(Self.worst(base.dx, reference, floor: 1e-2) < 1e-4)

        // One image per chunk: the weight gradient then sums chunk by chunk, so only rounding may differ.
        conv.chunkFloats = 1
        conv.minimumChunkColumns = 1
        let chunked = step(conv, t)
        #expect(Self.worst(chunked.y, base.y) < 1e-4)
        #expect(Self.worst(chunked.dx, base.dx, floor: 1e-2) < 1e-4)
        #expect(Self.worst(chunked.dw, base.dw, floor: 1e-2) < 1e-4)
        #expect(Self.worst(chunked.db, base.db, floor: 1e-2) < 1e-4)

        conv.inputGradientByConvolution = false
        let folded = step(conv, t)
        #expect(Self.worst(folded.dx, reference, floor: 1e-2) < 1e-4)
        #expect(folded.dw == chunked.dw && folded.db == chunked.db)
    }

    @Test(arguments: cases)
    func fusedReLUEqualsAReLULayer(t: ConvCase) {
        let conv = makeConv(t)
        let relu = ElementwiseActivation(.relu)
        let x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 35)
        let plain = relu.forward(conv.forward(x, mode: .train), mode: .train)
        let r = GradientCheck.randomTensor(plain.shape, seed: 36)
        let plainDx = conv.backward(relu.backward(r))
        let (plainDw, plainDb) = (conv.weight.grad, conv.bias.grad)

        conv.weight.grad.zero(); conv.bias.grad.zero()
        conv.fusesReLU = true
        let fused = conv.forward(x, mode: .train)
        #expect(fused == plain)
        let fusedDx = conv.backward(r)
        #expect(fusedDx == plainDx && conv.weight.grad == plainDw && conv.bias.grad == plainDb)
    }

    /// A network fuses its conv → ReLU pairs only when it need not keep each layer's output: both ways
    /// give the same logits and the same gradients, and the kept conv output is the one before ReLU.
    @Test func networkFusesOnlyWhenNotKeepingActivations() throws {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 3)
        let x = GradientCheck.randomTensor([2, 1, 27, 27], seed: 37)
        let kept = net.forward(x, mode: .eval, keepActivations: true)
        #expect(net.activations["conv1"]!.data.contains { $0 < 0 })
        let fused = net.forward(x, mode: .eval)
        #expect(kept == fused)
    }
}
