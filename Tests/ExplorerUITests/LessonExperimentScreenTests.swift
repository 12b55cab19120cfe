import AlexNetCore
import Lessons
import Testing
@testable import ExplorerUI

/// A full-screen lesson's `experiment: N`: it switches to the experiment screen, asks the runtime for
/// the comparison with that budget, records the finished result in the session, and later steps read it.
@Suite struct LessonExperimentScreenTests {
    static let yaml = """
        title: "Figure 1"
        preset: figure1
        steps:
          - text: Predict first.
          - experiment: 64
            text: Now it runs.
          - text: "relu {experiment.relu.steps}, tanh {experiment.tanh.steps}, tanh conv2 {experiment.tanh.saturation.conv2}"
        """

    static func lesson() throws -> LessonScreen {
        let lesson = try LessonLoader(file: "e.yaml").load(text: yaml)
        return LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
    }

    static func render(_ s: LessonScreen, width: Int = 120, height: Int = 36) -> String {
        var s = s
        s.resize(width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        s.render(into: &grid)
        return grid.text
    }

    /// ReLU reaches 25% at step 48; tanh stops at the budget, 64.
    static func result(lastStep: Int = 64) -> ComparisonSummary {
        func point(_ step: Int, _ error: Double, _ sat: Double) -> CurvePoint {
            CurvePoint(step: step, epoch: 0.1, loss: 1, trainError: error,
                       layers: [LayerMeasure(layer: "conv2", saturation: sat, gradRatio: 0.01)])
        }
        return ComparisonSummary(target: 0.25, curves: [
            TrainingCurve(activation: .relu, points: [point(8, 0.8, 0), point(48, 0.24, 0.05)]),
            TrainingCurve(activation: .tanh, points: [point(8, 0.7, 0.1), point(lastStep, 0.4, 0.375)]),
        ])
    }

    @Test func theStepRunsTheComparisonLiveAndLaterStepsReadItsResult() throws {
        var s = try Self.lesson()
        #expect(s.explorer.activeKind == .walk)
        _ = s.withExplorer { $0.takeRequests() }
        s.update("n")
        #expect(s.explorer.activeKind == .experiment)
        #expect(s.withExplorer { $0.takeRequests() } == [.comparison(.steps(64))])
        var text = Self.render(s)
        #expect(text.contains("experiment ≤64 steps · Esc stops"))
        #expect(text.contains("Now it runs."))
        let summary = Self.result()
        s.withExplorer { $0.apply(.comparison(summary, .running)) }
        #expect(s.session.experiment == nil)
        s.withExplorer { $0.apply(.comparison(summary, .finished(summary.resultLine))) }
        #expect(s.session.experiment == summary)
        #expect(s.lines.last == "Result: " + ComparisonVerdict(summary: summary).winnerLine + ".")
        text = Self.render(s)
        #expect(text.contains("n next · p back · q quit"))
        s.update("n")
        #expect(s.lines.contains("relu 48, tanh more than 64, tanh conv2 38%"))
        // At 120 columns the explorer keeps its 80, and the 40-column panel wraps the line before "conv2".
        let shown = Self.render(s)
        #expect(shown.contains("relu 48, tanh more than 64, tanh") && shown.contains("conv2 38%"), "\(shown)")
        // Back on the step: the result stands, nothing is asked again.
        s.update("p")
        #expect(s.withExplorer { $0.takeRequests() }.isEmpty)
    }

    @Test func aComparisonFinishedWithAnotherBudgetDoesNotCount() throws {
        #expect(LessonScreen.isResult(Self.result(), ofBudget: 64))
        #expect(!LessonScreen.isResult(Self.result(lastStep: 200), ofBudget: 64))
        #expect(!LessonScreen.isResult(Self.result(lastStep: 50), ofBudget: 64))
        var s = try Self.lesson()
        s.update("n")
        let old = Self.result(lastStep: 200)
        s.withExplorer { $0.apply(.comparison(old, .finished(old.resultLine))) }
        #expect(s.session.experiment == nil)
    }

    @Test func escapeStopsTheExperimentAndRecordsNothing() throws {
        var s = try Self.lesson()
        s.update("n")
        _ = s.withExplorer { $0.takeRequests() }
        s.update(.escape)
        #expect(!s.wantsQuit)
        #expect(s.withExplorer { $0.takeRequests() } == [.comparison(.pause)])
        #expect(s.lines.last?.hasPrefix("(experiment stopped: ") == true)
        #expect(s.session.experiment == nil)
        s.update("n")
        #expect(s.lines.contains("relu (run the experiment step first), tanh (run the experiment step first), tanh conv2 (run the experiment step first)"))
    }

    @Test func withoutDataTheStepSaysWhy() throws {
        var s = try Self.lesson()
        s.attach(try AppModel(explored: Preset.figure1.spec, weights: nil, dataProblem: "Fashion-MNIST is not in /nowhere"))
        s.update("n")
        _ = s.withExplorer { _ in () }
        #expect(s.lines.last == "(cannot run the experiment here: Fashion-MNIST is not in /nowhere)")
    }

    /// At 80×24 the narrative pane is narrow: its status line takes a shorter form instead of being cut,
    /// and the result names the winner whole.
    @Test func at80x24NeitherTheStatusNorTheResultIsCut() throws {
        var s = try Self.lesson()
        s.update("n")
        _ = s.withExplorer { $0.takeRequests() }
        var text = Self.render(s, width: 80, height: 24)
        #expect(text.contains("Esc stops"))
        #expect(!text.contains("Esc sto\n") && !text.contains("…"))
        let summary = ComparisonSummary(target: 0.25, curves: [
            TrainingCurve(activation: .relu, points: [CurvePoint(step: 40, epoch: 0.1, loss: 1, trainError: 0.24)], learningRate: 0.005),
            TrainingCurve(activation: .tanh, points: [CurvePoint(step: 22, epoch: 0.1, loss: 1, trainError: 0.2)], learningRate: 0.02),
        ], maxSteps: 64)
        s.withExplorer { $0.apply(.comparison(summary, .finished(summary.resultLine))) }
        s.resize(width: 80, height: 24)
        let pane = s.wrappedLines(width: 30).map(\.0).joined(separator: " ")
        #expect(pane.contains("Result: tanh reached 25% in 22 steps, ReLU in 40: tanh was 1.8× faster here."))
        text = Self.render(s, width: 80, height: 24)
        #expect(!text.contains("…"))
        #expect(text.contains("1.8×"))
    }
}
