import AlexNetCore
import Testing
@testable import Lessons

/// `experiment: N` and the `{experiment.…}` placeholders, with a fake result injected through the plain
/// runner's experimenter hook (the real comparison is the alexnet target's, and takes minutes).
@Suite struct ExperimentStepTests {
    /// ReLU reaches 25% at step 48; tanh stops at its budget of 64 with 31.5% error.
    static func fakeResult() -> ComparisonSummary {
        func point(_ step: Int, _ error: Double, _ sat: [Double]) -> CurvePoint {
            CurvePoint(step: step, epoch: 0.1, loss: 1, trainError: error,
                       layers: zip(["conv1", "conv2", "conv3"], sat).map { LayerMeasure(layer: $0, saturation: $1, gradRatio: 0.01) }
                           + [LayerMeasure(layer: "fc4", saturation: nil, gradRatio: 0.02)])
        }
        let relu = TrainingCurve(activation: .relu, points: [point(40, 0.30, [0.01, 0.02, 0.03]), point(48, 0.24, [0.04, 0.125, 0.06])])
        let tanh = TrainingCurve(activation: .tanh, points: [point(40, 0.40, [0.1, 0.2, 0.3]), point(64, 0.315, [0.11, 0.375, 0.5])])
        return ComparisonSummary(target: 0.25, curves: [relu, tanh])
    }

    static let yaml = """
    title: E
    preset: figure1
    steps:
      - text: "before: {experiment.relu.steps}"
      - experiment: 64
      - text: "relu {experiment.relu.steps}, tanh {experiment.tanh.steps}, errors {experiment.relu.error}/{experiment.tanh.error}"
      - text: "sat {experiment.tanh.saturation.conv2} {experiment.relu.saturation.conv2}; {experiment.verdict}"
    """

    @Test func placeholdersReadTheInjectedResultBack() throws {
        let lesson = try LessonLoader(file: "e.yaml").load(text: Self.yaml)
        var input = ["", "", "", ""]
        var lines: [String] = []
        var asked: [Int] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) },
                          experimenter: { steps, progress in
                              asked.append(steps); progress("  fake progress"); return Self.fakeResult() })
            .run(try LessonSession(lesson: lesson))
        #expect(asked == [64])
        #expect(lines.contains("before: (run the experiment step first)"))
        let at = try #require(lines.firstIndex(of: "── Step 2/4 ──"))
        #expect(Array(lines[at...].prefix(4)) == ["── Step 2/4 ──", "[experiment: figure1 trained with ReLU and with tanh, at most 64 SGD steps each]",
                                                  "  fake progress",
                                                  "Result: only ReLU reached 25% (in 48 steps); tanh was at 32% after 64 steps: ReLU was faster here."])
        #expect(lines.contains("relu 48, tanh more than 64, errors 24.0%/31.5%"))
        #expect(lines.contains("sat 38% 13%; relu reached 25% training error at step 48; tanh never did (last error 31.5% at step 64)"))
    }

    /// The verdict's placeholders read the same sentences the screen and `compare` print.
    @Test func verdictPlaceholdersReadTheSharedWording() {
        let result = Self.fakeResult()
        let verdict = ComparisonVerdict(summary: result)
        func value(_ name: String) -> String? { try? ExperimentPlaceholder.value(name, result: result).get() }
        #expect(value("experiment.winner") == "only ReLU reached 25% (in 48 steps); tanh was at 32% after 64 steps: ReLU was faster here")
        #expect(value("experiment.winner") == verdict.winnerLine)
        #expect(value("experiment.paper") == verdict.paperLine)
        #expect(value("experiment.paper")?.hasSuffix("Here ReLU won too.") == true)
        #expect(value("experiment.reasons") == verdict.reasons.joined(separator: " "))
        #expect(value("experiment.ratios") == "(one target only)")
        #expect(value("experiment.relu.lr") == "(not recorded)")
        #expect((try? ExperimentPlaceholder.value("experiment.winner", result: nil).get()) == ExperimentPlaceholder.notYet)
    }

    @Test func goingBackDoesNotRunTheExperimentAgain() throws {
        let lesson = try LessonLoader(file: "e.yaml").load(text: Self.yaml)
        var input = ["", "", "p", "", ""]
        var runs = 0
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) },
                          experimenter: { _, _ in runs += 1; return Self.fakeResult() })
            .run(try LessonSession(lesson: lesson))
        #expect(runs == 1)
        #expect(lines.contains { $0.hasPrefix("Result (already measured): only ReLU reached 25%") })
    }

    @Test func anExperimenterErrorNamesTheFileAndLineAndTheLessonGoesOn() throws {
        struct NoData: Error, CustomStringConvertible { var description: String { "no Fashion-MNIST" } }
        let lesson = try LessonLoader(file: "e.yaml").load(text: Self.yaml)
        var input = ["", "", ""]
        var lines: [String] = []
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) },
                          experimenter: { _, _ in throw NoData() })
            .run(try LessonSession(lesson: lesson))
        #expect(lines.contains("e.yaml:5: cannot run the experiment here: no Fashion-MNIST"))
        #expect(lines.contains { $0.hasPrefix("relu (run the experiment step first), tanh (run the experiment step first)") })
    }

    @Test func withoutAnExperimenterTheStepSaysItIsSkipped() throws {
        var lines: [String] = []
        var input = ["", "", ""]
        PlainLessonRunner(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { lines.append($0) })
            .run(try LessonSession(lesson: try LessonLoader(file: "e.yaml").load(text: Self.yaml)))
        #expect(lines.contains("before: (run the experiment step first)"))
        #expect(lines.contains("[experiment: figure1 trained with ReLU and with tanh, at most 64 SGD steps each: it runs in the full-screen lesson and in plain mode; here it is skipped]"))
        #expect(lines.contains { $0.hasPrefix("relu (run the experiment step first)") })
    }

    @Test func aHandoutLeavesBlanksForTheMeasuredNumbers() throws {
        let md = try LessonHandout.markdown(try LessonLoader(file: "e.yaml").load(text: Self.yaml), answers: false)
        #expect(md.contains("before: ____"))
        #expect(md.contains("relu ____, tanh ____, errors ____/____"))
        #expect(md.contains("at most 64 SGD steps each"))
    }

    @Test func theCheckerAcceptsTheStepAndPlaceholdersWithoutRunningAnything() {
        #expect(LessonChecker.check(text: Self.yaml, file: "e.yaml").isEmpty)
    }

    @Test func theCheckerRefusesAnOutOfRangeExperimentWithFileAndLine() {
        let problems = LessonChecker.check(text: "title: E\npreset: figure1\nsteps:\n  - text: hi\n  - experiment: 5001\n", file: "e.yaml")
        #expect(problems.map(\.description) == ["e.yaml:5: experiment takes 1–5,000 steps per run, got 5,001"])
        let zero = LessonChecker.check(text: "title: E\npreset: figure1\nsteps:\n  - experiment: 0\n", file: "e.yaml")
        #expect(zero.map(\.description) == ["e.yaml:4: experiment takes 1–5,000 steps per run, got 0"])
    }

    @Test func theCheckerNamesAWrongExperimentPlaceholderAtItsLine() {
        let yaml = "title: E\npreset: figure1\nsteps:\n  - experiment: 10\n  - text: \"{experiment.sigmoid.steps} {experiment.tanh.saturation.fc4} {experiment.relu.speed}\"\n"
        let messages = LessonChecker.check(text: yaml, file: "e.yaml").map(\.description)
        #expect(messages == [
            "e.yaml:5: placeholder {experiment.sigmoid.steps} names 'sigmoid'; the experiment runs relu and tanh",
            "e.yaml:5: placeholder {experiment.tanh.saturation.fc4} names 'fc4'; saturation is measured on conv1, conv2, conv3",
            "e.yaml:5: placeholder {experiment.relu.speed} is not one of: experiment.<verdict|winner|paper|reasons|ratios> or experiment.<relu|tanh>.<steps|error|lr|saturation.<layer>>",
        ])
    }

    @Test func anExperimentAndATrainCannotShareAStep() {
        let problems = LessonChecker.check(text: "title: E\npreset: figure1\nsteps:\n  - train: 5\n    experiment: 5\n", file: "e.yaml")
        #expect(problems.count == 1 && problems[0].description.contains("a step can do one action"))
    }
}
