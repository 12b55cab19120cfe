import Testing
@testable import Lessons

/// A plain lesson driven by scripted replies; the whole transcript is asserted.
@Suite struct LessonSessionTests {
    static let lessonText = """
        title: Tiny
        preset: alexnet
        steps:
          - text: "conv1 makes {conv1.output} with {conv1.params} params; total {total.params}."
          - show: walk conv2
          - train: 50
          - ask:
              question: "How many parameters does conv1 have?"
              answer: conv1.params
              hint: "OC·C·K·K + OC."
              explain: "Weights {conv1.weights} and biases {conv1.biases}."
          - set: {layer: conv1, stride: 5}
          - ask: {question: "conv1's width now?", answer: 44, check: conv1.output.height}
          - ask:
              question: "Which layer holds the most parameters?"
              choices: [conv1, fc6, fc8]
              answer: fc6

        """

    func transcript(_ replies: [String]) throws -> [String] {
        let lesson = try LessonLoader(file: "tiny.yaml").load(text: Self.lessonText)
        #expect(LessonChecker.check(lesson) == [])
        var session = try LessonSession(lesson: lesson)
        var input = replies[...]
        var lines: [String] = []
        PlainRunner().run(&session, input: { input.popFirst() }, output: { lines.append($0) })
        return lines
    }

    @Test func wrongTwiceGivesTheHintThenTheWorkedFormula() throws {
        // Independent arithmetic: 96·3·11·11 = 34,848 weights; +96 biases = 34,944.
        // With stride 5: ⌊(227 − 11)/5⌋ + 1 = ⌊216/5⌋ + 1 = 43 + 1 = 44.
        #expect(96 * 3 * 11 * 11 == 34_848 && (227 - 11) / 5 + 1 == 44)
        let lines = try transcript(["30000", "", "35,000", "44", "x", "B"])
        #expect(lines == [
            "# Tiny",
            "(numbers from the alexnet preset)",
            "",
            "conv1 makes 96×55×55 with 34,944 params; total 60,965,224.",
            "[screen: walk conv2]",
            "conv2: conv 5×5, stride 1, padding 2, groups 2",
            "  shape: 96×27×27 → 256×27×27",
            "  out = ⌊(W − F + 2P)/S⌋ + 1",
            "      = ⌊(27 − 5 + 2·2)/1⌋ + 1",
            "      = ⌊26/1⌋ + 1",
            "      = 26 + 1 = 27",
            "  exact: 26 = 26·1, every pixel is used",
            "  params: 307,456 (weights 307,200 + biases 256)",
            "  MACs: 223,948,800",
            "  receptive field: 51×51 input pixels",
            "[train: 50 steps] Training runs in the explorer: run `alexnet explore` and open the Training screen.",
            "Q1. How many parameters does conv1 have?",
            "Not quite. Hint: OC·C·K·K + OC.",
            "Try again:",
            "(type an answer, or 'skip')",
            "Not quite. The answer is 34,944.",
            "weights = OC·(C/groups)·K·K = 96·(3/1)·11·11 = 96·3·121 = 34,848",
            "biases = OC = 96",
            "params = 34,848 + 96 = 34,944",
            "Weights 34,848 and biases 96.",
            "",
            "[what-if: conv1 stride 5; conv1 output now 96×44×44]",
            "Q2. conv1's width now?",
            "Correct.",
            "",
            "Q3. Which layer holds the most parameters?",
            "  a) conv1",
            "  b) fc6",
            "  c) fc8",
            "Answer with a letter a–c.",
            "Correct.",
            "",
            "Lesson complete: 2 of 3 questions right first or second time.",
        ])
    }

    @Test func endOfInputStopsCleanly() throws {
        let lines = try transcript(["34944"])
        #expect(lines.suffix(4) == [
            "",
            "[what-if: conv1 stride 5; conv1 output now 96×44×44]",
            "Q2. conv1's width now?",
            "(input ended: lesson stopped at step 6 of 7)",
        ])
    }

    @Test func rightAfterTheHintCountsAndExplains() throws {
        let lines = try transcript(["1", "34_944", "skip", "fc8"])
        #expect(lines[17...21] == ["Not quite. Hint: OC·C·K·K + OC.", "Try again:", "Correct.",
                                    "Weights 34,848 and biases 96.", ""])
        #expect(lines.contains("Skipped. The answer is 44."))
        #expect(lines.contains("Not quite. The answer is b) fc6."))
        #expect(lines.last == "Lesson complete: 1 of 3 questions right first or second time.")
    }
}
