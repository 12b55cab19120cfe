#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's peak resident memory so far (getrusage's ru_maxrss), in MB of 2^20 bytes: what `bench`
/// reports as `peak_rss_mb`, measured the same way as `scripts/bench_peer.py` measures the PyTorch peer.
enum PeakMemory {
    static var megabytes: Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if canImport(Darwin)
        return Double(usage.ru_maxrss) / 1_048_576   // bytes on macOS
        #else
        return Double(usage.ru_maxrss) / 1024        // KiB on Linux
        #endif
    }
}
