import Foundation
import Testing

/// `alexnet lesson` and `alexnet quiz` as a user runs them: exit codes, stdout/stderr, stdin at end of file.
@Suite struct LessonCommandEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Spawn.Output {
        let binary = try #require(AlexNetBinary.path, "run `swift build` first")
        var env = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]
        env.merge(environment) { $1 }
        return Spawn.run([binary] + arguments, environment: env)
    }

    @Test func checkPassesOnShippedLessonsAndFailsWithLocatedMessages() throws {
        let lessons = Self.packageRoot + "/lessons"
        let files = try FileManager.default.contentsOfDirectory(atPath: lessons).filter { $0.hasSuffix(".yaml") }
            .sorted().map { lessons + "/" + $0 }
        let ok = try run(["lesson", "--check"] + files)
        #expect(ok.status == 0)
        #expect(ok.stdout == "\(files.count) lesson files checked: no problems\n")

        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).yaml").path
        try "title: T\npreset: alexnet\nsteps:\n  - show: walk conv9\n  - ask: {question: q, answer: 1, check: conv1.stride}\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let failed = try run(["lesson", "--check", bad])
        #expect(failed.status == 1)
        #expect(failed.stdout == """
            \(bad):4: show walk: no layer 'conv9' in alexnet
            \(bad):5: answer 1 disagrees with the core: conv1.stride is 4

            """)
        #expect(failed.stderr == "2 problems in 1 file\n")
    }

    @Test func listFindsTheLessonsThroughTheEnvironment() throws {
        let out = try run(["lesson", "--list"], environment: ["ALEXNET_LESSONS": Self.packageRoot + "/lessons"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("shapes           Shapes: from 227 to 6, and the 224-vs-227 puzzle\n"))
    }

    @Test func endOfInputEndsALessonCleanly() throws {
        let out = try run(["lesson", Self.packageRoot + "/lessons/shapes.yaml"])
        #expect(out.status == 0)
        #expect(out.stderr == "(the lesson screen is not ready yet: running in plain mode)\n")
        #expect(out.stdout.hasSuffix("(input ended: lesson stopped at step 4 of 14)\n"))
    }

    @Test func quizAtEndOfInputSavesNothing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("xdg-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let out = try run(["quiz", "--plain", "--seed", "3", "--count", "2", "--topic", "shapes"],
                          environment: ["XDG_DATA_HOME": home])
        #expect(out.status == 0)
        #expect(out.stdout.hasSuffix("(input ended: 0 of 0 answered right; quiz stopped at question 1 of 2)\n"))
        #expect(!FileManager.default.fileExists(atPath: home + "/alexnet-explorer/progress.json"))
    }
}
