/// The lowering that turns a convolution into one matrix multiply (as darknet's im2col.c).
///
/// For one image and one channel group, `cols` gets one row per (c, kh, kw) of the receptive field,
/// (Cg·K·K rows), and one column per output position; the image's positions sit at columns
/// [colOffset, colOffset + OH·OW) of a matrix whose rows are `ldc` long, so a whole batch shares one
/// matrix and one GEMM.
struct ConvGeometry {
    let channels: Int        // Cg: channels in this group
    let height: Int, width: Int
    let kernel: Int, stride: Int, padding: Int
    let outHeight: Int, outWidth: Int
    var rows: Int { channels * kernel * kernel }
    var positions: Int { outHeight * outWidth }
}

/// x: (Cg, H, W) of one image → cols rows (Cg·K·K) × [colOffset ..< colOffset + OH·OW].
func im2col(_ x: UnsafePointer<Float>, _ g: ConvGeometry, cols: UnsafeMutablePointer<Float>, ldc: Int, colOffset: Int) {
    let (H, W, K, S, P, OH, OW) = (g.height, g.width, g.kernel, g.stride, g.padding, g.outHeight, g.outWidth)
    for c in 0..<g.channels {
        let plane = x + c * H * W
        for kh in 0..<K {
            for kw in 0..<K {
                let row = cols + ((c * K + kh) * K + kw) * ldc + colOffset
                // Output columns whose input column iw = ow·S − P + kw falls inside [0, W).
                let owLo = max(0, (P - kw + S - 1) / S)
                let owHi = W - 1 + P - kw < 0 ? 0 : min(OW, (W - 1 + P - kw) / S + 1)
                for oh in 0..<OH {
                    let ih = oh * S - P + kh
                    let out = row + oh * OW
                    // Plain loops rather than memcpy/memset: rows here are 6 to 55 floats long, where the
                    // call overhead of a library copy outweighs the copy itself.
                    if ih < 0 || ih >= H || owLo >= owHi {
                        for ow in 0..<OW { out[ow] = 0 }
                        continue
                    }
                    for ow in 0..<owLo { out[ow] = 0 }
                    let src = plane + ih * W + (owLo * S - P + kw)
                    // Offset pointers keep index arithmetic (and its overflow checks) out of the inner loops.
                    let dst = out + owLo, n = owHi - owLo
                    if S == 1 {
                        for i in 0..<n { dst[i] = src[i] }
                    } else {
                        var from = src
                        for i in 0..<n { dst[i] = from.pointee; from += S }
                    }
                    for ow in owHi..<OW { out[ow] = 0 }
                }
            }
        }
    }
}

/// The adjoint of `im2col`: adds each column entry back onto the input pixel it was copied from.
/// dx: (Cg, H, W) of one image, accumulated into (callers zero it first).
func col2im(_ cols: UnsafePointer<Float>, _ g: ConvGeometry, ldc: Int, colOffset: Int, dx: UnsafeMutablePointer<Float>) {
    let (H, W, K, S, P, OH, OW) = (g.height, g.width, g.kernel, g.stride, g.padding, g.outHeight, g.outWidth)
    for c in 0..<g.channels {
        let plane = dx + c * H * W
        for kh in 0..<K {
            for kw in 0..<K {
                let row = cols + ((c * K + kh) * K + kw) * ldc + colOffset
                let owLo = max(0, (P - kw + S - 1) / S)
                let owHi = W - 1 + P - kw < 0 ? 0 : min(OW, (W - 1 + P - kw) / S + 1)
                guard owLo < owHi else { continue }
                for oh in 0..<OH {
                    let ih = oh * S - P + kh
                    if ih < 0 || ih >= H { continue }
                    let src = row + oh * OW
                    let dst = plane + ih * W + (owLo * S - P + kw)
                    let from = src + owLo, n = owHi - owLo
                    if S == 1 {
                        for i in 0..<n { dst[i] += from[i] }
                    } else {
                        var to = dst
                        for i in 0..<n { to.pointee += from[i]; to += S }
                    }
                }
            }
        }
    }
}
