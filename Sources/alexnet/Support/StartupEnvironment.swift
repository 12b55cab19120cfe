import Foundation

/// Settings that the C libraries read from the environment once, when the process starts, so the program
/// re-executes itself once with them set (a value the user already set is kept; `ALEXNET_NO_REEXEC=1`
/// turns this off):
/// - `OPENBLAS_CORETYPE=SkylakeX` on AVX-512 CPUs: Debian's OpenBLAS 0.3.21 takes them for "Prescott"
///   and runs 2–4× slower kernels.
/// - glibc's malloc keeps freed blocks instead of returning them to the kernel on every free: each layer's
///   fresh output buffer otherwise paid thousands of page faults per step (a quarter of a mini forward).
enum StartupEnvironment {
    static func wanted(cpuHasAVX512: Bool) -> [(String, String)] {
        var settings = [("MALLOC_MMAP_THRESHOLD_", "33554432"), ("MALLOC_TRIM_THRESHOLD_", "1073741824"),
                        ("MALLOC_TOP_PAD_", "67108864")]
        if cpuHasAVX512 { settings.append(("OPENBLAS_CORETYPE", "SkylakeX")) }
        return settings
    }

    static func reexecIfNeeded() {
        let env = ProcessInfo.processInfo.environment
        guard env["ALEXNET_NO_REEXEC"] == nil else { return }
        let missing = wanted(cpuHasAVX512: cpuHasAVX512()).filter { env[$0.0] == nil }
        guard !missing.isEmpty else { return }
        for (key, value) in missing { setenv(key, value, 1) }
        // Marks the child so that a failed exec can never loop.
        setenv("ALEXNET_NO_REEXEC", "1", 1)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // execv only returns on failure: carry on as we are.
        for (key, _) in missing { unsetenv(key) }
        unsetenv("ALEXNET_NO_REEXEC")
    }

    private static func cpuHasAVX512() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
        guard let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        return flags.split(separator: " ").contains("avx512f")
    }
}
