import AlexNetCore
import Foundation
@testable import Lessons
import Testing

/// Handouts compared as whole files with `Snapshots/` (re-record with `RECORD_SNAPSHOTS=1`; then read
/// the diff: every number in them comes from the core).
@Suite struct ExportTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

    static func compare(_ text: String, with name: String) throws {
        let path = snapshots + "/" + name
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(name) differs; RECORD_SNAPSHOTS=1 swift test --filter ExportTests re-records it")
    }

    static func shipped(_ name: String) throws -> Lesson {
        try LessonLoader(file: "lessons/" + name).load(path: LessonFixtures.lessonsDirectory + "/" + name)
    }

    @Test func lessonHandoutWithAnswers() throws {
        try Self.compare(try LessonHandout.markdown(try Self.shipped("01-shape-arithmetic.yaml"), answers: true),
                         with: "01-shape-arithmetic.answers.md")
    }

    @Test func studentHandoutHasNoAnswers() throws {
        let lesson = try Self.shipped("01-shape-arithmetic.yaml")
        let text = try LessonHandout.markdown(lesson, answers: false)
        try Self.compare(text, with: "01-shape-arithmetic.md")
        let questions = lesson.steps.filter { $0.question != nil }.count
        #expect(text.components(separatedBy: "Answer: ____").count - 1 == questions)
        #expect(!text.contains("**Answer:**") && !text.contains("{"))
        #expect(text.contains("**Question \(questions).**") && !text.contains("**Question \(questions + 1).**"))
    }

    @Test func seededQuizWorksheet() throws {
        var g = try QuizGenerator(seed: 42)
        let questions = g.questions(topic: .all, count: 16)
        let text = QuizWorksheet.markdown(questions, topic: .all, seed: 42, answers: true)
        try Self.compare(text, with: "quiz-seed42-count16.answers.md")
        // The worksheet is what the quiz asks: same seed, same prompts, in order.
        var again = try QuizGenerator(seed: 42)
        for (i, q) in again.questions(topic: .all, count: 16).enumerated() {
            #expect(text.contains("## \(i + 1). \(q.kind.title)\n\n\(q.prompt)\n"))
        }
        #expect(!QuizWorksheet.markdown(questions, topic: .all, seed: 42, answers: false).contains("**Answer:**"))
    }

    @Test func jsonResultLine() throws {
        var g = try QuizGenerator(seed: 3)
        let questions = g.questions(topic: .params, count: 3)
        var session = QuizSession(questions: questions)
        _ = session.answer(String(questions[0].answer))
        _ = session.answer(String(questions[1].answer + 1))
        _ = session.answer(String(questions[1].answer + 2))   // a second try, wrong again
        let line = QuizWorksheet.resultLine(session: session, topic: .params, seed: 3)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["seed"] as? String == "3" && object["topic"] as? String == "params")
        #expect(object["count"] as? Int == 3 && object["asked"] as? Int == 2 && object["correct"] as? Int == 1)
        let kinds = try #require(object["kinds"] as? [String: [String: Int]])
        #expect(kinds.values.reduce(0) { $0 + $1["asked"]! } == 2 && kinds.values.reduce(0) { $0 + $1["right"]! } == 1)
        #expect(kinds[questions[0].kind.rawValue]?["right"].map { $0 >= 1 } == true)
    }

    @Test func starterLessonPassesTheCheckAndRuns() throws {
        let text = LessonTemplate.starter(title: "My \"first\" lesson")
        #expect(LessonChecker.check(text: text, file: "new.yaml").isEmpty)
        let lesson = try LessonLoader(file: "new.yaml").load(text: text)
        #expect(lesson.title == "My \"first\" lesson")
        #expect(lesson.steps.filter { $0.question != nil }.count >= 3)
    }
}

/// The `rounding:` step: the 224 puzzle in both conventions.
@Suite struct RoundingStepTests {
    @Test func ceilRoundingMakes224Give55() throws {
        let lesson = try LessonLoader(file: "r.yaml").load(text: """
            title: t
            preset: alexnet
            steps:
              - input: 224
                question: floor?
                answer: conv1.size
              - rounding: ceil
                question: ceil?
                answer: conv1.size
            """)
        #expect(LessonChecker.check(lesson).isEmpty)
        var session = try LessonSession(lesson: lesson)
        #expect(session.expectedAnswer == .number(54))
        _ = session.next()
        #expect(session.expectedAnswer == .number(55))
        #expect(session.enter().contains { $0.contains("rounded up") })
    }

    @Test func trainingAfterCeilRoundingIsRefusedWithItsLine() {
        let problems = LessonChecker.check(text: """
            title: t
            preset: mini
            steps:
              - rounding: ceil
              - train: 10
            """, file: "r.yaml")
        #expect(problems.map(\.description) == ["r.yaml:5: train: needs floor rounding (the engine's convolutions round down); add 'rounding: floor' before it"])
    }

    @Test func anUnknownRoundingIsOneLine() {
        let problems = LessonChecker.check(text: "title: t\npreset: alexnet\nsteps:\n  - rounding: up\n", file: "r.yaml")
        #expect(problems.map(\.description) == ["r.yaml:4: rounding takes floor (Caffe, PyTorch) or ceil (cuda-convnet), got 'up'"])
    }
}

@Suite struct DisplayWidthTests {
    @Test(arguments: [("conv1", 5), ("卷积层", 6), ("畳み込み", 8), ("é", 1), ("e\u{301}", 1), ("🧠", 2), ("❤️", 2),
                      ("a·b", 3), ("５５", 4), ("한국어", 6)])
    func widths(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func paddingAndPrefixNeverSplitAWideCharacter() {
        #expect(DisplayWidth.padded("卷积", to: 6) == "卷积  ")
        #expect(DisplayWidth.prefix("卷积层", fitting: 5) == "卷积")
        #expect(DisplayWidth.prefix("ab卷", fitting: 3) == "ab")
    }
}

/// The `recipe:` step: later `train:` steps use it (the trainer starts a fresh network).
@Suite struct RecipeStepTests {
    @Test func recipeCarriesToLaterStepsUntilThePresetChanges() throws {
        let lesson = try LessonLoader(file: "r.yaml").load(text: """
            title: t
            preset: mini
            steps:
              - recipe: {lr: 0.001, init: paper}
              - train: 10
              - input: 27
              - preset: mini
            """)
        let contexts = try LessonReplay.contexts(of: lesson)
        #expect(contexts[0].recipe == TrainingRecipe(learningRate: 0.001, initialization: .paper))
        #expect(contexts[1].recipe == contexts[0].recipe && contexts[2].recipe == contexts[0].recipe)
        #expect(contexts[3].recipe == TrainingRecipe())
    }

    @Test(arguments: [("{lr: 5}", "r.yaml:4: lr takes a learning rate from 0.000001 to 1, got 5.0"),
                      ("{init: xavier}", "r.yaml:4: init takes paper or he, got 'xavier'"),
                      ("{momentum: 0.5}", "r.yaml:4: unknown field 'momentum' in a recipe; expected one of: lr, init")])
    func badRecipesAreOneLine(_ recipe: String, _ message: String) {
        let problems = LessonChecker.check(text: "title: t\npreset: mini\nsteps:\n  - recipe: \(recipe)\n", file: "r.yaml")
        #expect(problems.map(\.description) == [message])
    }
}

/// The handout and the plain session describe a step's action from the same `LessonAction.summary`:
/// the same words, framed `*…*` on paper and `[…]` on the terminal.
@Suite struct ActionSummaryTests {
    @Test func handoutAndPlainSessionSayTheSameForEveryAction() throws {
        let lesson = try LessonLoader(file: "t.yaml").load(text: """
            title: t
            preset: alexnet
            steps:
              - input: 224
              - rounding: ceil
              - rounding: floor
              - preset: mini
              - recipe: {lr: 0.01, init: paper}
              - train: 5
            """)
        let handout = try LessonHandout.markdown(lesson, answers: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var session = try LessonSession(lesson: lesson)
        var plain: [String] = []
        repeat { plain.append(session.enter(trains: true)[1]) } while session.next()
        let onPaper = handout.indices.filter { handout[$0].hasPrefix("## Step ") }.map { handout[$0 + 2] }
        #expect(plain == [
            "[what-if: a 224×224 input; the network now reads 224×224×3 → 1000]",
            "[what-if: conv sizes rounded up, 1 + ⌈(2P + W − F)/S⌉, as cuda-convnet does; the network now reads 224×224×3 → 1000]",
            "[what-if: conv sizes rounded down, ⌊(W − F + 2P)/S⌋ + 1, as Caffe and PyTorch do; the network now reads 224×224×3 → 1000]",
            "[network mini: \(Preset.mini.summary)]",
            // The initialisation in full, from mini's own data: the paper's bias-1 layers as mini names them.
            "[training recipe from here on: learning rate 0.01, Gaussian σ = 0.01 initialisation (weights N(0, 0.01²); "
                + "biases 1 in conv2, conv4, conv5, fc6, fc7, 0 elsewhere); the next training starts a fresh network]",
            "[train mini for 5 SGD steps]",
        ])
        // On paper: capitalised, names in backticks, and training said to run in the program.
        let unframed = onPaper.map { String($0.dropFirst().dropLast(2)).replacingOccurrences(of: "`", with: "").lowercased() }
        #expect(unframed == plain.map { String($0.dropFirst().dropLast()).lowercased() }.enumerated().map { i, s in
            i == 5 ? s + " (run the lesson in the program to see it)" : s })
        #expect(onPaper[3] == "*Network `mini`: \(Preset.mini.summary).*")
    }
}
