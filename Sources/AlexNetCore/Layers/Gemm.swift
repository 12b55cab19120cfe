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

/// How many threads OpenBLAS uses; the engine's own loops split work the same way.
public enum ComputeThreads {
    public static func set(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }
    public static var current: Int { Int(openblas_get_num_threads()) }
    /// The kernel family OpenBLAS picked, e.g. "SkylakeX" or "Prescott" (see NOTES on OPENBLAS_CORETYPE).
    public static var coreName: String { String(cString: openblas_get_corename()) }
}
