import Foundation
import Testing
@testable import Lessons

/// The `lessons/` folder of this package, found from this file's path.
let shippedLessonsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lessons").path

@Suite struct ShippedLessonsTests {
    static let files = LessonLibrary.files(in: shippedLessonsFolder)

    @Test func atLeastSixLessonsShip() {
        #expect(Self.files.count >= 6)
    }

    @Test(arguments: files)
    func passesTheChecker(path: String) {
        let name = (path as NSString).lastPathComponent
        #expect(LessonChecker.check(path: path, file: name) == [])
    }

    @Test(arguments: files)
    func hasQuestionsAndRunsToTheEndWithSkips(path: String) throws {
        let lesson = try LessonLoader(file: "x.yaml").load(path: path)
        let questions = lesson.steps.filter { if case .ask = $0.action { true } else { false } }
        #expect(questions.count >= 3)
        var session = try LessonSession(lesson: lesson)
        var transcript: [String] = []
        PlainRunner().run(&session, input: { "skip" }, output: { transcript.append($0) })
        #expect(session.isFinished)
        #expect(transcript.last == "Lesson complete: 0 of \(questions.count) questions right first or second time.")
        // Every placeholder was filled.
        #expect(!transcript.contains { $0.contains("{") })
    }

    @Test func libraryPrefersTheEnvironmentThenTheCurrentFolderThenTheExecutablesAncestors() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-lib-\(UUID())").path
        try FileManager.default.createDirectory(atPath: tmp + "/pkg/lessons", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tmp + "/pkg/.build/debug", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tmp + "/env", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let exe = tmp + "/pkg/.build/debug/alexnet"
        #expect(LessonLibrary.directory(environment: ["ALEXNET_LESSONS": tmp + "/env"], currentDirectory: "/",
                                        executablePath: exe) == tmp + "/env")
        #expect(LessonLibrary.directory(environment: [:], currentDirectory: tmp + "/pkg",
                                        executablePath: "/nowhere/alexnet") == tmp + "/pkg/lessons")
        let found = LessonLibrary.directory(environment: [:], currentDirectory: "/", executablePath: exe)
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: tmp + "/pkg/lessons").resolvingSymlinksInPath().path)
    }
}
