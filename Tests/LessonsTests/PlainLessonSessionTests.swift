import AlexNetCore
@testable import Lessons
import Testing

/// Drives lessons through the plain runner with scripted input, as a learner at a terminal would.
@Suite struct PlainLessonSessionTests {
    static let yaml = """
    title: Test lesson
    preset: alexnet
    steps:
      - show: walk conv1
        text: "conv1 makes {conv1.output}."
      - question: How many parameters does conv1 have?
        answer: conv1.params
        hint: "96·3·11·11 weights plus 96 biases."
        explain: "96·3·11·11 = {conv1.weights}, plus {conv1.biases} = {conv1.params}."
      - input: 224
        question: With a 224 input, what is conv1's output side?
        answer: conv1.size
        explain: "{conv1.formula}"
      - question: Which layers hold most parameters?
        choices: [conv, fc]
        answer: b
        explain: fc6 alone has {fc6.params}.
    """

    func run(_ input: [String], yaml: String = yaml) throws -> [String] {
        let lesson = try LessonLoader(file: "t.yaml").load(text: yaml)
        var input = input
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) })
            .run(try LessonSession(lesson: lesson))
        return lines
    }

    @Test func wrongAnswerGetsHintThenTheWorkedExplanation() throws {
        let t = try run(["", "1000", "34,848", "", "55", "55", "", "b", ""])
        let transcript = t.joined(separator: "\n")
        // The screen focus is rendered from the shape report.
        #expect(t.contains("[screen: walk conv1]"))
        #expect(t.contains("conv1 (conv): 227×227×3 → 55×55×96"))
        #expect(t.contains("      = ⌊(227 − 11 + 2·0)/4⌋ + 1"))
        #expect(t.contains("conv1 makes 55×55×96."))
        // First wrong answer: the hint; second: the answer and the worked explanation.
        #expect(transcript.contains("""
        answer> 
        Not quite. Hint: 96·3·11·11 weights plus 96 biases.
        Try again (or type 'skip').
        answer> 
        Not quite: the answer is 34,944.
        96·3·11·11 = 34,848, plus 96 = 34,944.
        """))
        // The what-if step: 224 gives 54, and the explanation shows the floor. No hint, but still a second try.
        #expect(t.contains("[what-if: a 224×224 input; the network now reads 224×224×3 → 1000]"))
        #expect(transcript.contains("""
        answer> 
        Not quite.
        Try again (or type 'skip').
        answer> 
        Not quite: the answer is 54.
        ⌊(224 − 11 + 2·0)/4⌋ + 1 = 54
        """))
        // The 224 what-if is still in force: pool5 is 256×5×5, so fc6 has 6400·4096 + 4096.
        #expect(transcript.contains("Right: b) fc.\nfc6 alone has 26,218,496."))
        #expect(t.last == "End of \"Test lesson\": 1 of 3 questions right.")
    }

    /// Text typed where no question waits is answered with what the step expects, not dropped: the
    /// lesson stays on that step until Enter.
    @Test func textAtAStepWithoutAQuestionIsNotDropped() throws {
        let t = try run(["34944", "", "34944", "here too", "q"])
        let note = try #require(t.firstIndex(of: "(this step has no question; press Enter to go on)"))
        // Still step 1: the note comes before step 2 is shown, and the step is not shown again.
        #expect(t.firstIndex(of: "── Step 2/4 ──")! > note)
        #expect(t.filter { $0 == "── Step 1/4 ──" }.count == 1)
        #expect(t.contains("Right: 34,944."))
        #expect(t.contains("(this question is answered already; press Enter to go on)"))
        #expect(t.last == "End of \"Test lesson\": 1 of 1 questions right.")
    }

    /// With piped input the runner writes back what it read: the prompt and the answer on one line, so a
    /// saved transcript reads as a dialogue. A bare Enter is not echoed.
    @Test func echoedInputReadsAsADialogue() throws {
        let lesson = try LessonLoader(file: "t.yaml").load(text: Self.yaml)
        var input = ["", "1000", "hint", "34,944", "oops", "q"]
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) }, echo: true)
            .run(try LessonSession(lesson: lesson))
        let t = lines.joined(separator: "\n")
        #expect(t.contains("""
        Q: How many parameters does conv1 have?
        answer> 1000
        Not quite. Hint: 96·3·11·11 weights plus 96 biases.
        Try again (or type 'skip').
        answer> hint
        Hint: 96·3·11·11 weights plus 96 biases.
        answer> 34,944
        Right: 34,944.
        """))
        #expect(t.contains("[Enter/n: next, p: previous, q: quit]\n> oops\n(this question is answered already"))
        #expect(t.contains("\n> q\nEnd of"))
        #expect(!lines.contains("answer> ") && !lines.contains("> "))
    }

    @Test func rightAnswerFirstTime() throws {
        let t = try run(["", "34944", "q"])
        #expect(t.contains("Right: 34,944."))
        #expect(t.last == "End of \"Test lesson\": 1 of 1 questions right.")
    }

    @Test func endOfInputEndsCleanly() throws {
        let t = try run([""])
        #expect(t.last == "End of \"Test lesson\".")
    }

    @Test func previousGoesBackAndNotBeforeTheStart() throws {
        let t = try run(["p", "", "skip", "p", "q"])
        #expect(t.contains("(this is the first step)"))
        #expect(t.filter { $0 == "── Step 1/4 ──" }.count == 2)
        #expect(t.contains("The answer is 34,944."))
    }

    @Test func nonNumbersAreAskedAgain() throws {
        let t = try run(["", "lots", "hint", "34944"])
        #expect(t.contains("Please type a whole number (commas are fine)."))
        #expect(t.contains("Hint: 96·3·11·11 weights plus 96 biases."))
        #expect(t.contains("Right: 34,944."))
    }

    @Test func shippedShapeLessonTranscript() throws {
        let path = LessonFixtures.lessonsDirectory + "/01-shape-arithmetic.yaml"
        let lesson = try LessonLoader(file: "01").load(path: path)
        var input = ["", "54", "54", "", "27", "", "13"]
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) })
            .run(try LessonSession(lesson: lesson))
        let t = lines.joined(separator: "\n")
        #expect(t.contains("AlexNet reads a 227×227×3 image"))
        #expect(t.contains("Not quite. Hint:"))
        #expect(t.contains("Not quite: the answer is 55.\n⌊(227 − 11 + 2·0)/4⌋ + 1 = 55: exact: 216 = 54·4, every pixel is used."))
        #expect(t.contains("Right: 27."))
        #expect(t.contains("Right: 13."))
    }

    @Test func trainStepCallsTheTrainerWithThatStepsNetwork() throws {
        let yaml = """
        title: Train
        preset: alexnet
        steps:
          - preset: mini
          - train: 30
            text: "after training {fc8.params} parameters"
        """
        let lesson = try LessonLoader(file: "t.yaml").load(text: yaml)
        var input = ["", ""]
        var lines: [String] = []
        var calls: [(Preset, Int)] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) },
                          trainer: { context, steps in calls.append((context.preset, steps)); return ["  trained"] })
            .run(try LessonSession(lesson: lesson))
        #expect(calls.count == 1 && calls[0].0 == .mini && calls[0].1 == 30)
        // Header, action, the trainer's lines, then the text (mini's fc8: 256·10 + 10).
        let at = try #require(lines.firstIndex(of: "── Step 2/2 ──"))
        #expect(Array(lines[at...].prefix(4)) == ["── Step 2/2 ──", "[train mini for 30 SGD steps]", "  trained",
                                                  "after training 2,570 parameters"])
    }

    /// Training that cannot run (no data) is reported with the lesson file and the step's line, and the
    /// lesson goes on; it used to print the bare error.
    @Test func aTrainerErrorNamesTheFileAndLine() throws {
        struct NoData: Error, CustomStringConvertible { var description: String { "/nowhere: no such directory" } }
        let yaml = "title: T\npreset: mini\nsteps:\n  - text: hi\n  - train: 5\n    text: after\n"
        var input = ["", ""]
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) },
                          trainer: { _, _ in throw NoData() })
            .run(try LessonSession(lesson: try LessonLoader(file: "t.yaml").load(text: yaml)))
        let at = try #require(lines.firstIndex(of: "── Step 2/2 ──"))
        #expect(Array(lines[at...].prefix(4)) == ["── Step 2/2 ──", "[train mini for 5 SGD steps]",
                                                  "t.yaml:5: cannot train here: /nowhere: no such directory", "after"])
    }

    @Test func withoutATrainerTheTrainStepSaysItIsSkipped() throws {
        let yaml = "title: T\npreset: mini\nsteps:\n  - train: 5\n"
        var lines: [String] = []
        PlainLessonRunner(readLine: { nil }, write: { lines.append($0) })
            .run(try LessonSession(lesson: try LessonLoader(file: "t").load(text: yaml)))
        #expect(lines.contains { $0.hasPrefix("[train mini for 5 SGD steps: training runs in the explorer") })
    }
}
