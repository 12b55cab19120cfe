import Foundation
import Synchronization
import COpenBLAS

/// How many cores the engine's maths uses. OpenBLAS itself is kept single-threaded: its own worker threads
/// spin after each call and starved the engine's parallel loops on this 2-core machine (training ran 25%
/// slower), so the engine splits every GEMM by output columns and runs the pieces on its own workers.
public enum ComputeThreads {
    /// The process-wide worker count, like OpenBLAS's own thread setting; atomic so it is safe to read
    /// from any thread.
    private static let workers = Atomic<Int>(ProcessInfo.processInfo.activeProcessorCount)

    public static func set(_ n: Int) {
        openblas_set_num_threads(1)
        workers.store(max(1, n), ordering: .relaxed)
    }

    /// OpenBLAS goes single-threaded before the first GEMM, whether or not `set` was called.
    private static let singleThreadedBLAS: Void = openblas_set_num_threads(1)

    public static var current: Int {
        _ = singleThreadedBLAS
        return workers.load(ordering: .relaxed)
    }

    /// The kernel family OpenBLAS picked, e.g. "SkylakeX" or "Prescott" (`OPENBLAS_CORETYPE`: see
    /// `StartupEnvironment` in the executable).
    public static var coreName: String { String(cString: openblas_get_corename()) }
}
