import Foundation
@testable import Lessons
import Testing

@Suite struct ProgressStoreTests {
    func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "lessons-progress-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A store whose progress.json holds `contents`.
    func store(holding contents: String) throws -> ProgressStore {
        let store = ProgressStore(environment: ["XDG_DATA_HOME": try temporaryDirectory()])
        try FileManager.default.createDirectory(atPath: (store.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: store.path, atomically: true, encoding: .utf8)
        return store
    }

    static let when = Date(timeIntervalSince1970: 1_800_000_000) // 2027-01-15T08:00:00Z
    static let stamp = ".corrupt-20270115T080000Z"

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
        let firstBeatsNothing = p.record(topic: .shapes, correct: 3, outOf: 5)
        let worseIsNot = p.record(topic: .shapes, correct: 1, outOf: 5)
        let perfectIs = p.record(topic: .shapes, correct: 4, outOf: 4)
        #expect(!firstBeatsNothing && !worseIsNot && perfectIs)
        try store.save(p)
        let loaded = store.load()
        #expect(loaded.note == nil && loaded.maySave)
        #expect(loaded.progress == p)
        let r = try #require(loaded.progress.topics["shapes"])
        #expect((r.sessions, r.correct, r.asked, r.bestCorrect, r.bestOutOf, r.lastCorrect) == (3, 8, 14, 4, 4, 4))
    }

    static let record = #""sessions":1,"correct":2,"asked":3,"bestCorrect":2,"bestOutOf":3,"lastCorrect":2,"lastOutOf":3"#

    /// Files that are not a history this program could have written, and the reason the note gives.
    static let corrupt: [(contents: String, reason: String)] = [
        ("{ not json", "not valid JSON"),
        ("[1, 2, 3]", "not a progress file"),
        ("", "not valid JSON"),
        (#"{"version":1,"topics":{"all":{"sessions":9223372036854775807,"correct":0,"asked":0,"bestCorrect":0,"bestOutOf":0,"lastCorrect":0,"lastOutOf":0}}}"#,
         "topic 'all': sessions is 9223372036854775807, outside 0…1000000000"),
        (#"{"version":1,"topics":{"shapes":{"sessions":1,"correct":-1,"asked":3,"bestCorrect":0,"bestOutOf":3,"lastCorrect":0,"lastOutOf":3}}}"#,
         "topic 'shapes': correct is -1, outside 0…1000000000"),
        (#"{"version":1,"topics":{"params":{"sessions":1,"correct":5,"asked":3,"bestCorrect":2,"bestOutOf":3,"lastCorrect":2,"lastOutOf":3}}}"#,
         "topic 'params': more right answers than questions"),
        (#"{"version":1,"topics":{"all":{"#+record.replacingOccurrences(of: #""asked":3"#, with: #""asked":1000000001"#)+"}}}",
         "topic 'all': asked is 1000000001, outside 0…1000000000"),
    ]

    @Test(arguments: corrupt)
    func corruptFileIsSetAsideNotLost(contents: String, reason: String) throws {
        let store = try store(holding: contents)
        let loaded = store.load(now: Self.when)
        #expect(loaded.progress == QuizProgress())
        #expect(loaded.maySave)
        let aside = store.path + Self.stamp
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == contents)
        #expect(!FileManager.default.fileExists(atPath: store.path))
        #expect(loaded.note == "\(store.path): could not be read (\(reason)); kept it as \(aside) and started afresh")
    }

    @Test func aPlausibleFileAtTheLimitStillLoads() throws {
        let store = try store(holding: #"{"version":1,"topics":{"all":{"sessions":1000000000,"correct":0,"asked":1000000000,"bestCorrect":0,"bestOutOf":1,"lastCorrect":0,"lastOutOf":1}}}"#)
        let loaded = store.load()
        #expect(loaded.note == nil)
        #expect(loaded.progress.topics["all"]?.sessions == 1_000_000_000)
    }

    /// The set-aside name is taken (an earlier corrupt file in the same second): the next free
    /// counter name is used and both files keep their bytes. This used to say "it will not be
    /// overwritten" and then overwrite progress.json.
    @Test(arguments: [1, 2, 5])
    func takenSetAsideNamesGetACounter(taken: Int) throws {
        let store = try store(holding: "{ mine")
        let names = [store.path + Self.stamp] + (2..<(taken + 1)).map { store.path + Self.stamp + "-\($0)" }
        for (i, name) in names.enumerated() { try "earlier \(i)".write(toFile: name, atomically: true, encoding: .utf8) }
        let loaded = store.load(now: Self.when)
        let aside = store.path + Self.stamp + "-\(taken + 1)"
        #expect(loaded.maySave)
        #expect(loaded.note?.hasSuffix("kept it as \(aside) and started afresh") == true, "\(loaded.note ?? "")")
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == "{ mine")
        for (i, name) in names.enumerated() { #expect(try String(contentsOfFile: name, encoding: .utf8) == "earlier \(i)") }
    }

    /// No free name: the corrupt file stays where it is, the note says so in one line, and saving
    /// is refused, by the caller (`maySave`) and by `save` itself.
    @Test func noFreeNameMeansProgressIsNotSaved() throws {
        let store = try store(holding: "{ mine")
        for n in 1...ProgressStore.asideAttempts {
            try "earlier".write(toFile: store.path + Self.stamp + (n == 1 ? "" : "-\(n)"), atomically: true, encoding: .utf8)
        }
        let loaded = store.load(now: Self.when)
        #expect(!loaded.maySave)
        #expect(loaded.note == "\(store.path): could not be read (not valid JSON) nor set aside (every name from progress.json\(Self.stamp) to -100 is taken); it is left as it is, and progress is not saved this time")
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == "{ mine")
        var p = loaded.progress
        p.record(topic: .all, correct: 1, outOf: 1)
        #expect(throws: ProgressStoreError.self) { try store.save(p) }
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == "{ mine")
    }

    /// Issue 28: two quizzes finishing together each wrote back the copy they loaded at their start, so one result
    /// was lost (20 of 20 pairs). `update` reads, changes and writes under one lock: every result counts.
    @Test func concurrentUpdatesAreMergedUnderTheLock() throws {
        let store = ProgressStore(environment: ["XDG_DATA_HOME": try temporaryDirectory()])
        let writers = 4, each = 15
        DispatchQueue.concurrentPerform(iterations: writers) { _ in
            for _ in 0..<each {
                _ = try? store.update { $0.record(topic: .shapes, correct: 1, outOf: 2) }
            }
        }
        #expect(store.load().progress.topics["shapes"]?.sessions == writers * each)
        #expect(store.load().progress.topics["shapes"]?.asked == 2 * writers * each)
        // The lock file stays beside the progress (removing it would let a third process lock another file).
        #expect(FileManager.default.fileExists(atPath: store.path + ".lock"))
    }
}
