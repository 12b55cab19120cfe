/// The definition of convolution as plain loops, in Double: slow, obviously right, and what the fast
/// im2col + GEMM path is tested against. x (N, C, H, W), weight (OC, C/G, K, K), bias (OC) → (N, OC, OH, OW).
enum ReferenceConv {
    static func forward(_ x: Tensor, weight: Tensor, bias: Tensor, spec: ConvSpec) -> Tensor {
        let (N, C, H, W) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (OC, K, S, P, G) = (spec.outChannels, spec.kernel, spec.stride, spec.padding, spec.groups)
        let OH = (H + 2 * P - K) / S + 1, OW = (W + 2 * P - K) / S + 1
        let Cg = C / G, OCg = OC / G
        var y = Tensor(zeros: [N, OC, OH, OW])
        for n in 0..<N {
            for o in 0..<OC {
                let g = o / OCg
                for i in 0..<OH {
                    for j in 0..<OW {
                        var s = Double(bias.data[o])
                        for c in 0..<Cg {
                            for kh in 0..<K {
                                for kw in 0..<K {
                                    let ih = i * S - P + kh, iw = j * S - P + kw
                                    guard ih >= 0, ih < H, iw >= 0, iw < W else { continue }
                                    let xv = x.data[((n * C + g * Cg + c) * H + ih) * W + iw]
                                    let wv = weight.data[((o * Cg + c) * K + kh) * K + kw]
                                    s += Double(xv) * Double(wv)
                                }
                            }
                        }
                        y.data[((n * OC + o) * OH + i) * OW + j] = Float(s)
                    }
                }
            }
        }
        return y
    }

    /// dInput of `forward` for dOut, by the definition (each output's gradient sent back along every tap that
    /// produced it), in Double: the reference for both of the fast layer's input-gradient paths.
    static func inputGradient(_ dOut: Tensor, weight: Tensor, inputShape: [Int], spec: ConvSpec) -> Tensor {
        let (N, C, H, W) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3])
        let (OC, K, S, P, G) = (spec.outChannels, spec.kernel, spec.stride, spec.padding, spec.groups)
        let (OH, OW) = (dOut.shape[2], dOut.shape[3])
        let Cg = C / G, OCg = OC / G
        var dx = [Double](repeating: 0, count: N * C * H * W)
        for n in 0..<N {
            for o in 0..<OC {
                let g = o / OCg
                for i in 0..<OH {
                    for j in 0..<OW {
                        let d = Double(dOut.data[((n * OC + o) * OH + i) * OW + j])
                        for c in 0..<Cg {
                            for kh in 0..<K {
                                for kw in 0..<K {
                                    let ih = i * S - P + kh, iw = j * S - P + kw
                                    guard ih >= 0, ih < H, iw >= 0, iw < W else { continue }
                                    dx[((n * C + g * Cg + c) * H + ih) * W + iw] += d * Double(weight.data[((o * Cg + c) * K + kh) * K + kw])
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: inputShape, data: dx.map { Float($0) })
    }
}
