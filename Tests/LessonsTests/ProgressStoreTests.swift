import Foundation
import Testing
@testable import Lessons

/// Progress lives under a temporary XDG_DATA_HOME passed in, never the real home.
@Suite struct ProgressStoreTests {
    func temporaryDataHome() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alexnet-progress-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func pathFollowsXDGThenHome() {
        #expect(ProgressStore(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/x/alexnet-explorer/progress.json")
        #expect(ProgressStore(environment: ["HOME": "/h"]).path == "/h/.local/share/alexnet-explorer/progress.json")
        #expect(ProgressStore(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]).path == "/h/.local/share/alexnet-explorer/progress.json")
    }

    @Test func roundTripKeepsBestScoreAndAttempts() throws {
        let home = try temporaryDataHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = ProgressStore(environment: ["XDG_DATA_HOME": home])
        #expect(try store.load() == ProgressStore.Loaded(progress: QuizProgress(), note: nil))
        var p = try store.load().progress
        p.record(topic: .shapes, score: 3, outOf: 5)
        p.record(topic: .shapes, score: 2, outOf: 5)
        p.record(topic: .params, score: 4, outOf: 4)
        try store.save(p)
        let loaded = try store.load()
        #expect(loaded.note == nil)
        #expect(loaded.progress.topics["shapes"] == .init(bestScore: 3, bestOutOf: 5, attempts: 2))
        #expect(loaded.progress.topics["params"] == .init(bestScore: 4, bestOutOf: 4, attempts: 1))
        // No temporary files are left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: home + "/alexnet-explorer")
        #expect(names == ["progress.json"])
    }

    @Test(arguments: ["{not json", "", "{\"topics\": 3}", "[1, 2]"])
    func corruptFileIsMovedAsideAndReported(content: String) throws {
        let home = try temporaryDataHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = ProgressStore(environment: ["XDG_DATA_HOME": home])
        try FileManager.default.createDirectory(atPath: home + "/alexnet-explorer", withIntermediateDirectories: true)
        try content.write(toFile: store.path, atomically: false, encoding: .utf8)
        let loaded = try store.load(now: Date(timeIntervalSince1970: 1_700_000_000))
        let aside = store.path + ".corrupt-1700000000"
        #expect(loaded.progress == QuizProgress())
        #expect(loaded.note == "\(store.path): progress was not valid JSON progress; kept it as \(aside) and started afresh")
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == content)
        #expect(!FileManager.default.fileExists(atPath: store.path))
        // The next save starts afresh and leaves the corrupt copy alone.
        var p = loaded.progress
        p.record(topic: .receptive, score: 1, outOf: 2)
        try store.save(p)
        #expect(try store.load().progress.topics["receptive"]?.attempts == 1)
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == content)
    }

    @Test(arguments: [
        ([(3, 5), (4, 5)], 4, 5),   // better fraction wins
        ([(4, 5), (1, 5)], 4, 5),   // worse one does not replace it
        ([(2, 4), (5, 10)], 5, 10), // equal fraction: the longer quiz
        ([(0, 3)], 0, 3),
    ])
    func bestScoreIsTheBestFraction(attempts: [(Int, Int)], best: Int, outOf: Int) {
        var p = QuizProgress()
        for (s, n) in attempts { p.record(topic: .all, score: s, outOf: n) }
        #expect(p.topics["all"] == .init(bestScore: best, bestOutOf: outOf, attempts: attempts.count))
    }
}
