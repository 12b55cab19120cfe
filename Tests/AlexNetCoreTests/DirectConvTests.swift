import Testing
@testable import AlexNetCore

/// The direct route of a one-channel first layer (`ck_direct1_*`) against the lowered route, the reference
/// convolution and finite differences: forward, fused ReLU, weight and bias gradients.
@Suite struct DirectConvTests {
    typealias ConvCase = LayerGradientTests.ConvCase

    static let cases = [
        ConvCase(n: 9, c: 1, h: 27, w: 27, oc: 32, k: 5, s: 1, p: 2, g: 1),  // mini's conv1; 9 images: a short last chunk
        ConvCase(n: 2, c: 1, h: 8, w: 8, oc: 3, k: 3, s: 1, p: 1, g: 1),     // one vector a row, odd channel count
        ConvCase(n: 3, c: 1, h: 18, w: 18, oc: 4, k: 3, s: 1, p: 0, g: 1),   // exactly two vectors
        ConvCase(n: 2, c: 1, h: 28, w: 28, oc: 6, k: 5, s: 1, p: 2, g: 1),   // Figure 1's 28×28
        ConvCase(n: 2, c: 1, h: 32, w: 32, oc: 2, k: 7, s: 1, p: 3, g: 1),   // the widest rows and kernel it takes
        ConvCase(n: 2, c: 1, h: 10, w: 13, oc: 5, k: 4, s: 1, p: 1, g: 1),   // even kernel, not square
    ]

    func makeConv(_ t: ConvCase, direct: Bool, relu: Bool) -> Conv2D {
        let conv = ConvPathTests().makeConv(t)
        conv.needsInputGradient = false
        conv.allowsDirectRoute = direct
        conv.fusesReLU = relu
        return conv
    }

    func step(_ conv: Conv2D, _ t: ConvCase) -> (y: Tensor, dw: Tensor, db: Tensor) {
        conv.weight.grad.zero(); conv.bias.grad.zero()
        let y = conv.forward(GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 81), mode: .train)
        _ = conv.backward(GradientCheck.randomTensor(y.shape, seed: 82))
        return (y, conv.weight.grad, conv.bias.grad)
    }

    @Test(arguments: cases, [false, true])
    func directRouteAgreesWithTheLoweredOne(t: ConvCase, relu: Bool) {
        let direct = makeConv(t, direct: true, relu: relu), lowered = makeConv(t, direct: false, relu: relu)
        let x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 81)
        #expect(direct.takesDirectRoute(ConvGeometry(channels: 1, height: t.h, width: t.w, kernel: t.k, stride: 1, padding: t.p,
                                                     outHeight: t.h + 2 * t.p - t.k + 1, outWidth: t.w + 2 * t.p - t.k + 1)))
        let a = step(direct, t), b = step(lowered, t)
        #expect(ConvPathTests.worst(a.y, b.y) < 1e-4)
        #expect(ConvPathTests.worst(a.dw, b.dw, floor: 1e-2) < 1e-4)
        #expect(ConvPathTests.worst(a.db, b.db, floor: 1e-2) < 1e-4)
        if !relu {
            let reference = ReferenceConv.forward(x, weight: direct.weight.value, bias: direct.bias.value, spec: t.spec)
            #expect(ConvPathTests.worst(a.y, reference) < 1e-4)
        }
    }

    /// Finite differences of ⟨conv(x), r⟩ with respect to the weights and biases, on the direct route.
    @Test(arguments: [cases[1], cases[5]])
    func directRouteGradientsMatchFiniteDifferences(t: ConvCase) {
        let conv = makeConv(t, direct: true, relu: false)
        let x = GradientCheck.randomTensor([t.n, t.c, t.h, t.w], seed: 83)
        let y = conv.forward(x, mode: .train)
        let r = GradientCheck.randomTensor(y.shape, seed: 84)
        _ = conv.backward(r)
        var w = conv.weight.value
        let fw = { (w: Tensor) -> Double in conv.weight.value = w; return GradientCheck.dot(conv.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &w, analytic: conv.weight.grad, eps: 1e-2, f: fw) < 5e-3)
        conv.weight.value = w
        var b = conv.bias.value
        let fb = { (b: Tensor) -> Double in conv.bias.value = b; return GradientCheck.dot(conv.forward(x, mode: .eval), r) }
        #expect(GradientCheck.maxRelativeError(x: &b, analytic: conv.bias.grad, eps: 1e-2, f: fb) < 5e-3)
    }

    /// Shapes it does not take go the lowered way: stride 2, two channels, an input gradient, rows over 32.
    @Test func otherShapesAreLowered() {
        let g = ConvGeometry(channels: 1, height: 27, width: 27, kernel: 5, stride: 1, padding: 2, outHeight: 27, outWidth: 27)
        let conv = makeConv(Self.cases[0], direct: true, relu: false)
        #expect(conv.takesDirectRoute(g))
        conv.needsInputGradient = true
        #expect(!conv.takesDirectRoute(g))
        conv.needsInputGradient = false
        #expect(!conv.takesDirectRoute(ConvGeometry(channels: 1, height: 40, width: 40, kernel: 5, stride: 1, padding: 2,
                                                    outHeight: 40, outWidth: 40)))
        let two = Conv2D(spec: ConvSpec(outChannels: 4, kernel: 3, stride: 1, padding: 1, groups: 1), inChannels: 2,
                         weightName: "w", biasName: "b")
        two.needsInputGradient = false
        #expect(!two.takesDirectRoute(ConvGeometry(channels: 2, height: 8, width: 8, kernel: 3, stride: 1, padding: 1,
                                                   outHeight: 8, outWidth: 8)))
        let strided = Conv2D(spec: ConvSpec(outChannels: 4, kernel: 3, stride: 2, padding: 1, groups: 1), inChannels: 1,
                             weightName: "w", biasName: "b")
        strided.needsInputGradient = false
        #expect(!strided.takesDirectRoute(ConvGeometry(channels: 1, height: 9, width: 9, kernel: 3, stride: 2, padding: 1,
                                                       outHeight: 5, outWidth: 5)))
    }
}
