import Foundation
@testable import Lessons
import Testing

@Suite struct ProgressStoreTests {
    func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "lessons-progress-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func xdgPathAndHomeFallback() {
        #expect(ProgressStore(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]).path == "/x/data/alexnet-explorer/progress.json")
        #expect(ProgressStore(environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/alexnet-explorer/progress.json")
        // XDG says relative paths are invalid and must be ignored.
        #expect(ProgressStore(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"]).path == "/home/u/.local/share/alexnet-explorer/progress.json")
    }

    @Test func roundTripAndBestScores() throws {
        let dir = try temporaryDirectory()
        let store = ProgressStore(environment: ["XDG_DATA_HOME": dir])
        var p = store.load().progress
        #expect(p == QuizProgress())
        let firstIsBest = p.record(topic: .shapes, correct: 3, outOf: 5)
        let worseIsNot = p.record(topic: .shapes, correct: 1, outOf: 5)
        let perfectIs = p.record(topic: .shapes, correct: 4, outOf: 4)
        #expect(firstIsBest && !worseIsNot && perfectIs)
        try store.save(p)
        let (loaded, note) = store.load()
        #expect(note == nil)
        #expect(loaded == p)
        let r = try #require(loaded.topics["shapes"])
        #expect((r.sessions, r.correct, r.asked, r.bestCorrect, r.bestOutOf, r.lastCorrect) == (3, 8, 14, 4, 4, 4))
    }

    @Test(arguments: ["{ not json", "[1, 2, 3]", ""])
    func corruptFileIsSetAsideNotLost(contents: String) throws {
        let dir = try temporaryDirectory()
        let store = ProgressStore(environment: ["XDG_DATA_HOME": dir])
        try FileManager.default.createDirectory(atPath: dir + "/alexnet-explorer", withIntermediateDirectories: true)
        try contents.write(toFile: store.path, atomically: true, encoding: .utf8)
        let when = Date(timeIntervalSince1970: 1_800_000_000) // 2027-01-15T08:00:00Z
        let (progress, note) = store.load(now: when)
        #expect(progress == QuizProgress())
        let aside = store.path + ".corrupt-20270115T080000Z"
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == contents)
        #expect(!FileManager.default.fileExists(atPath: store.path))
        #expect(note?.contains("kept it as \(aside)") == true)
    }
}
