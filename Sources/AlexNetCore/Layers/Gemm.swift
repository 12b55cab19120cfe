import COpenBLAS

/// The one matrix multiply of the engine: C = alpha · op(A) · op(B) + beta · C, row-major, through
/// OpenBLAS's `cblas_sgemm`. op(A) is M×K, op(B) is K×N, C is M×N; lda/ldb/ldc are row strides.
@inline(__always)
func gemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
          alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
          beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// `gemm` with the N (output column) range split across the engine's workers, each piece a
/// single-threaded OpenBLAS call on disjoint columns of C: results are identical however it is split.
func parallelGemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                  alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                  beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
    let workers = ComputeThreads.current
    // Below ~64 columns per worker the split costs more than it saves.
    let pieces = max(1, min(workers, n / 64))
    if pieces == 1 {
        alexnet_flush_denormals()
        if workers > 1, k >= 8_192, m * n <= 1 << 16 {
            // Too few output columns to split but a long reduction (conv1's weight gradient sums over every
            // position of the batch): each worker reduces its half of K into its own buffer, and the halves are
            // added in a fixed order, so the result does not depend on scheduling.
            let halves = 2
            var partial = [Float](repeating: 0, count: halves * m * n)
            partial.withUnsafeMutableBufferPointer { pp in
                let pb = pp.baseAddress!
                parallelFor(halves) { h in
                    let lo = k * h / halves, hi = k * (h + 1) / halves
                    let aStart = transA ? a + lo * lda : a + lo
                    let bStart = transB ? b + lo : b + lo * ldb
                    gemm(transA: transA, transB: transB, m: m, n: n, k: hi - lo, alpha: alpha, a: aStart, lda: lda,
                         b: bStart, ldb: ldb, beta: 0, c: pb + h * m * n, ldc: n)
                }
                for i in 0..<m {
                    for j in 0..<n {
                        let sum = pb[i * n + j] + pb[m * n + i * n + j]
                        c[i * ldc + j] = beta == 0 ? sum : beta * c[i * ldc + j] + sum
                    }
                }
            }
            return
        }
        gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
             beta: beta, c: c, ldc: ldc)
        return
    }
    // Piece boundaries fall on multiples of 16 columns: OpenBLAS computes a block of columns with its wide
    // kernel and a leftover with an edge kernel that sums in another order, so a boundary inside a block
    // changed the last bits of those columns with the number of pieces (3 workers gave other weights than
    // 1 or 2; ThreadCountDeterminismTests). Aligned, every column sees the same kernel whatever the split.
    func boundary(_ p: Int) -> Int { p == pieces ? n : (n * p / pieces) / 16 * 16 }
    parallelFor(pieces) { p in
        let lo = boundary(p), hi = boundary(p + 1)
        guard lo < hi else { return }
        // Column j of op(B) starts at b + j (row-major, not transposed) or at b + j·ldb (transposed).
        let bStart = transB ? b + lo * ldb : b + lo
        gemm(transA: transA, transB: transB, m: m, n: hi - lo, k: k, alpha: alpha, a: a, lda: lda,
             b: bStart, ldb: ldb, beta: beta, c: c + lo, ldc: ldc)
    }
}

/// y = A·x + y for a row-major M×K matrix A, rows split across the workers: the batch-1 case of a fully
/// connected layer, where a matrix-vector product streams the weights once and GEMM's blocking only costs.
func parallelGemv(m: Int, k: Int, a: UnsafePointer<Float>, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
    let pieces = max(1, min(ComputeThreads.current, m / 256))
    parallelFor(pieces) { p in
        let lo = m * p / pieces, hi = m * (p + 1) / pieces
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(hi - lo), Int32(k), 1, a + lo * k, Int32(k), x, 1, 1, y + lo, 1)
    }
}
