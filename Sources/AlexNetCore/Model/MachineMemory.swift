#if canImport(Glibc)
import Glibc
#endif

extension MemoryLimit {
    /// The smallest of what the process may really use: the machine's physical memory (`sysconf`), the cgroup's
    /// limit (a container sees the host's RAM in sysconf but is killed at its own limit; v2 `memory.max`, v1
    /// `memory.limit_in_bytes`) and the address-space limit (`ulimit -v`, RLIMIT_AS) less what is mapped already
    /// and what each thread will reserve. Under `ulimit -v 2G` a 3.9 GiB training run was not refused: OpenBLAS
    /// then spun in its allocator for minutes, and under 1 GiB the run aborted with a backtrace.
    public static var machine: MemoryLimit {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        var limit = MemoryLimit(bytes: CheckedSize.product(max(pages, 0), max(pageSize, 0)) ?? Int.max,
                                source: "the machine's memory")
        if let cgroup = cgroupLimit(), cgroup < limit.bytes || limit.bytes <= 0 {
            limit = MemoryLimit(bytes: cgroup, source: "the container's memory limit")
        }
        if let space = addressSpaceLeft(), space < limit.bytes {
            limit = MemoryLimit(bytes: space, source: "the address-space limit (ulimit -v) left to this process")
        }
        return limit
    }

    /// Address space a thread reserves beyond its data: its stack (8 MiB) and a glibc malloc arena (64 MiB).
    static let reservePerThread = 72 << 20

    /// RLIMIT_AS less the process's mapped size now (/proc/self/statm) and the threads' reserves; nil without a limit.
    static func addressSpaceLeft() -> Int? {
        var rl = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &rl) == 0, rl.rlim_cur < UInt64(Int.max) else { return nil }
        let mapped = firstNumber(in: "/proc/self/statm").map { $0 * sysconf(Int32(_SC_PAGESIZE)) } ?? 0
        let threads = max(ComputeThreads.current, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) + 2
        return max(0, Int(rl.rlim_cur) - mapped - threads * reservePerThread)
    }

    /// cgroup v2's `memory.max` (the word "max" means no limit), else v1's `memory.limit_in_bytes` (a huge number
    /// means none).
    private static func cgroupLimit() -> Int? {
        if let v2 = firstNumber(in: "/sys/fs/cgroup/memory.max") { return v2 }
        if let v1 = firstNumber(in: "/sys/fs/cgroup/memory/memory.limit_in_bytes"), v1 < 1 << 60 { return v1 }
        return nil
    }

    /// The first whitespace-separated word of a small system file, as a number.
    private static func firstNumber(in path: String) -> Int? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.trimmingWhitespace().split(separator: " ").first.flatMap { Int($0) }
    }

    /// Parses a size such as `2GiB`, `512MiB`, `1.5G`, `800MB` or `1073741824` (bytes). K, M, G and T
    /// alone and with `iB` are powers of 1024; with `B` (`MB`, `GB`) powers of 1000. Nil when the text
    /// is not a size or the size does not fit in 64 bits.
    public static func bytes(parsing text: String) -> Int? {
        let t = text.trimmingWhitespace()
        let number = t.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = t.dropFirst(number.count).trimmingWhitespace().lowercased()
        guard !number.isEmpty, let value = Double(number), value.isFinite else { return nil }
        let powers: [String: Double] = [
            "": 1, "b": 1,
            "k": 0x1p10, "kib": 0x1p10, "kb": 1e3,
            "m": 0x1p20, "mib": 0x1p20, "mb": 1e6,
            "g": 0x1p30, "gib": 0x1p30, "gb": 1e9,
            "t": 0x1p40, "tib": 0x1p40, "tb": 1e12,
        ]
        guard let scale = powers[unit] else { return nil }
        // Whole bytes are read exactly: 9223372036854775807B is Int.max, which a Double rounds up past 64 bits.
        if scale == 1, number.allSatisfy(\.isNumber) { return Int(number) }
        let bytes = (value * scale).rounded()
        guard bytes >= 0, bytes < 0x1p63 else { return nil }
        return Int(bytes)
    }
}

private extension StringProtocol {
    /// The text without leading and trailing blanks and line ends.
    func trimmingWhitespace() -> String {
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: Array(unicodeScalars).drop(while: blank).reversed().drop(while: blank).reversed())
        return String(scalars)
    }
}
