import Foundation
@testable import Lessons
import Testing

@Suite struct ShippedLessonsTests {
    @Test func atLeastSixLessonsShip() {
        #expect(LessonFixtures.shippedLessons.count >= 6)
    }

    @Test(arguments: LessonFixtures.shippedLessons)
    func passesTheCheck(name: String) {
        let problems = LessonChecker.check(path: LessonFixtures.lessonsDirectory + "/" + name, file: name)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// The issue's topics, each in some lesson's title or text.
    @Test(arguments: ["227", "224", "parameters", "ReLU", "tanh", "normalization", "pooling", "Dropout",
                      "crops", "flips", "PCA", "GPU"])
    func topicIsCovered(word: String) throws {
        let texts = try LessonFixtures.shippedLessons.map {
            try String(contentsOfFile: LessonFixtures.lessonsDirectory + "/" + $0, encoding: .utf8)
        }
        #expect(texts.contains { $0.localizedCaseInsensitiveContains(word) })
    }

    @Test func libraryFindsLessonsByName() {
        let library = LessonLibrary(directory: LessonFixtures.lessonsDirectory)
        #expect(library.files.count == LessonFixtures.shippedLessons.count)
        #expect(library.path(named: "shape-arithmetic")?.hasSuffix("01-shape-arithmetic.yaml") == true)
        #expect(library.path(named: "no-such-lesson") == nil)
    }

    @Test func everyShippedLessonRunsToTheEndWithEmptyInput() throws {
        for name in LessonFixtures.shippedLessons {
            let lesson = try LessonLoader(file: name).load(path: LessonFixtures.lessonsDirectory + "/" + name)
            var lines: [String] = []
            // "skip" answers any question; Enter moves on. Enough of them to reach the end.
            var input = (0..<(lesson.steps.count * 2)).flatMap { _ in ["skip", ""] }
            PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) })
                .run(try LessonSession(lesson: lesson))
            #expect(lines.last?.hasPrefix("End of") == true, "\(name)")
            #expect(!lines.contains { $0.range(of: #"\{[a-z0-9]+\.[a-z]+\}"#, options: .regularExpression) != nil },
                    "a placeholder was left unfilled in \(name)")
        }
    }
}
