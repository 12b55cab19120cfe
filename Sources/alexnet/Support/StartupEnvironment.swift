import Foundation

/// Settings the C libraries would read from the environment (a value the user already set is kept):
/// - glibc's malloc keeps freed blocks instead of returning them to the kernel on every free: each layer's
///   fresh output buffer otherwise paid thousands of page faults per step (a quarter of a mini forward).
///   These are set with `mallopt`, which takes the same values as the `MALLOC_*_` variables at any time.
/// - `OPENBLAS_CORETYPE=SkylakeX` on AVX-512 CPUs: Debian's OpenBLAS 0.3.21 takes them for "Prescott"
///   and runs 2–4× slower kernels. OpenBLAS reads it only when it loads, so for this one the program
///   re-executes itself once (`ALEXNET_NO_REEXEC=1` turns this off). Only this one: a second process
///   start was ~15 ms of the explorer's first frame.
enum StartupEnvironment {
    /// The `mallopt` parameters (malloc.h's M_MMAP_THRESHOLD −3, M_TRIM_THRESHOLD −1, M_TOP_PAD −2), each
    /// with the variable that would set it, and the value.
    static let mallocSettings: [(variable: String, parameter: Int32, value: Int32)] = [
        ("MALLOC_MMAP_THRESHOLD_", -3, 33_554_432), ("MALLOC_TRIM_THRESHOLD_", -1, 1_073_741_824),
        ("MALLOC_TOP_PAD_", -2, 67_108_864),
    ]

    /// glibc's `mallopt`, looked up at run time: Swift's Glibc module does not import malloc.h.
    private static func setMallocOptions(_ env: [String: String]) {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        for s in mallocSettings where env[s.variable] == nil { _ = mallopt(s.parameter, s.value) }
    }

    static func wanted(cpuHasAVX512: Bool) -> [(String, String)] {
        cpuHasAVX512 ? [("OPENBLAS_CORETYPE", "SkylakeX")] : []
    }

    static func reexecIfNeeded() {
        let env = ProcessInfo.processInfo.environment
        setMallocOptions(env)
        guard env["ALEXNET_NO_REEXEC"] == nil else { return }
        let missing = wanted(cpuHasAVX512: env["OPENBLAS_CORETYPE"] == nil && cpuHasAVX512()).filter { env[$0.0] == nil }
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

    /// When the environment pins OpenBLAS to kernels narrower than this CPU runs (the program keeps the user's
    /// value), one sentence for `bench` to print under its figures, so they are not read as the program's best.
    static func coreTypeNote(environment env: [String: String] = ProcessInfo.processInfo.environment,
                             cpuHasAVX512: Bool = cpuHasAVX512()) -> String? {
        // With ALEXNET_NO_REEXEC set the value may be the program's own choice from the first start.
        guard let pinned = env["OPENBLAS_CORETYPE"], env["ALEXNET_NO_REEXEC"] == nil, cpuHasAVX512 else { return nil }
        let avx512Kernels = ["skylakex", "cooperlake", "sapphirerapids"]
        guard !avx512Kernels.contains(pinned.lowercased()) else { return nil }
        return "note: OPENBLAS_CORETYPE=\(pinned) is set in the environment and kept; this CPU has AVX-512, where "
            + "SkylakeX kernels are faster (unset it to let alexnet pick them)"
    }

    static func cpuHasAVX512() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
        guard let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        return flags.split(separator: " ").contains("avx512f")
    }
}
