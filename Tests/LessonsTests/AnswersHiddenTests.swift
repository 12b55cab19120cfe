import AlexNetCore
@testable import Lessons
import Testing

/// Predict, then see: a question's number is not shown on its step or the one before, in plain mode,
/// in the student's handout or (through the `pane` closure) in full screen; `lesson --check` says where.
@Suite struct AnswersHiddenTests {
    @Test(arguments: [
        ("conv1 is 55×55×96", 55, true), ("= 55.", 55, true), ("(55)", 55, true),
        ("155 pixels", 55, false), ("5.5", 5, false), ("1,055", 55, false), ("conv5", 5, false),
        ("pool5: 6×6", 5, false), ("34,944 parameters", 34_944, true), ("34944", 34_944, true),
        ("34,9440", 34_944, false), ("−20", 20, true),
    ])
    func revealsOnlyWholeNumbers(text: String, value: Int, shown: Bool) {
        #expect(HiddenAnswer.reveals(text, value) == shown, "\(text)")
    }

    @Test func maskKeepsTheWidth() {
        let masked = HiddenAnswer.masked("conv1: 227×227×3 → 55×55×96, 34,944 params", hiding: [55, 34_944])
        #expect(masked == "conv1: 227×227×3 → ??×??×96, ?????? params")
    }

    static let leaky = """
        title: t
        preset: alexnet
        steps:
          - show: walk conv1
            text: |
              conv1 gives {conv1.output}.
          - question: What is conv1's side?
            answer: conv1.size
            explain: "{conv1.formula}"
          - question: How many parameters does conv1 have?
            answer: conv1.params
            hint: "It is {conv1.params}."
        """

    @Test func checkReportsEveryViewThatShowsTheAnswer() {
        let problems = LessonChecker.check(text: Self.leaky, file: "t.yaml").map(\.description)
        // Step 2's 55 is in step 1's text (plain and handout); step 3's hint gives its own answer away.
        #expect(problems.contains { $0.hasPrefix("t.yaml:8: step 2 asks for 55, which the lesson text") && $0.contains("step before (1)") })
        #expect(problems.contains { $0.hasPrefix("t.yaml:8: step 2 asks for 55, which the student handout") })
        #expect(problems.contains { $0.hasPrefix("t.yaml:11: step 3 asks for 34,944") && $0.contains("its own step") })
        #expect(problems.count == 3, "\(problems)")
    }

    @Test func aPaneThatShowsTheAnswerIsReported() {
        let fixed = Self.leaky.replacingOccurrences(of: "conv1 gives {conv1.output}.", with: "conv1 slides.")
            .replacingOccurrences(of: "It is {conv1.params}.", with: "Weights plus biases.")
        #expect(LessonChecker.check(text: fixed, file: "t.yaml").isEmpty)
        let problems = LessonChecker.check(text: fixed, file: "t.yaml", pane: { _ in ["55×55×96"] })
        #expect(problems.map(\.description).contains { $0.contains("which the full-screen pane shows") })
    }

    /// The facts plain mode prints for a screen, the action's summary and the student handout hide the
    /// number until it is answered; the instructor's copy and the answered step show it.
    @Test func plainFactsAndHandoutMaskTheAnswer() throws {
        let lesson = try LessonLoader(file: "t.yaml").load(text: """
            title: t
            preset: alexnet
            steps:
              - show: walk conv1
              - show: walk conv1
                question: What is conv1's side?
                answer: conv1.size
              - preset: alexnet-1tower
                question: How many parameters?
                answer: total.params
            """)
        var session = try LessonSession(lesson: lesson)
        #expect(session.enter().contains("conv1 (conv): 227×227×3 → ??×??×96"))
        #expect(session.hiddenValues == [55])
        _ = session.next()
        #expect(session.enter().contains("conv1 (conv): 227×227×3 → ??×??×96"))
        #expect(session.hiddenValues == [55, 62_378_344])
        _ = session.answer("55")
        #expect(session.enter().contains("conv1 (conv): 227×227×3 → 55×55×96"))
        _ = session.next()
        #expect(session.enter().contains { $0.hasPrefix("[network alexnet-1tower") && $0.contains("(?????????? params)") })
        let student = try LessonHandout.markdown(lesson, answers: false)
        #expect(!student.contains("55×55×96") && !student.contains("62,378,344"))
        let instructor = try LessonHandout.markdown(lesson, answers: true)
        #expect(instructor.contains("> **Answer:** 55") && instructor.contains("62,378,344"))
    }

    /// A layer's parameter count is hidden with its weight count: "34,848 weights + 96 biases" would
    /// leave only a sum to copy.
    @Test func aParameterQuestionHidesTheWeightsToo() throws {
        let lesson = try LessonLoader(file: "t.yaml").load(text: """
            title: t
            preset: alexnet
            steps:
              - show: walk conv1
                question: How many parameters does conv1 have?
                answer: conv1.params
            """)
        let session = try LessonSession(lesson: lesson)
        #expect(session.hiddenValues == [34_944, 34_848])
        #expect(session.enter().contains("  parameters: ?????? weights + 96 biases = ??????"))
    }

    @Test func translatedHandoutsNameTheirLesson() {
        #expect(LessonHandout.name(of: "lessons/zh/01-shape-arithmetic.yaml") == "zh/01-shape-arithmetic")
        #expect(LessonHandout.name(of: "lessons/01-shape-arithmetic.yaml") == "01-shape-arithmetic")
        #expect(LessonHandout.name(of: "01-shape-arithmetic.yaml") == "01-shape-arithmetic")
    }
}

/// Whole-number arithmetic on core values, and the fields the new lessons read.
@Suite struct CoreArithmeticTests {
    static func value(_ text: String, _ preset: Preset = .alexnet) throws -> CoreValue {
        let e = try #require(CoreExpression(text), "\(text)")
        return try e.evaluate(in: LessonContext(preset: preset)).get()
    }

    @Test func productsSumsAndQuotientsFollowPrecedence() throws {
        // Independently known: 227·227·3 = 154,587 inputs; 96·3·11·11 = 34,848 conv1 weights.
        #expect(try Self.value("input.values * 4096") == .number(154_587 * 4096))
        #expect(try Self.value("conv1.weights + conv1.biases * 2") == .number(34_848 + 192))
        #expect(try Self.value("fc6.weights / fc6.size") == .number(9216))
        // The last conv1 window on 227 ends on column 226, the last one: 227 tiles exactly.
        #expect(try Self.value("conv1.stride * conv1.size - conv1.stride + conv1.kernel - 1") == .number(226))
        #expect(CoreExpression("3 * conv1.size") == nil)      // a typed-in number first: not computed
        #expect(CoreExpression("conv1.size *") == nil)
    }

    @Test func inexactDivisionAndOverflowAreReportedNotRounded() throws {
        let context = try LessonContext(preset: .alexnet)
        let inexact = try #require(CoreExpression("fc6.weights / 7")).evaluate(in: context)
        #expect(inexact.failureText == "fc6.weights / 7: 37,748,736 / 7 is not a whole number")
        let big = try #require(CoreExpression("fc6.weights * fc6.weights * fc6.weights")).evaluate(in: context)
        #expect(big.failureText == "fc6.weights * fc6.weights * fc6.weights: the product overflows")
    }

    @Test func lrnDropoutAndCropFields() throws {
        #expect(try Self.value("norm1.n") == .number(5))
        #expect(try Self.value("norm1.alpha") == .text("0.0001"))
        #expect(try Self.value("drop6.p") == .text("0.5"))
        // torchvision reads 224 crops of 256: 33 offsets per side (0…32), the paper's 32·32·2 = 2,048.
        #expect(try Self.value("input.offsets", .torchvision) == .number(33))
        #expect(try Self.value("input.shift * input.shift * 2", .torchvision) == .number(2048))
        #expect(try Self.value("input.offsets", .mini) == .number(2))
    }

    /// The new presets' totals, known from their papers: LeNet-5 as rebuilt here 61,706; VGG-16 138,357,544.
    @Test func newPresetsHaveTheirKnownCounts() throws {
        #expect(try Self.value("total.params", .vgg16) == .number(138_357_544))
        #expect(try Self.value("total.params", .lenet5) == .number(156 + 2416 + 48_120 + 10_164 + 850))
        #expect(try Self.value("conv1.size", .zfnet) == .number(110))
        #expect(try Self.value("pool1.size", .zfnet) == .number(55))   // Caffe's rounding up
        #expect(try Self.value("pool5.size", .zfnet) == .number(6))
    }
}

/// Plain mode's wrap: every line within 80 columns, indentation kept, CJK measured as two.
@Suite struct PlainLessonWrapTests {
    @Test func longLinesWrapAtSpacesWithinEightyColumns() {
        let text = String(repeating: "word ", count: 40) + "end."
        let lines = PlainLessonWrap.lines(text)
        #expect(lines.count > 1 && lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.joined(separator: " ") == text.replacingOccurrences(of: "  ", with: " "))
        #expect(PlainLessonWrap.lines("short") == ["short"])
    }

    @Test func indentationAndWideTextAreKept() {
        let indented = "    " + String(repeating: "x ", count: 50)
        #expect(PlainLessonWrap.lines(indented).allSatisfy { $0.hasPrefix("    ") && DisplayWidth.of($0) <= 80 })
        let chinese = String(repeating: "卷积层的输出。", count: 12)
        let lines = PlainLessonWrap.lines(chinese)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.dropFirst().allSatisfy { !$0.hasPrefix("。") })
        #expect(lines.joined() == chinese)
    }
}

private extension Result where Failure == ExpressionError {
    var failureText: String? { if case .failure(let e) = self { return e.description }; return nil }
}
