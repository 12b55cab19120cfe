import CKernels
import Synchronization

/// Convolution with stride, padding and channel groups, lowered to GEMM.
///
/// x (N, C, H, W), weight (OC, C/G, K, K), bias (OC) → y (N, OC, OH, OW),
///   y[n, o, i, j] = bias[o] + Σ_{c in o's group, kh, kw} weight[o, c, kh, kw] · x[n, c, i·S − P + kh, j·S − P + kw]
/// For each group, a chunk of images is lowered by `im2col` into one (Cg·K·K) × (n·OH·OW) matrix and
/// multiplied by the group's (OC/G) × (Cg·K·K) weights; the product goes to NCHW with the bias added (and
/// ReLU applied, when the network fuses the next layer in). Chunks are small enough for the lowered matrix
/// to stay in the core's cache between the lowering and the GEMM that reads it (`imagesPerChunk`);
/// backward lowers each chunk again rather than keeping the columns of the whole batch.
///
/// Backward: dBias = Σ dOut; dWeight_g += dOut_g (OCg, n·P) · colsᵀ. For stride 1 the input gradient is
/// itself a convolution — of dOut, padded by K − 1 − P, with the weights flipped and their channel axes
/// swapped:
///   dx[n, c, h, w] = Σ_{o, kh', kw'} weight[o, c, K−1−kh', K−1−kw'] · dOut[n, o, h − (K−1−P) + kh', w − (K−1−P) + kw']
/// so it is one more lowering and a GEMM whose output is dx itself. Other strides multiply Wᵀ · dOut into
/// columns and fold them back with `col2im`.
final class Conv2D: Layer {
    let spec: ConvSpec
    let weight: Parameter
    let bias: Parameter
    let inChannels: Int
    /// False for the first layer: nobody needs the gradient with respect to the image.
    var needsInputGradient = true
    /// Set by the network before a forward when the next layer is a ReLU it may fold in here: y is then
    /// max(0, conv), and backward masks dOut by y > 0 (the ReLU layer passes both directions through).
    var fusesReLU = false
    private(set) var input: Tensor?
    /// y of the last training forward, when it fused the ReLU (its mask).
    private var output: Tensor?
    private var forwardFusedReLU = false
    private let workspace: ConvWorkspace
    /// The chunk size of this layer, in floats of lowered input (tests shrink it to check that chunking
    /// changes nothing but rounding).
    var chunkFloats = Conv2D.chunkFloats
    var minimumChunkColumns = Conv2D.minimumChunkColumns
    /// False forces the `col2im` input gradient even where the transposed convolution would be used
    /// (tests compare the two).
    var inputGradientByConvolution = true
    /// False sends a one-channel first layer through the lowering too (tests compare the two routes).
    var allowsDirectRoute = true

    /// A chunk's lowered matrix is aimed at this many floats (1 MB, a core's L2 cache): written by the lowering
    /// and read by the GEMM while still in cache. Measured on mini at batch 64: 13% less CPU time per step
    /// than lowering the whole batch at once (and keeping it for backward).
    static let chunkFloats = 1 << 18
    /// ... unless that leaves a GEMM fewer output columns than this (AlexNet's 13×13 layers: one image is
    /// 169 columns), where the GEMM's own efficiency matters more than the cache.
    static let minimumChunkColumns = 512
    /// And never more than this many floats (64 MB).
    static let maximumChunkFloats = 16 << 20

    init(spec: ConvSpec, inChannels: Int, weightName: String, biasName: String, workspace: ConvWorkspace = ConvWorkspace()) {
        self.spec = spec; self.inChannels = inChannels; self.workspace = workspace
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

    /// The lowering of dOut whose GEMM gives dx (stride 1 and P ≤ K − 1 only; nil otherwise). Its GEMM has
    /// only C/G rows: where that is fewer than OC/G, col2im's wide GEMM and fold were faster (measured per
    /// layer: mini's conv2, 16 → 32 per group, 5.0 vs 5.45 ms a step; AlexNet's conv2 140 vs 166 ms), and
    /// where it is not, the transposed convolution was (mini's conv3 3.4 vs 3.8 ms, conv4/5 2.2 vs 2.55 ms).
    static func inputGradientByConvolution(_ spec: ConvSpec, inChannels: Int) -> Bool {
        spec.stride == 1 && spec.padding <= spec.kernel - 1 && inChannels / spec.groups >= spec.outChannels / spec.groups
    }

    private func transposedGeometry(_ g: ConvGeometry) -> ConvGeometry? {
        guard inputGradientByConvolution, Self.inputGradientByConvolution(spec, inChannels: inChannels) else { return nil }
        return ConvGeometry(channels: spec.outChannels / spec.groups, height: g.outHeight, width: g.outWidth,
                            kernel: g.kernel, stride: 1, padding: g.kernel - 1 - g.padding,
                            outHeight: g.height, outWidth: g.width)
    }

    /// Images per chunk: every lowered matrix of the chunk near `chunkFloats`, at least
    /// `minimumChunkColumns` GEMM columns, at most `maximumChunkFloats`. Independent of the thread count,
    /// so results are too.
    private func imagesPerChunk(_ g: ConvGeometry) -> Int {
        Self.imagesPerChunk(floatsPerImage: loweredPerImage(g), positions: g.positions, chunkFloats: chunkFloats,
                            minimumColumns: minimumChunkColumns)
    }

    /// The largest lowering of one image, forward or (for the input gradient) backward.
    private func loweredPerImage(_ g: ConvGeometry) -> Int {
        var perImage = g.rows * g.positions
        if needsInputGradient, let t = transposedGeometry(g) { perImage = max(perImage, t.rows * t.positions) }
        return perImage
    }

    /// The chunk rule, shared with `MemoryEstimate`. A layer whose image alone fills a quarter of
    /// `chunkFloats` (AlexNet's) cannot keep a useful chunk in cache anyway: its chunks are sized for the
    /// GEMM instead, 4 × `minimumColumns` output columns (one image of AlexNet's conv2 is 729 columns, which
    /// two workers split into GEMMs too narrow to run at speed).
    static func imagesPerChunk(floatsPerImage: Int, positions: Int, chunkFloats: Int = Conv2D.chunkFloats,
                               minimumColumns: Int = Conv2D.minimumChunkColumns) -> Int {
        let perImage = max(1, floatsPerImage), positions = max(1, positions)
        let fits = chunkFloats / perImage
        let columns = 4 * perImage > chunkFloats ? 4 * minimumColumns : minimumColumns
        let wide = (columns + positions - 1) / positions
        return max(1, min(max(fits, wide), maximumChunkFloats / perImage))
    }

    /// The chunks of a batch of n: at most `per` images each and as even as can be. A small layer's batch is cut
    /// into at least `minimumChunks` (when it has that many images): its chunks run on separate workers, and
    /// three chunks on two workers, say, left one idle a third of the time. Depends on n and the layer only,
    /// not on the thread count, so the gradients' chunk-ordered sums do not either.
    private func chunks(_ n: Int, per: Int, _ g: ConvGeometry) -> [Range<Int>] {
        var count = (n + per - 1) / max(1, per)
        if 4 * loweredPerImage(g) <= Self.chunkFloats { count = max(count, min(n, Self.minimumChunks)) }
        return (0..<count).map { c in (n * c / count)..<(n * (c + 1) / count) }
    }

    /// See `chunks`.
    static let minimumChunks = 8

    /// How many chunks run at once. Small layers (each chunk's lowering within twice `chunkFloats`, as all
    /// of mini's) run whole chunks on separate workers, each with its own scratch: one barrier per layer
    /// instead of several per chunk, and each core keeps its own chunk in its own cache. Otherwise (batch 1,
    /// AlexNet's large layers) one chunk at a time, every step of it split across the workers.
    private func slots(chunks: Int, chunkLowering: Int) -> Int {
        let workers = ComputeThreads.current
        guard workers > 1, chunks >= 2, chunkLowering <= 2 * Self.chunkFloats else { return 1 }
        return min(workers, chunks)
    }

    /// Runs `body(chunk index, slot)` for every chunk: in order on the caller when `slots` is 1, else
    /// `slots` workers take chunks as they finish (each result goes to memory of its own chunk or slot).
    private func forEachChunk(_ count: Int, slots: Int, _ body: (Int, Int) -> Void) {
        if slots == 1 {
            for c in 0..<count { body(c, 0) }
            return
        }
        let next = ChunkCounter()
        parallelFor(slots) { slot in
            while true {
                let c = next.value.add(1, ordering: .relaxed).oldValue
                if c >= count { break }
                body(c, slot)
            }
        }
    }

    /// Tasks that split a lowering: one per image, or, when there are fewer images than workers
    /// (batch 1), each image's channels in slices; every task writes its own rows and columns.
    private func tasks(images: Int, channels: Int, parallel: Bool) -> [(image: Int, channels: Range<Int>)] {
        let slices = !parallel || images >= ComputeThreads.current ? 1 : min(channels, 2 * ComputeThreads.current)
        return (0..<images).flatMap { i in
            (0..<slices).map { s in (i, (channels * s / slices)..<(channels * (s + 1) / slices)) }
        }
    }

    /// `body(i)` for i in 0..<count, across the workers or on this thread.
    private func each(_ count: Int, parallel: Bool, _ body: (Int) -> Void) {
        if parallel { parallelFor(count, body) } else { for i in 0..<count { body(i) } }
    }

    /// im2col of `images` images (the first at `source`, each `imageStride` floats apart) into
    /// cols (Cg·K·K, images·P).
    private func lower(_ source: UnsafePointer<Float>, imageStride: Int, images: Int, _ g: ConvGeometry,
                       into cols: UnsafeMutablePointer<Float>, parallel: Bool) {
        let ldc = images * g.positions, plane = g.height * g.width, kk = g.kernel * g.kernel
        if !parallel {
            ck_im2col_images(source, imageStride, Int32(images), Int32(g.channels), Int32(g.height), Int32(g.width),
                             Int32(g.kernel), Int32(g.stride), Int32(g.padding), Int32(g.outHeight), Int32(g.outWidth), cols, ldc)
            return
        }
        let work = tasks(images: images, channels: g.channels, parallel: parallel)
        each(work.count, parallel: parallel) { t in
            let (i, cs) = work[t]
            ck_im2col(source + i * imageStride + cs.lowerBound * plane, Int32(cs.count), Int32(g.height), Int32(g.width),
                      Int32(g.kernel), Int32(g.stride), Int32(g.padding), Int32(g.outHeight), Int32(g.outWidth),
                      cols + cs.lowerBound * kk * ldc + i * g.positions, ldc)
        }
    }

    /// col2im of cols (Cg·K·K, images·P) into the images' input gradients, split like `lower`. Each task first
    /// zeroes the planes it folds into (in parallel and just before use, rather than a serial zero-fill of dx).
    private func raise(_ cols: UnsafePointer<Float>, images: Int, _ g: ConvGeometry,
                       into dx: UnsafeMutablePointer<Float>, imageStride: Int, parallel: Bool) {
        let ldc = images * g.positions, plane = g.height * g.width, kk = g.kernel * g.kernel
        let work = tasks(images: images, channels: g.channels, parallel: parallel)
        each(work.count, parallel: parallel) { t in
            let (i, cs) = work[t]
            (dx + i * imageStride + cs.lowerBound * plane).update(repeating: 0, count: cs.count * plane)
            ck_col2im(cols + cs.lowerBound * kk * ldc + i * g.positions, Int32(cs.count), Int32(g.height), Int32(g.width),
                      Int32(g.kernel), Int32(g.stride), Int32(g.padding), Int32(g.outHeight), Int32(g.outWidth), ldc,
                      dx + i * imageStride + cs.lowerBound * plane)
        }
    }

    /// matrix (rows, images·P) → dst[i·imageStride + r·P + p] (+ bias[r], ReLU): the GEMM layout to NCHW.
    private func scatter(_ matrix: UnsafePointer<Float>, rows: Int, images: Int, positions P: Int,
                         into dst: UnsafeMutablePointer<Float>, imageStride: Int, bias: UnsafePointer<Float>?, relu: Bool,
                         parallel: Bool) {
        each(images, parallel: parallel) { i in
            ck_rows_bias_relu(matrix + i * P, images * P, dst + i * imageStride, P, bias, Int32(rows), P, relu ? 1 : 0)
        }
    }

    /// src[i·imageStride + r·P + p] → matrix (rows, images·P): NCHW to the GEMM layout.
    private func gather(_ src: UnsafePointer<Float>, imageStride: Int, rows: Int, images: Int, positions P: Int,
                        into matrix: UnsafeMutablePointer<Float>, parallel: Bool) {
        each(images, parallel: parallel) { i in
            ck_rows_bias_relu(src + i * imageStride, P, matrix + i * P, images * P, nil, Int32(rows), P, 0)
        }
    }

    /// The engine's GEMM, split across the workers or on this thread.
    private func multiply(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int, parallel: Bool) {
        if parallel {
            parallelGemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
        } else {
            gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
        }
    }

    // MARK: forward — x (N, C, H, W) → y (N, OC, OH, OW)

    func forward(_ x: Tensor, mode: Mode) -> Tensor {
        precondition(x.shape.count == 4 && x.shape[1] == inChannels, "conv expects (N, \(inChannels), H, W), got \(x.shape)")
        let g = geometry(x)
        if takesDirectRoute(g) { return forwardDirect(x, g, mode: mode) }
        let (N, G, OC) = (x.shape[0], spec.groups, spec.outChannels)
        let OCg = OC / G, P = g.positions, plane = g.height * g.width
        let per = imagesPerChunk(g)
        let chunkList = chunks(N, per: per, g)
        let chunkImages = chunkList.map(\.count).max() ?? 0
        let slots = slots(chunks: chunkList.count, chunkLowering: g.rows * chunkImages * P)
        let parallel = slots == 1
        let colsSize = g.rows * chunkImages * P, productSize = OCg * chunkImages * P
        let colsBase = workspace.cols.reserve(slots * colsSize)
        let productBase = workspace.product.reserve(slots * productSize)
        let relu = fusesReLU
        let y = withForwardBuffers(x, outShape: [N, OC, g.outHeight, g.outWidth]) { xb, wb, bb, yb in
            forEachChunk(chunkList.count, slots: slots) { c, slot in
                let chunk = chunkList[c]
                let n = chunk.count, cols = n * P
                let (colsPtr, product) = (colsBase + slot * colsSize, productBase + slot * productSize)
                for group in 0..<G {
                    lower(xb + chunk.lowerBound * inChannels * plane + group * g.channels * plane,
                          imageStride: inChannels * plane, images: n, g, into: colsPtr, parallel: parallel)
                    multiply(m: OCg, n: cols, k: g.rows, a: wb + group * OCg * g.rows, lda: g.rows,
                             b: colsPtr, ldb: cols, c: product, ldc: cols, parallel: parallel)
                    scatter(product, rows: OCg, images: n, positions: P,
                            into: yb + (chunk.lowerBound * OC + group * OCg) * P, imageStride: OC * P,
                            bias: bb + group * OCg, relu: relu, parallel: parallel)
                }
            }
        }
        keepForBackward(x, y, mode: mode, relu: relu)
        return y
    }

    /// A new output of `outShape`, every element of which `body` writes, given x, the weights, the biases and
    /// the output as pointers: the forward routes' common frame.
    fileprivate func withForwardBuffers(_ x: Tensor, outShape: [Int],
                                        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>,
                                                 UnsafeMutablePointer<Float>) -> Void) -> Tensor {
        var y = Tensor(uninitialized: outShape)
        x.data.withUnsafeBufferPointer { xp in
            weight.value.data.withUnsafeBufferPointer { wp in
                bias.value.data.withUnsafeBufferPointer { bp in
                    y.data.withUnsafeMutableBufferPointer { yp in
                        body(xp.baseAddress!, wp.baseAddress!, bp.baseAddress!, yp.baseAddress!)
                    }
                }
            }
        }
        return y
    }

    /// What backward needs of a forward: x, and y when the ReLU was fused (its mask).
    fileprivate func keepForBackward(_ x: Tensor, _ y: Tensor, mode: Mode, relu: Bool) {
        input = mode == .train ? x : nil
        forwardFusedReLU = relu
        output = mode == .train && relu ? y : nil
    }

    /// Adds one chunk's gradients, laid out as the weight gradient followed by the bias gradient, to the
    /// parameters'.
    fileprivate func addGradients(_ partial: UnsafePointer<Float>) {
        let weightCount = weight.value.count
        weight.grad.data.withUnsafeMutableBufferPointer { wg in
            for i in 0..<weightCount { wg[i] += partial[i] }
        }
        bias.grad.data.withUnsafeMutableBufferPointer { bg in
            for o in 0..<bg.count { bg[o] += partial[weightCount + o] }
        }
    }

    // MARK: backward — dOut (N, OC, OH, OW) → dInput (N, C, H, W); dWeight, dBias accumulate

    func backward(_ dOut: Tensor) -> Tensor {
        guard let x = input else { preconditionFailure("conv backward without a training forward") }
        precondition(!forwardFusedReLU || output != nil, "a fused ReLU keeps its output")
        let g = geometry(x)
        if takesDirectRoute(g) {
            backwardDirect(dOut, x, g)
            return Tensor(zeros: [0])
        }
        let (N, G, OC) = (x.shape[0], spec.groups, spec.outChannels)
        let OCg = OC / G, P = g.positions, plane = g.height * g.width, kk = g.kernel * g.kernel
        let transposed = needsInputGradient ? transposedGeometry(g) : nil
        let per = imagesPerChunk(g)
        let chunkList = chunks(N, per: per, g)
        let chunkImages = chunkList.map(\.count).max() ?? 0
        var colsSize = g.rows * chunkImages * P
        if let t = transposed { colsSize = max(colsSize, t.rows * chunkImages * t.positions) }
        let productSize = max(OCg * chunkImages * P, g.channels * chunkImages * plane)
        let maskedSize = forwardFusedReLU ? chunkImages * OCg * P : 0
        let weightCount = weight.value.count
        // Each chunk's dWeight and dBias go to their own slots and are added in chunk order, whichever
        // worker made them: the sums do not depend on the thread count. With one slot, only one is kept.
        var slots = slots(chunks: chunkList.count, chunkLowering: colsSize)
        if slots > 1, chunkList.count * (weightCount + OC) > 4 * Self.chunkFloats { slots = 1 }
        let parallel = slots == 1
        let kept = slots == 1 ? 1 : chunkList.count
        let colsBase = workspace.cols.reserve(slots * colsSize)
        let productBase = workspace.product.reserve(slots * productSize)
        let maskedBase = workspace.masked.reserve(max(1, slots * maskedSize))
        let partials = workspace.partials.reserve(kept * (weightCount + OC))
        // Every element written below: by the transposed convolution's scatter, or zeroed and folded by `raise`.
        var dx = needsInputGradient ? Tensor(uninitialized: x.shape) : Tensor(zeros: [0])
        // flipped_g (Cg, OCg·K·K): flipped[c, (o, kh', kw')] = weight[g·OCg + o, c, K−1−kh', K−1−kw']
        let flipped: UnsafePointer<Float>? = transposed.map { transposed in
            let flipped = workspace.flipped.reserve(weightCount)
            let Cg = g.channels
            weight.value.data.withUnsafeBufferPointer { wp in
                let wb = wp.baseAddress!
                for group in 0..<G {
                    for c in 0..<Cg {
                        let row = flipped + (group * Cg + c) * transposed.rows
                        for o in 0..<OCg {
                            let src = wb + ((group * OCg + o) * Cg + c) * kk
                            for t in 0..<kk { row[o * kk + t] = src[kk - 1 - t] }
                        }
                    }
                }
            }
            return UnsafePointer(flipped)
        }
        let yTensor = output ?? Tensor(zeros: [0])
        let fused = forwardFusedReLU
        dOut.data.withUnsafeBufferPointer { dop in
          yTensor.data.withUnsafeBufferPointer { yp in
            x.data.withUnsafeBufferPointer { xp in
                weight.value.data.withUnsafeBufferPointer { wp in
                    dx.data.withUnsafeMutableBufferPointer { dxp in
                        let (db, xb, wb) = (dop.baseAddress!, xp.baseAddress!, wp.baseAddress!)
                        let (yb, dxb) = (yp.baseAddress, dxp.baseAddress)
                        forEachChunk(chunkList.count, slots: slots) { c, slot in
                            let chunk = chunkList[c]
                            let n = chunk.count, cols = n * P
                            let (colsPtr, product) = (colsBase + slot * colsSize, productBase + slot * productSize)
                            let partial = partials + (slots == 1 ? 0 : c) * (weightCount + OC)
                            for group in 0..<G {
                                var dOutGroup = db + (chunk.lowerBound * OC + group * OCg) * P
                                var dOutStride = OC * P
                                if fused, let yb {
                                    // Zero where the fused ReLU clamped the output (y ≤ 0).
                                    let masked = maskedBase + slot * maskedSize
                                    let (src, mask) = (dOutGroup, yb + (chunk.lowerBound * OC + group * OCg) * P)
                                    each(n, parallel: parallel) { i in
                                        ck_relu_mask(mask + i * OC * P, src + i * OC * P, masked + i * OCg * P, OCg * P)
                                    }
                                    dOutGroup = UnsafePointer(masked)
                                    dOutStride = OCg * P
                                }
                                // dOut[n, group·OCg + o, :] → (OCg, n·P)
                                gather(dOutGroup, imageStride: dOutStride, rows: OCg, images: n, positions: P, into: product,
                                       parallel: parallel)
                                // this chunk's dBias[o] = Σ over its images and positions of dOut[n, o, :]
                                ck_row_sums(product, cols, Int32(OCg), cols, partial + weightCount + group * OCg)
                                lower(xb + chunk.lowerBound * inChannels * plane + group * g.channels * plane,
                                      imageStride: inChannels * plane, images: n, g, into: colsPtr, parallel: parallel)
                                // this chunk's dWeight_g (OCg, rows) = dOut_g (OCg, n·P) · colsᵀ (n·P, rows)
                                multiply(transB: true, m: OCg, n: g.rows, k: cols, a: product, lda: cols,
                                         b: colsPtr, ldb: cols, c: partial + group * OCg * g.rows, ldc: g.rows, parallel: parallel)
                                guard needsInputGradient, let dxb else { continue }
                                let dxGroup = dxb + chunk.lowerBound * inChannels * plane + group * g.channels * plane
                                if let t = transposed, let flipped {
                                    // dx_g (Cg, n·H·W) = flipped_g (Cg, OCg·K·K) · lowered dOut_g (OCg·K·K, n·H·W)
                                    lower(dOutGroup, imageStride: dOutStride, images: n, t, into: colsPtr, parallel: parallel)
                                    multiply(m: g.channels, n: n * plane, k: t.rows, a: flipped + group * g.channels * t.rows,
                                             lda: t.rows, b: colsPtr, ldb: n * plane, c: product, ldc: n * plane, parallel: parallel)
                                    scatter(product, rows: g.channels, images: n, positions: plane, into: dxGroup,
                                            imageStride: inChannels * plane, bias: nil, relu: false, parallel: parallel)
                                } else {
                                    // dCols (rows, n·P) = Wᵀ (rows, OCg) · dOut_g (OCg, n·P), folded back into dInput.
                                    multiply(transA: true, m: g.rows, n: cols, k: OCg, a: wb + group * OCg * g.rows, lda: g.rows,
                                             b: product, ldb: cols, c: colsPtr, ldc: cols, parallel: parallel)
                                    raise(colsPtr, images: n, g, into: dxGroup, imageStride: inChannels * plane, parallel: parallel)
                                }
                            }
                            if slots == 1 { addGradients(partial) }
                        }
                        if slots > 1 {
                            for c in 0..<chunkList.count { addGradients(partials + c * (weightCount + OC)) }
                        }
                    }
                }
            }
          }
        }
        return dx
    }
}

// MARK: the direct route — a one-channel first layer (mini's and Figure 1's conv1)

extension Conv2D {
    /// Images per weight-gradient partial on the direct route: fixed, so the partials' sum (in order) does not
    /// depend on the thread count.
    static let directChunkImages = 8

    /// One input channel at stride 1 in the first layer (no input gradient), a shape `ck_direct1_forward` takes:
    /// measured on mini's conv1 (32 filters of 5×5 on 27×27), ≈ 3× faster than lowering it into a GEMM whose K
    /// is 25, forward and weight gradient alike.
    func takesDirectRoute(_ g: ConvGeometry) -> Bool {
        allowsDirectRoute && inChannels == 1 && spec.groups == 1 && spec.stride == 1 && !needsInputGradient
            && ck_direct1_supported(Int32(g.height), Int32(g.width), Int32(g.kernel), Int32(g.padding),
                                    Int32(g.outHeight), Int32(g.outWidth)) != 0
    }

    fileprivate func forwardDirect(_ x: Tensor, _ g: ConvGeometry, mode: Mode) -> Tensor {
        let (N, OC, plane, P) = (x.shape[0], spec.outChannels, g.height * g.width, g.positions)
        let relu = fusesReLU
        let y = withForwardBuffers(x, outShape: [N, OC, g.outHeight, g.outWidth]) { xb, wb, bb, yb in
            parallelRanges(N) { images in
                for i in images {
                    ck_direct1_forward(xb + i * plane, Int32(g.height), Int32(g.width), Int32(g.kernel),
                                       Int32(g.padding), Int32(g.outHeight), Int32(g.outWidth), wb, bb,
                                       Int32(OC), relu ? 1 : 0, yb + i * OC * P)
                }
            }
        }
        keepForBackward(x, y, mode: mode, relu: relu)
        return y
    }

    fileprivate func backwardDirect(_ dOut: Tensor, _ x: Tensor, _ g: ConvGeometry) {
        let (N, OC, plane, P) = (x.shape[0], spec.outChannels, g.height * g.width, g.positions)
        let weightCount = weight.value.count, each = weightCount + OC
        let chunks = (N + Self.directChunkImages - 1) / Self.directChunkImages
        let partials = workspace.partials.reserve(chunks * each)
        partials.initialize(repeating: 0, count: chunks * each)
        let mask = output  // set only when the forward fused the ReLU
        dOut.data.withUnsafeBufferPointer { dp in
            x.data.withUnsafeBufferPointer { xp in
                (mask ?? Tensor(zeros: [0])).data.withUnsafeBufferPointer { yp in
                    let (db, xb) = (dp.baseAddress!, xp.baseAddress!)
                    let yb = mask == nil ? nil : yp.baseAddress
                    parallelFor(chunks) { c in
                        let partial = partials + c * each
                        for i in (c * Self.directChunkImages)..<min(N, (c + 1) * Self.directChunkImages) {
                            ck_direct1_weight_grad(xb + i * plane, db + i * OC * P, yb.map { $0 + i * OC * P },
                                                   Int32(g.height), Int32(g.width), Int32(g.kernel), Int32(g.padding),
                                                   Int32(g.outHeight), Int32(g.outWidth), Int32(OC), partial, partial + weightCount)
                        }
                    }
                }
            }
        }
        for c in 0..<chunks { addGradients(partials + c * each) }
    }
}

/// The next chunk to take, shared by the workers of one `forEachChunk`.
private final class ChunkCounter: Sendable {
    let value = Atomic<Int>(0)
}
