/// Convolution with stride, padding and channel groups, lowered to GEMM.
///
/// x (N, C, H, W), weight (OC, C/G, K, K), bias (OC) → y (N, OC, OH, OW),
///   y[n, o, i, j] = bias[o] + Σ_{c in o's group, kh, kw} weight[o, c, kh, kw] · x[n, c, i·S − P + kh, j·S − P + kw]
/// For each group, a chunk of images is lowered by `im2col` into one (Cg·K·K) × (n·OH·OW) matrix and
/// multiplied by the group's (OC/G) × (Cg·K·K) weights. Backward lowers the same chunk again rather than
/// keeping the columns of the whole batch (hundreds of MB for AlexNet at batch 32).
final class Conv2D: Layer {
    let spec: ConvSpec
    let weight: Parameter
    let bias: Parameter
    let inChannels: Int
    /// False for the first layer: nobody needs the gradient with respect to the image.
    var needsInputGradient = true
    private var input: Tensor?
    private var outputShape: (Int, Int) = (0, 0)
    private var cols: [Float] = []

    /// Columns of one chunk are kept under this many floats (64 MB).
    static let chunkFloats = 16 << 20

    init(spec: ConvSpec, inChannels: Int, weightName: String, biasName: String) {
        self.spec = spec; self.inChannels = inChannels
        weight = Parameter(name: weightName, value: Tensor(zeros: [spec.outChannels, inChannels / spec.groups, spec.kernel, spec.kernel]))
        bias = Parameter(name: biasName, value: Tensor(zeros: [spec.outChannels]))
    }

    var parameters: [Parameter] { [weight, bias] }

    private func geometry(_ x: Tensor) -> ConvGeometry {
        let (H, W) = (x.shape[2], x.shape[3])
        let oh = (H + 2 * spec.padding - spec.kernel) / spec.stride + 1
        let ow = (W + 2 * spec.padding - spec.kernel) / spec.stride + 1
        return ConvGeometry(channels: inChannels / spec.groups, height: H, width: W, kernel: spec.kernel,
                            stride: spec.stride, padding: spec.padding, outHeight: oh, outWidth: ow)
    }

    private func chunks(_ n: Int, _ g: ConvGeometry) -> [Range<Int>] {
        let per = max(1, Self.chunkFloats / max(1, g.rows * g.positions))
        return stride(from: 0, to: n, by: per).map { $0..<min(n, $0 + per) }
    }

    /// Tasks that split a chunk's lowering: one per image, or, when there are fewer images than workers
    /// (batch 1), each image's channels in slices; every task writes its own rows and columns.
    private func tasks(images: Int, channels: Int) -> [(image: Int, channels: Range<Int>)] {
        let slices = images >= ComputeThreads.current ? 1 : min(channels, 2 * ComputeThreads.current)
        return (0..<images).flatMap { i in
            (0..<slices).map { s in (i, (channels * s / slices)..<(channels * (s + 1) / slices)) }
        }
    }

    /// A geometry for a slice of the group's channels.
    private func slice(_ g: ConvGeometry, _ channels: Range<Int>) -> ConvGeometry {
        ConvGeometry(channels: channels.count, height: g.height, width: g.width, kernel: g.kernel, stride: g.stride,
                     padding: g.padding, outHeight: g.outHeight, outWidth: g.outWidth)
    }

    /// im2col of one group of a chunk of images into `cols`.
    private func lower(_ x: Tensor, chunk: Range<Int>, group: Int, _ g: ConvGeometry) {
        let inPlane = inChannels * g.height * g.width, P = g.positions, ldc = chunk.count * P
        let plane = g.height * g.width, kk = g.kernel * g.kernel
        let work = tasks(images: chunk.count, channels: g.channels)
        x.data.withUnsafeBufferPointer { xp in
            cols.withUnsafeMutableBufferPointer { cp in
                let xb = xp.baseAddress!, cb = cp.baseAddress!
                parallelFor(work.count) { t in
                    let (i, cs) = work[t]
                    im2col(xb + (chunk.lowerBound + i) * inPlane + (group * g.channels + cs.lowerBound) * plane, slice(g, cs),
                           cols: cb + cs.lowerBound * kk * ldc, ldc: ldc, colOffset: i * P)
                }
            }
        }
    }

    /// col2im of `cols` back into the chunk's input gradient, split like `lower`.
    private func raise(into dx: inout Tensor, chunk: Range<Int>, group: Int, _ g: ConvGeometry) {
        let inPlane = inChannels * g.height * g.width, P = g.positions, ldc = chunk.count * P
        let plane = g.height * g.width, kk = g.kernel * g.kernel
        let work = tasks(images: chunk.count, channels: g.channels)
        cols.withUnsafeBufferPointer { cp in
            dx.data.withUnsafeMutableBufferPointer { dxp in
                let (cb, db) = (cp.baseAddress!, dxp.baseAddress!)
                parallelFor(work.count) { t in
                    let (i, cs) = work[t]
                    col2im(cb + cs.lowerBound * kk * ldc, slice(g, cs), ldc: ldc, colOffset: i * P,
                           dx: db + (chunk.lowerBound + i) * inPlane + (group * g.channels + cs.lowerBound) * plane)
                }
            }
        }
    }

    // MARK: forward — x (N, C, H, W) → y (N, OC, OH, OW)

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        precondition(x.shape.count == 4 && x.shape[1] == inChannels, "conv expects (N, \(inChannels), H, W), got \(x.shape)")
        let g = geometry(x)
        let (N, G, OC) = (x.shape[0], spec.groups, spec.outChannels)
        let OCg = OC / G, P = g.positions
        var y = Tensor(uninitialized: [N, OC, g.outHeight, g.outWidth])  // every element written below
        var product = [Float]()
        for chunk in chunks(N, g) {
            let cols = chunk.count * P
            if self.cols.count < g.rows * cols { self.cols = [Float](repeating: 0, count: g.rows * cols) }
            if product.count < OCg * cols { product = [Float](repeating: 0, count: OCg * cols) }
            for group in 0..<G {
                lower(x, chunk: chunk, group: group, g)
                weight.value.data.withUnsafeBufferPointer { wp in
                    self.cols.withUnsafeBufferPointer { cp in
                        product.withUnsafeMutableBufferPointer { pp in
                            parallelGemm(m: OCg, n: cols, k: g.rows, a: wp.baseAddress! + group * OCg * g.rows, lda: g.rows,
                                 b: cp.baseAddress!, ldb: cols, c: pp.baseAddress!, ldc: cols)
                        }
                    }
                }
                // (OCg, n·P) → y[n, group·OCg + o, :] + bias
                product.withUnsafeBufferPointer { pp in
                    bias.value.data.withUnsafeBufferPointer { bp in
                        y.data.withUnsafeMutableBufferPointer { yp in
                            let (pb, bb, yb) = (pp.baseAddress!, bp.baseAddress!, yp.baseAddress!)
                            parallelFor(chunk.count) { i in
                                for o in 0..<OCg {
                                    let oc = group * OCg + o
                                    let dst = yb + ((chunk.lowerBound + i) * OC + oc) * P
                                    let src = pb + o * cols + i * P
                                    let b = bb[oc]
                                    for p in 0..<P { dst[p] = src[p] + b }
                                }
                            }
                        }
                    }
                }
            }
        }
        input = mode == .train ? x : nil
        return y
    }

    // MARK: backward — dOut (N, OC, OH, OW) → dInput (N, C, H, W); dWeight, dBias accumulate

    func backward(_ dOut: Tensor) -> Tensor {
        guard let x = input else { preconditionFailure("conv backward without a training forward") }
        let g = geometry(x)
        let (N, G, OC) = (x.shape[0], spec.groups, spec.outChannels)
        let OCg = OC / G, P = g.positions
        var dx = Tensor(zeros: needsInputGradient ? x.shape : [0])
        var gathered = [Float]()
        // dBias[o] += Σ_n Σ_p dOut[n, o, p]
        dOut.data.withUnsafeBufferPointer { dp in
            bias.grad.data.withUnsafeMutableBufferPointer { gp in
                let (db, gb) = (dp.baseAddress!, gp.baseAddress!)
                parallelRanges(OC) { range in
                    for o in range {
                        var s: Float = 0
                        for n in 0..<N {
                            let row = db + (n * OC + o) * P
                            for p in 0..<P { s += row[p] }
                        }
                        gb[o] += s
                    }
                }
            }
        }
        for chunk in chunks(N, g) {
            let cols = chunk.count * P
            if self.cols.count < g.rows * cols { self.cols = [Float](repeating: 0, count: g.rows * cols) }
            if gathered.count < OCg * cols { gathered = [Float](repeating: 0, count: OCg * cols) }
            for group in 0..<G {
                // dOut[n, group·OCg + o, :] → (OCg, n·P)
                dOut.data.withUnsafeBufferPointer { dp in
                    gathered.withUnsafeMutableBufferPointer { gp in
                        let (db, gb) = (dp.baseAddress!, gp.baseAddress!)
                        parallelFor(chunk.count) { i in
                            for o in 0..<OCg {
                                let dst = gb + o * cols + i * P, src = db + ((chunk.lowerBound + i) * OC + group * OCg + o) * P
                                for p in 0..<P { dst[p] = src[p] }
                            }
                        }
                    }
                }
                lower(x, chunk: chunk, group: group, g)
                // dWeight_g (OCg, rows) += dOut_g (OCg, n·P) · colsᵀ (n·P, rows)
                gathered.withUnsafeBufferPointer { gp in
                    self.cols.withUnsafeBufferPointer { cp in
                        weight.grad.data.withUnsafeMutableBufferPointer { wg in
                            parallelGemm(transB: true, m: OCg, n: g.rows, k: cols, a: gp.baseAddress!, lda: cols,
                                 b: cp.baseAddress!, ldb: cols, beta: 1, c: wg.baseAddress! + group * OCg * g.rows, ldc: g.rows)
                        }
                    }
                }
                guard needsInputGradient else { continue }
                // dCols (rows, n·P) = Wᵀ (rows, OCg) · dOut_g (OCg, n·P), then folded back into dInput.
                weight.value.data.withUnsafeBufferPointer { wp in
                    gathered.withUnsafeBufferPointer { gp in
                        self.cols.withUnsafeMutableBufferPointer { cp in
                            parallelGemm(transA: true, m: g.rows, n: cols, k: OCg, a: wp.baseAddress! + group * OCg * g.rows, lda: g.rows,
                                 b: gp.baseAddress!, ldb: cols, c: cp.baseAddress!, ldc: cols)
                        }
                    }
                }
                raise(into: &dx, chunk: chunk, group: group, g)
            }
        }
        return dx
    }
}
