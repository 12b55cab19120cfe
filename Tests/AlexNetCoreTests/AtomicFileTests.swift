import Foundation
import Testing
@testable import AlexNetCore

@Suite struct AtomicFileTests {
    struct Interrupted: Error {}

    @Test func writesAndReplaces() throws {
        let dir = TemporaryDirectory()
        let target = dir.file("progress.json")
        try AtomicFile.write(Array("first".utf8), to: target)
        #expect(dir.read("progress.json") == Array("first".utf8))
        try AtomicFile.write(Array("second, longer".utf8), to: target)
        #expect(dir.read("progress.json") == Array("second, longer".utf8))
        try AtomicFile.write([], to: target)
        #expect(dir.read("progress.json") == [])
        #expect(dir.contents == ["progress.json"])
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func failureHalfwayKeepsTheOldFile() throws {
        let dir = TemporaryDirectory()
        let target = dir.file("model.safetensors")
        try AtomicFile.write(Array("good old contents".utf8), to: target)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: target) { sink in
                try sink.write(Array("half of the new".utf8))
                throw Interrupted()
            }
        }
        #expect(dir.read("model.safetensors") == Array("good old contents".utf8))
        #expect(dir.contents == ["model.safetensors"], "the temporary file must be removed")
    }

    @Test func renameFailureKeepsTheTargetAndCleansUp() throws {
        let dir = TemporaryDirectory()
        // A non-empty directory cannot be replaced by a file: rename(2) fails after the data is written.
        let target = dir.file("occupied")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        _ = dir.write([1, 2, 3], to: "occupied/keep")
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write([9, 9, 9], to: target)
        }
        #expect(error?.step == "rename over the target")
        #expect(dir.read("occupied/keep") == [1, 2, 3])
        #expect(dir.contents == ["occupied"])
    }

    @Test func missingDirectoryIsAnError() {
        let dir = TemporaryDirectory()
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write([1], to: dir.file("no/such/dir/file"))
        }
        #expect(error?.step == "create a temporary file")
        #expect(error?.description.hasPrefix(dir.file("no/such/dir/file") + ": could not create a temporary file: No such file") == true)
    }
}
