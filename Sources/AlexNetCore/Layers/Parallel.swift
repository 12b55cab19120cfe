import COpenBLAS
import Dispatch

/// Runs `body(i)` for i in 0..<count on the machine's cores. Each index must write only its own
/// slice of memory, which keeps results bit-identical whatever the scheduling.
@inline(__always)
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    alexnet_flush_denormals()
    if count <= 1 || ComputeThreads.current == 1 {
        for i in 0..<count { body(i) }
        return
    }
    // The body writes disjoint memory through pointers that Swift cannot prove Sendable; the
    // concurrentPerform call does not outlive this function.
    withoutActuallyEscaping(body) { escapable in
        let box = UncheckedSendable(escapable)
        DispatchQueue.concurrentPerform(iterations: count) {
            alexnet_flush_denormals()  // per thread: MXCSR is thread state
            box.value($0)
        }
    }
}

struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Splits 0..<count into about `2 × cores` contiguous ranges, for loops whose items are too small to
/// dispatch one by one.
@inline(__always)
func parallelRanges(_ count: Int, minimumPerRange: Int = 1, _ body: (Range<Int>) -> Void) {
    let pieces = max(1, min(ComputeThreads.current * 2, count / max(1, minimumPerRange)))
    parallelFor(pieces) { p in
        let lo = count * p / pieces, hi = count * (p + 1) / pieces
        if lo < hi { body(lo..<hi) }
    }
}
