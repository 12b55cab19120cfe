import CKernels
import Foundation
import Testing
@testable import AlexNetCore

/// The C kernels' fast routes against their plain ones: the lowering of several images at once against one
/// image at a time (bit for bit), and LRN's β = 3/4 route against the formula in Double.
@Suite struct KernelRouteTests {
    struct Lowering: CustomTestStringConvertible, Sendable {
        var images, channels, h, w, k, s, p: Int
        var testDescription: String { "\(images)×\(channels)×\(h)×\(w) k\(k) s\(s) p\(p)" }
    }

    @Test(arguments: [Lowering(images: 8, channels: 16, h: 13, w: 13, k: 3, s: 1, p: 1),  // mini's conv2 chunk
                      Lowering(images: 8, channels: 64, h: 6, w: 6, k: 3, s: 1, p: 1),   // conv3: 6-wide rows
                      Lowering(images: 3, channels: 5, h: 8, w: 8, k: 3, s: 1, p: 1),    // exactly 8 wide
                      Lowering(images: 2, channels: 3, h: 16, w: 16, k: 3, s: 1, p: 1),  // 16 wide, two runs a row
                      Lowering(images: 4, channels: 2, h: 3, w: 3, k: 3, s: 1, p: 2),    // rows shorter than a run
                      Lowering(images: 5, channels: 2, h: 1, w: 1, k: 1, s: 1, p: 0),
                      Lowering(images: 8, channels: 1, h: 27, w: 27, k: 5, s: 1, p: 2),  // conv1: image by image
                      Lowering(images: 3, channels: 2, h: 11, w: 11, k: 3, s: 2, p: 1)]) // stride 2: image by image
    func severalImagesLowerAsOneAtATime(t: Lowering) {
        let oh = (t.h + 2 * t.p - t.k) / t.s + 1, ow = (t.w + 2 * t.p - t.k) / t.s + 1
        let imageStride = t.channels * t.h * t.w + 3  // images need not be packed
        let x = GradientCheck.randomTensor([t.images * imageStride], seed: 61).data
        let rows = t.channels * t.k * t.k, ldc = t.images * oh * ow + 5  // nor the matrix's rows
        // Sentinels after every row segment: the route that spills runs must leave them alone.
        var batched = [Float](repeating: -7, count: rows * ldc), single = batched
        x.withUnsafeBufferPointer { xp in
            batched.withUnsafeMutableBufferPointer { bp in
                ck_im2col_images(xp.baseAddress!, imageStride, Int32(t.images), Int32(t.channels), Int32(t.h), Int32(t.w),
                                 Int32(t.k), Int32(t.s), Int32(t.p), Int32(oh), Int32(ow), bp.baseAddress!, ldc)
            }
            single.withUnsafeMutableBufferPointer { sp in
                for i in 0..<t.images {
                    ck_im2col(xp.baseAddress! + i * imageStride, Int32(t.channels), Int32(t.h), Int32(t.w), Int32(t.k),
                              Int32(t.s), Int32(t.p), Int32(oh), Int32(ow), sp.baseAddress! + i * oh * ow, ldc)
                }
            }
        }
        #expect(batched == single)
        #expect((0..<rows).allSatisfy { r in (t.images * oh * ow..<ldc).allSatisfy { batched[r * ldc + $0] == -7 } })
    }

    /// The paper's LRN (k = 2, α = 1e-4, β = 3/4, size 5) on one image of 7 channels whose 11×3 planes end in
    /// a partial vector, forward and backward, against the formulas of LocalResponseNorm in Double.
    @Test func responseNormFastRouteMatchesTheFormula() {
        let (C, plane, k, alpha, beta) = (7, 33, 2.0, 1e-4, 0.75)
        let x = GradientCheck.randomTensor([C * plane], seed: 62, scale: 30).data
        let dy = GradientCheck.randomTensor([C * plane], seed: 63).data
        var scale = [Float](repeating: 0, count: C * plane), y = scale, dx = scale, ratio = scale
        var window = [Float](repeating: 0, count: plane)
        ck_lrn_forward(x, Int32(C), plane, 2, 2, Float(k), Float(alpha), Float(beta), &scale, &y, &window)
        ck_lrn_backward(x, scale, y, dy, Int32(C), plane, 2, 2, Float(k), Float(alpha), Float(beta), &dx, &ratio, &window)
        func at(_ a: [Float], _ c: Int, _ p: Int) -> Double { Double(a[c * plane + p]) }
        let win = { (c: Int) in max(0, c - 2)...min(C - 1, c + 2) }
        var worst = 0.0
        for p in 0..<plane {
            let s = (0..<C).map { c in k + alpha * win(c).reduce(0) { $0 + at(x, $1, p) * at(x, $1, p) } }
            let yRef = (0..<C).map { c in at(x, c, p) * pow(s[c], -beta) }
            for c in 0..<C {
                let cross = (0..<C).filter { win($0).contains(c) }.reduce(0) { $0 + at(dy, $1, p) * yRef[$1] / s[$1] }
                let dxRef = at(dy, c, p) * pow(s[c], -beta) - 2 * alpha * beta * at(x, c, p) * cross
                worst = max(worst, abs(at(y, c, p) - yRef[c]) / max(abs(yRef[c]), 1e-3),
                            abs(at(dx, c, p) - dxRef) / max(abs(dxRef), 1e-3))
            }
        }
        #expect(worst < 1e-5)
    }
}
