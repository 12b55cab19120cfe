#if canImport(Glibc)
import Glibc
#endif

extension MemoryLimit {
    /// The machine's physical memory (`sysconf`), or the cgroup's limit when that is smaller (a container
    /// sees the host's RAM in sysconf but is killed at its own limit).
    public static var machine: MemoryLimit {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        var limit = MemoryLimit(bytes: CheckedSize.product(max(pages, 0), max(pageSize, 0)) ?? Int.max,
                                source: "the machine's memory")
        if let cgroup = cgroupLimit(), cgroup < limit.bytes || limit.bytes <= 0 {
            limit = MemoryLimit(bytes: cgroup, source: "the container's memory limit")
        }
        return limit
    }

    /// cgroup v2's `memory.max` (the word "max" means no limit).
    private static func cgroupLimit() -> Int? {
        guard let file = fopen("/sys/fs/cgroup/memory.max", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.trimmingWhitespace())
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
