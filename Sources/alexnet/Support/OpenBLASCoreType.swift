import Foundation

/// Debian's OpenBLAS 0.3.21 takes AVX-512 Xeons for "Prescott" and runs 2–4× slower kernels. The core type
/// is read from the environment when the library loads, before `main`, so the program re-executes itself
/// once with `OPENBLAS_CORETYPE=SkylakeX` on such CPUs. A value already set (by the user or the machine) is
/// respected, and `ALEXNET_NO_REEXEC=1` turns this off.
enum OpenBLASCoreType {
    static func reexecIfNeeded() {
        let env = ProcessInfo.processInfo.environment
        guard env["OPENBLAS_CORETYPE"] == nil, env["ALEXNET_NO_REEXEC"] == nil, cpuHasAVX512() else { return }
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
        // Marks the child so that a failed exec or an odd platform can never loop.
        setenv("ALEXNET_NO_REEXEC", "1", 1)
        let path = "/proc/self/exe"
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv(path, argv)
        // execv only returns on failure: carry on with the slower kernels.
        unsetenv("OPENBLAS_CORETYPE")
    }

    private static func cpuHasAVX512() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
        guard let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        return flags.split(separator: " ").contains("avx512f")
    }
}
