@testable import alexnet
import Testing

/// `bench`'s note when the environment pins OpenBLAS to narrower kernels than the CPU runs.
struct StartupEnvironmentTests {
    @Test func notesAPinnedNarrowCoreTypeOnAnAVX512CPU() throws {
        let note = try #require(StartupEnvironment.coreTypeNote(environment: ["OPENBLAS_CORETYPE": "Haswell"], cpuHasAVX512: true))
        #expect(note.contains("OPENBLAS_CORETYPE=Haswell is set in the environment and kept"))
        #expect(note.contains("SkylakeX"))
    }

    @Test(arguments: [
        (["OPENBLAS_CORETYPE": "Haswell"], false),                              // no AVX-512: Haswell is right
        (["OPENBLAS_CORETYPE": "SKYLAKEX"], true),                              // already the wide kernels
        (["OPENBLAS_CORETYPE": "SkylakeX", "ALEXNET_NO_REEXEC": "1"], true),    // the program's own choice
        ([:], true),                                                            // nothing pinned: the program picks
    ] as [([String: String], Bool)])
    func staysQuietOtherwise(environment: [String: String], avx512: Bool) {
        #expect(StartupEnvironment.coreTypeNote(environment: environment, cpuHasAVX512: avx512) == nil)
    }
}
