import Foundation
import Testing
@testable import AlexNetCore

/// A save killed mid-write leaves `.NAME.tmp-XXXXXX` behind (up to 489 MB for a checkpoint). The next
/// save of the same target removes such files, but only those of its own name pattern whose lock is free:
/// a concurrent save still holds the lock on its temporary file.
@Suite struct AtomicFileCleanupTests {
    static let names: [(String, Bool)] = [
        (".model.safetensors.tmp-a1B2c3", true),
        (".model.safetensors.tmp-XXXXXX", true),
        (".model.safetensors.tmp-a1B2c", false),       // five characters: not mkstemp's
        (".model.safetensors.tmp-a1B2c3d", false),     // seven
        (".model.safetensors.tmp-a1B2_3", false),      // not alphanumeric
        (".other.safetensors.tmp-a1B2c3", false),      // another target's
        ("model.safetensors.tmp-a1B2c3", false),       // no leading dot
        (".model.safetensors", false),
    ]

    @Test(arguments: names)
    func onlyItsOwnPatternIsATemporaryName(name: String, matches: Bool) {
        #expect(AtomicFile.isTemporaryName(name, of: "model.safetensors") == matches)
    }

    @Test func nextSaveRemovesStaleTemporariesOfTheSameTargetOnly() throws {
        let dir = TemporaryDirectory()
        let target = dir.file("model.safetensors")
        try AtomicFile.write(Array("old".utf8), to: target)
        // What a killed writer leaves, and files a cleanup must not touch.
        let stale = dir.write(Array("half a checkpoint".utf8), to: ".model.safetensors.tmp-Ab3dE9")
        let keep = [".other.safetensors.tmp-Ab3dE9", ".model.safetensors.tmp-short", "model.safetensors.bak"]
        for name in keep { _ = dir.write([1], to: name) }
        try FileManager.default.createDirectory(atPath: dir.file(".model.safetensors.tmp-DIRxyz"), withIntermediateDirectories: false)
        #expect(FileManager.default.fileExists(atPath: stale))
        try AtomicFile.write(Array("new".utf8), to: target)
        #expect(dir.read("model.safetensors") == Array("new".utf8))
        #expect(dir.contents == (keep + ["model.safetensors", ".model.safetensors.tmp-DIRxyz"]).sorted())
    }

    /// flock(2) locks belong to an open file description, so a second open in this process stands in for
    /// another process that is still writing.
    @Test func temporaryOfALiveWriterIsLeftAlone() throws {
        let dir = TemporaryDirectory()
        let target = dir.file("model.safetensors")
        let busy = dir.write(Array("being written".utf8), to: ".model.safetensors.tmp-Live00")
        let fd = open(busy, O_RDONLY)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        try AtomicFile.write(Array("one".utf8), to: target)
        #expect(dir.read(".model.safetensors.tmp-Live00") == Array("being written".utf8), "a live writer's file survives")
        close(fd)
        try AtomicFile.write(Array("two".utf8), to: target)
        #expect(dir.contents == ["model.safetensors"], "once its writer is gone, the next save removes it")
    }

    /// Two saves of one target at the same time: both succeed, the target is one of the two complete
    /// contents, and no temporary file is left.
    @Test func concurrentSavesOfOneTargetBothSucceed() async throws {
        let dir = TemporaryDirectory()
        let target = dir.file("model.safetensors")
        let a = [UInt8](repeating: 0xAA, count: 1 << 20), b = [UInt8](repeating: 0xBB, count: 1 << 20)
        let failures = await withTaskGroup(of: Int.self) { group in
            for bytes in [a, b, a, b, a, b] {
                group.addTask {
                    var failed = 0
                    for _ in 0..<5 { do { try AtomicFile.write(bytes, to: target) } catch { failed += 1 } }
                    return failed
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
        let final = dir.read("model.safetensors")
        #expect(final == a || final == b)
        #expect(dir.contents == ["model.safetensors"])
    }
}
