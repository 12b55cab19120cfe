/// Fully connected layer, weights in PyTorch's layout (out, in):
///   x (N, F) · weightᵀ (F, OUT) + bias → y (N, OUT)
/// Backward: dWeight += dyᵀ (OUT, N) · x (N, F);  dBias += Σ_n dy;  dx = dy (N, OUT) · weight (OUT, F).
final class Linear: Layer {
    let weight: Parameter
    let bias: Parameter
    let inFeatures: Int, outFeatures: Int
    private(set) var input: Tensor?

    init(inFeatures: Int, outFeatures: Int, weightName: String, biasName: String) {
        self.inFeatures = inFeatures; self.outFeatures = outFeatures
        weight = Parameter(name: weightName, value: Tensor(zeros: [outFeatures, inFeatures]))
        bias = Parameter(name: biasName, value: Tensor(zeros: [outFeatures]))
    }

    var parameters: [Parameter] { [weight, bias] }

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        let N = x.shape[0]
        precondition(x.count == N * inFeatures, "linear expects (N, \(inFeatures)), got \(x.shape)")
        var y = Tensor(uninitialized: [N, outFeatures])  // bias copied in first
        y.data.withUnsafeMutableBufferPointer { yp in
            bias.value.data.withUnsafeBufferPointer { bp in
                for n in 0..<N { (yp.baseAddress! + n * outFeatures).update(from: bp.baseAddress!, count: outFeatures) }
            }
            x.data.withUnsafeBufferPointer { xp in
                weight.value.data.withUnsafeBufferPointer { wp in
                    if N == 1 {
                        parallelGemv(m: outFeatures, k: inFeatures, a: wp.baseAddress!, x: xp.baseAddress!, y: yp.baseAddress!)
                    } else {
                        parallelGemm(transB: true, m: N, n: outFeatures, k: inFeatures, a: xp.baseAddress!, lda: inFeatures,
                                     b: wp.baseAddress!, ldb: inFeatures, beta: 1, c: yp.baseAddress!, ldc: outFeatures)
                    }
                }
            }
        }
        input = mode == .train ? x : nil
        return y
    }

    func backward(_ dOut: Tensor) -> Tensor {
        guard let x = input else { preconditionFailure("linear backward without a training forward") }
        let N = x.shape[0]
        var dx = Tensor(zeros: x.shape)
        dOut.data.withUnsafeBufferPointer { dp in
            x.data.withUnsafeBufferPointer { xp in
                weight.grad.data.withUnsafeMutableBufferPointer { wg in
                    parallelGemm(transA: true, m: outFeatures, n: inFeatures, k: N, a: dp.baseAddress!, lda: outFeatures,
                         b: xp.baseAddress!, ldb: inFeatures, beta: 1, c: wg.baseAddress!, ldc: inFeatures)
                }
            }
            bias.grad.data.withUnsafeMutableBufferPointer { bg in
                for n in 0..<N { for o in 0..<outFeatures { bg[o] += dp[n * outFeatures + o] } }
            }
            weight.value.data.withUnsafeBufferPointer { wp in
                dx.data.withUnsafeMutableBufferPointer { dxp in
                    parallelGemm(m: N, n: inFeatures, k: outFeatures, a: dp.baseAddress!, lda: outFeatures,
                         b: wp.baseAddress!, ldb: inFeatures, c: dxp.baseAddress!, ldc: inFeatures)
                }
            }
        }
        return dx
    }
}
