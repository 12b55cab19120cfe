import Foundation
import AlexNetCore
import Lessons
import Testing
@testable import ExplorerUI

/// Full-screen lessons in the cell grid: `show:` switches the real explorer screen, `train: N` asks the
/// runtime for N steps and follows them on the training screen, Esc skips, and the narrative wraps
/// without cutting formulas or titles.
@Suite struct LessonScreenTests {
    static let yaml = """
        title: "A lesson with a title long enough that it has to wrap in a narrow panel"
        preset: mini
        steps:
          - text: |
              First step. {conv1.formula}
          - show: filters
            text: These are the filters.
          - question: How many output channels does conv2 have?
            answer: conv2.channels
          - train: 20
            text: Twenty steps.
          - show: features conv2
          - input: 31
            show: whatif conv1
          - preset: alexnet
            show: walk conv2
        """

    static func lesson() throws -> LessonScreen {
        let lesson = try LessonLoader(file: "test.yaml").load(text: yaml)
        return LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
    }

    static func render(_ s: LessonScreen, width: Int = 120, height: Int = 36) -> CellGrid {
        var s = s
        s.resize(width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        s.render(into: &grid)
        return grid
    }

    static func weights() -> NetworkWeights {
        let f = knownFilters(count: 32, channels: 1, kernel: 5)
        return NetworkWeights(filters: f, provenance: f.provenance)
    }

    @Test func showFiltersSwitchesTheRealScreenBesideTheNarrative() throws {
        var s = try Self.lesson()
        s.attach(try AppModel(explored: Preset.mini.spec, weights: Self.weights()))
        #expect(s.explorer.activeKind == .walk)
        s.update("n")
        #expect(s.explorer.activeKind == .filters)
        let grid = Self.render(s)
        let text = grid.text
        #expect(text.contains("These are the filters."))
        #expect(text.contains("conv1 filters 32 × 5×5×1  ·  untrained, test pattern"))
        // The plain-mode stand-in for the screen is not repeated beside the real one.
        #expect(!text.contains("plain mode cannot draw them"))
        // The panel is on the left, the explorer (with its tab bar) on the right.
        let tabs = try #require(grid.find("3 Filters"))   // the explorer's tab bar, on the filters tab
        #expect(tabs.y == 0 && tabs.x > 30)
        #expect(grid.find("These are the filters.")!.x < tabs.x)
    }

    @Test func trainStepTrainsVisiblyAndReportsWhenDone() throws {
        var s = try Self.lesson()
        s.update("n"); s.update("n")
        s.update("1"); s.update("6"); s.update(.enter)   // conv1 has 32 channels, and there is no hint:
        #expect(s.lines.contains("Try again (or type 'skip')."))   // a second try all the same
        s.update("8"); s.update(.enter)
        #expect(s.lines.contains("Not quite: the answer is 64."))
        _ = s.withExplorer { $0.takeRequests() }
        s.update("n")
        #expect(s.explorer.activeKind == .training)
        #expect(s.withExplorer { $0.takeRequests() } == [.training(.steps(20))])
        #expect(Self.render(s).text.contains("training 0/20 · Esc skips"))
        s.withExplorer { $0.apply(.training(TrainingSnapshot(state: .running, step: 7, goal: (0, 20)))) }
        var text = Self.render(s).text
        #expect(text.contains("training 7/20 · Esc skips"))
        #expect(text.contains("step 7"))   // the training screen beside it shows the same run
        let points = [ChartPoint(x: 20, y: 2.1)]
        s.withExplorer {
            $0.apply(.training(TrainingSnapshot(state: .paused, step: 20, loss: points, trainError: [ChartPoint(x: 20, y: 0.8)],
                                                goal: (0, 20))))
        }
        text = Self.render(s).text
        #expect(s.lines.last == "Trained 20 steps (now at step 20): loss 2.100, training error 80.0%.")
        // At 120 columns the explorer keeps its 80 and the panel wraps the line after the colon.
        #expect(text.contains("Trained 20 steps (now at step 20):"))
        #expect(text.contains("n next · p back · q quit"))
    }

    @Test func anEarlierRunsGoalDoesNotCount() {
        let t = LessonScreen.StepTraining(steps: 20, fromStep: 20)
        #expect(LessonScreen.stepsDone(TrainingSnapshot(state: .paused, step: 20, goal: (0, 20)), of: t) == nil)
        #expect(LessonScreen.stepsDone(TrainingSnapshot(state: .running, step: 27, goal: (20, 40)), of: t) == 7)
    }

    @Test func escapeSkipsTheRestOfTheTraining() throws {
        var s = try Self.lesson()
        for _ in 0..<2 { s.update("n") }
        s.update("s"); s.update("k"); s.update("i"); s.update("p"); s.update(.enter)
        s.update("n")
        _ = s.withExplorer { $0.takeRequests() }
        s.withExplorer { $0.apply(.training(TrainingSnapshot(state: .running, step: 5, goal: (0, 20)))) }
        s.update(.escape)
        #expect(!s.wantsQuit)
        #expect(s.withExplorer { $0.takeRequests() } == [.training(.pause)])
        #expect(s.lines.last == "(training skipped after 5 of 20 steps)")
        s.update(.escape)
        #expect(s.wantsQuit)
    }

    @Test func inputAndPresetRebuildTheNetworkEveryScreenShows() throws {
        var s = try Self.lesson()
        for _ in 0..<2 { s.update("n") }
        s.update("s"); s.update("k"); s.update("i"); s.update("p"); s.update(.enter)
        for _ in 0..<2 { s.update("n") }
        #expect(s.explorer.activeKind == .features)
        let generation = s.networkGeneration
        s.update("n")
        #expect(s.networkGeneration == generation + 1)
        #expect(s.explorer.model.explored.input.height == 31)
        #expect(s.explorer.activeKind == .whatIf)
        #expect(Self.render(s).text.contains("31×31×1"))
        s.update("n")
        #expect(s.explorer.model.explored.name == "alexnet")
        #expect(s.explorer.activeKind == .walk)
        #expect(Self.render(s).text.contains("conv2  convolution"))
    }

    @Test func goingBackShowsTheScreenOfThatStep() throws {
        var s = try Self.lesson()
        s.update("n")
        #expect(s.explorer.activeKind == .filters)
        s.update("p")
        #expect(s.explorer.activeKind == .walk)   // step 1 shows no screen: the lesson's start, the walk
    }

    @Test func narrowWindowsPutTheScreenAboveTheNarrative() throws {
        var s = try Self.lesson()
        s.update("n")
        let grid = Self.render(s, width: 60, height: 40)
        let tabs = try #require(grid.find("3 Filters"))
        let narrative = try #require(grid.find("These are the filters."))
        #expect(tabs.x < 30 && tabs.y == 0 && narrative.y > tabs.y + 14)
        // The title wraps rather than being cut.
        let title = try #require(grid.find("A lesson with a title long enough that it has to wrap in a"))
        #expect(grid.line(title.y + 1).hasPrefix(" narrow panel"))
    }

    /// Every step at every size: from 44×14 up, the step's own header ("Step k/7", a new step opens at its
    /// top) and the title's first words show, and at 80×24 and wider the explorer stands beside the
    /// narrative (its tab bar on row 0, right of the panel); below 44×14 nothing is drawn that the window
    /// could not hold, and the window says the explorer is hidden when there is room for a word of it.
    @Test(arguments: [(0, 0), (1, 1), (10, 4), (44, 14), (50, 16), (80, 24), (200, 60)])
    func everySizeRenders(_ w: Int, _ h: Int) throws {
        var s = try Self.lesson()
        for k in 1...7 {
            if k == 3 { s.update(.character("1")); s.update(.enter); s.update(.character("3")); s.update(.character("2")); s.update(.enter) }
            let grid = Self.render(s, width: w, height: h)
            let text = grid.region(x: 0, y: 0, width: w, height: h).joined(separator: "\n")
            if w >= 44 && h >= 14 {
                #expect(text.contains("── Step \(k)/7 ──"), "step \(k) at \(w)×\(h):\n\(text)")
                #expect(text.contains("A lesson with a"), "step \(k) at \(w)×\(h)")
            }
            if w >= 80 && h >= 24 {
                let tabs = try #require(grid.find("1 "), "step \(k) at \(w)×\(h)")
                #expect(tabs.y == 0 && tabs.x > 30, "step \(k) at \(w)×\(h): the explorer is not beside the panel")
            }
            if w == 50 && h == 16 { #expect(text.contains("explorer hidden"), "\(text)") }
            if k == 4 { s.update(.escape) }   // the training step: skip it
            s.update("n")
        }
    }

    @Test func at80x24AndAt44x14TheNarrativeTitleAndKeysShow() throws {
        var s = try Self.lesson()
        s.update("n")
        let wide = Self.render(s, width: 80, height: 24)
        // Side by side at 80×24: the explorer keeps its minimum width, the panel the rest.
        #expect(wide.find("3 Filters") != nil)
        #expect(wide.text.contains("These are the filters."))
        #expect(wide.line(23).hasPrefix(" n next · p back · q quit"))
        let small = Self.render(s, width: 44, height: 14)
        // 44×14 has room for the narrative only: all of it, and the keys.
        #expect(small.text.contains("These are the filters."))
        #expect(small.line(13).contains("n next · p back · q quit"))
        #expect(small.text.contains("A lesson with a title long enough"))
    }

    @Test func formulasAreNotSplitAcrossLines() {
        let lines = TextWrap.wrap("pool1 takes 3×3 windows with stride 2: ⌊(55 − 3 + 2·0)/2⌋ + 1 = 27.", width: 34)
        #expect(lines.contains { $0.contains("⌊(55 − 3 + 2·0)/2⌋") })
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 34 })
        #expect(TextWrap.wrap("    = ⌊216/4⌋ + 1", width: 80) == ["    = ⌊216/4⌋ + 1"])
        // Wide characters take two columns; a deep indent in a narrow panel still ends.
        #expect(TextWrap.wrap("卷积层 卷积层 卷积层 卷积层", width: 14).allSatisfy { $0.displayWidth <= 14 })
        #expect(TextWrap.wrap(String(repeating: " ", count: 30) + String(repeating: "x", count: 40), width: 10)
            .allSatisfy { $0.displayWidth <= 10 })
    }

    /// The one word wrap serves the explanation panels, the lesson narrative and the neuron panel alike.
    @Test func oneWrapForEveryPanel() {
        // Paragraphs wrap apart; an empty one stays as a blank line.
        #expect(TextWrap.wrap("aaa bbb\n\nccc", width: 5) == ["aaa", "bbb", "", "ccc"])
        // A word longer than the line breaks after its last '-' or '/' that fits, else at the width.
        #expect(TextWrap.wrap("T-shirt/top", width: 8) == ["T-shirt/", "top"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        // Prose continues at its margin, or `proseIndent` in; an indented step two columns further in.
        #expect(TextWrap.wrap("one two three", width: 8) == ["one two", "three"])
        #expect(TextWrap.wrap("one two three", width: 8, proseIndent: 2) == ["one two", "  three"])
        #expect(TextWrap.wrap("  = 1 + 2 + 3", width: 10) == ["  = 1 + 2", "    + 3"])
        #expect(TextWrap.wrap("abc", width: 0).isEmpty)
    }

    @Test func goingBackToAQuestionShowsWhatTheSessionRecorded() throws {
        var s = try Self.lesson()
        for _ in 0..<2 { s.update("n") }
        s.update("6"); s.update("4"); s.update(.enter)
        #expect(s.lines.contains("Right: 64."))
        s.update("n"); s.update("p")
        // Whatever the session says about the answered question is what the panel shows.
        let expected = LessonScreen.narrative(s.session)
        #expect(s.lines == expected)
        #expect(s.lines.contains { $0.hasPrefix("(you answered 64") })
        #expect(!s.session.awaitingAnswer)
    }
}

@Suite struct QuizScreenTests {
    /// Typed keys as the terminal decodes them: whole characters (also wide ones) in, Backspace removes one
    /// character, not a byte; at most 20 are kept; a lone Esc leaves.
    @Test func typingEditsWholeCharacters() {
        let q = QuizQuestion(kind: .convOutput, prompt: "p", answer: 55, worked: [])
        var s = QuizScreen(session: QuizSession(questions: [q]), capabilities: .standard)
        for c in "é中5" { s.update(.character(c)) }
        #expect(s.typed == "é中5")
        s.update(.backspace); s.update(.backspace)
        #expect(s.typed == "é")
        s.update(.left); s.update(.function(1)); s.update(.up)   // keys the quiz has no use for change nothing
        #expect(s.typed == "é" && !s.wantsQuit)
        for _ in 0..<30 { s.update("9") }
        #expect(s.typed.count == 20)
        s.update(.escape)
        #expect(s.wantsQuit)
    }


    @Test func answerShowsTheWorkedFormulaAndTheScore() {
        let q = QuizQuestion(kind: .convOutput, prompt: "W = 227, F = 11, S = 4, P = 0: output side?", answer: 55,
                             worked: ["⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"])
        var s = QuizScreen(session: QuizSession(questions: [q]), capabilities: .standard)
        var grid = CellGrid(width: 80, height: 14)
        s.render(into: &grid)
        #expect(grid.text.contains("Question 1/1: W = 227, F = 11, S = 4, P = 0: output side?"))
        #expect(grid.text.contains("answer> _"))
        s.update("5"); s.update("4"); s.update(.enter)
        s.render(into: &grid)
        #expect(grid.text.contains("Not quite. Try again."))
        #expect(grid.text.contains("Question 1/1: W = 227"))
        s.update("5"); s.update("6"); s.update(.enter)
        s.render(into: &grid)
        #expect(grid.text.contains("Not quite: the answer is 55."))
        #expect(grid.text.contains("  ⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"))
        #expect(grid.text.contains("Done. Score: 0/1. Enter leaves."))
        s.update(.enter)
        #expect(s.wantsQuit)
    }
}

/// The pane beside a question hides the number asked for until it is answered, then shows it again
/// with the worked formula in the narrative.
@Suite struct LessonPaneHidesAnswersTests {
    @Test func theWalkBesideAQuestionMasksItsAnswer() throws {
        let lesson = try LessonLoader(file: "t.yaml").load(text: """
            title: t
            preset: alexnet
            steps:
              - show: walk conv1
                question: What is conv1's output side?
                answer: conv1.size
                explain: "{conv1.formula}"
            """)
        var screen = LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
        screen.resize(width: 120, height: 36)
        var grid = CellGrid(width: 120, height: 36)
        screen.render(into: &grid)
        #expect(!grid.text.contains("55×55×96"))
        #expect(grid.text.contains("??×??×96"))
        #expect(LessonScreen.paneText(screen.session).allSatisfy { !HiddenAnswer.reveals($0, 55) })
        for c in "55" { screen.update(.character(c)) }
        screen.update(.enter)
        screen.render(into: &grid)
        #expect(grid.text.contains("55×55×96"))
        #expect(grid.text.contains("⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"))
    }

    /// Every shipped lesson's pane, at 80×24 and 120×40, hides each answer on its step and the one before.
    @Test func noShippedLessonPaneShowsAnAnswerEarly() throws {
        let dir = LessonFixturesForUI.lessonsDirectory
        for name in LessonFixturesForUI.englishLessons {
            let lesson = try LessonLoader(file: name).load(path: dir + "/" + name)
            let problems = AnswerLeakCheck.problems(lesson, pane: { LessonScreen.paneText($0) })
                .filter { $0.message.contains("full-screen pane") }
            #expect(problems.isEmpty, "\(problems.map(\.description))")
        }
    }
}

enum LessonFixturesForUI {
    static let lessonsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lessons").path
    static var englishLessons: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }
}
