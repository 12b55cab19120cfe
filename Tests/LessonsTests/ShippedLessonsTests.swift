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

extension ShippedLessonsTests {
    /// The shapes lesson answered right throughout: the 227 → 55 → 27 → 13 → 6 chain and the 224 puzzle.
    @Test func shapesLessonWithRightAnswers() throws {
        let lesson = try LessonLoader(file: "shapes.yaml").load(path: shippedLessonsFolder + "/shapes.yaml")
        var session = try LessonSession(lesson: lesson)
        // Hand arithmetic: ⌊(55−3)/2⌋+1 = 27, ⌊(13−3)/2⌋+1 = 6, 256·6·6 = 9216, ⌊(224−11)/4⌋+1 = 54, 54·4+11 = 227.
        let replies = ["\((55 - 3) / 2 + 1)", "\((13 - 3) / 2 + 1)", "\(256 * 6 * 6)", "\((224 - 11) / 4 + 1)",
                       "\(54 * 4 + 11)", "b"][...]
        var input = replies
        var lines: [String] = []
        PlainRunner().run(&session, input: { input.popFirst() }, output: { lines.append($0) })
        #expect(lines.filter { $0 == "Correct." }.count == 6)
        #expect(lines.contains("[what-if: input 224×224; conv1 output now 96×54×54]"))
        #expect(lines.contains("  not exact: 213/4 leaves 1; the last 1 input pixel along this side is never seen"))
        #expect(lines.contains("[what-if: back to the alexnet preset]"))
        #expect(lines.contains("The chain is 227 → 55 → 27 → 27 → 13 → 13 → 13 → 13 → 6: ⌊(13 − 3 + 2·0)/2⌋ + 1 = 6."))
        #expect(lines.last == "Lesson complete: 6 of 6 questions right first or second time.")
    }
}
