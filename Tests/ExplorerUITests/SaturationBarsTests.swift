import AlexNetCore
import Testing
@testable import ExplorerUI

/// Screen 6's saturation bars, rendered at the design size from hand-made measures.
@Suite struct SaturationBarsTests {
    static func curve(_ a: Activation, saturation: [Double], ratio: [Double]) -> TrainingCurve {
        let layers = ["conv1", "conv2", "fc3"]
        let measures = layers.indices.map { i in
            LayerMeasure(layer: layers[i], saturation: i < saturation.count ? saturation[i] : nil, gradRatio: ratio[i])
        }
        return TrainingCurve(activation: a, points: [
            CurvePoint(step: 8, epoch: 0, loss: 2, trainError: 0.8, layers: measures),
            CurvePoint(step: 16, epoch: 0, loss: 1, trainError: 0.5, layers: measures),
        ], learningRate: 0.01)
    }

    @Test func oneBarPerLayerAndRunBesideTheCurvesAt80Columns() {
        var s = CompareScreen(description: "figure1", targets: [0.25], activations: [.relu, .tanh])
        s.show(ComparisonSummary(target: 0.25, curves: [
            Self.curve(.relu, saturation: [0, 1], ratio: [0.02, 0.5, 0.000012]),
            Self.curve(.tanh, saturation: [0.25, 0.5], ratio: [0.01, 0.1, 0.3]),
        ]), state: .running)
        var grid = CellGrid(width: 80, height: 22)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        let text = grid.text
        #expect(text.contains("Saturated units"))
        // Bars of 7 cells: 0 → none filled, 1 → all, 0.25 → round(1.75) = 2, 0.5 → round(3.5) = 4.
        #expect(text.contains("conv1 relu ░░░░░░░  0%"))
        #expect(text.contains("      tanh ██░░░░░ 25%"))
        #expect(text.contains("conv2 relu ███████100%"))
        #expect(text.contains("      tanh ████░░░ 50%"))
        // The last fully connected layer has no activation after it: no bar, but its gradient ratio.
        #expect(!text.contains("fc3   relu"))
        #expect(text.contains("‖∂W‖/‖W‖"))
        #expect(text.contains("fc3    1.2e-5 0.3000"))
        // The bars sit to the right of the chart, inside 80 columns.
        let bar = try! #require(grid.find("conv1 relu"))
        #expect(bar.x >= 50 && bar.x + 22 <= 80)
        // The bars use each run's colour.
        #expect(grid[bar.x + 11, bar.y].fg == .brightGreen)
    }

    @Test func beforeAnyMeasureItSaysSo() {
        let s = CompareScreen(description: "figure1", targets: [0.25], activations: [.relu, .tanh])
        var grid = CellGrid(width: 80, height: 22)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.text.contains("(as it trains)"))
    }

    @Test func theVerdictNamesTheWinnerWithinItsLineAt80Columns() {
        var s = CompareScreen(description: "figure1", targets: [0.25], activations: [.relu, .tanh])
        let relu = TrainingCurve(activation: .relu, points: [CurvePoint(step: 125, epoch: 0.1, loss: 1, trainError: 0.24)],
                                 learningRate: 0.005)
        let tanh = TrainingCurve(activation: .tanh, points: [CurvePoint(step: 67, epoch: 0.1, loss: 1, trainError: 0.2)],
                                 learningRate: 0.02)
        let summary = ComparisonSummary(target: 0.25, curves: [relu, tanh])
        #expect(summary.resultLine == "relu (lr 0.005) reached 25% training error at step 125; tanh (lr 0.02) at step 67: 1.9× fewer steps")
        s.show(summary, state: .finished("done"))
        var grid = CellGrid(width: 80, height: 22)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        // Once, whole, naming the winner; the paper beside it; the state says only "finished".
        #expect(grid.line(0).hasPrefix("figure1  finished "))
        #expect(grid.line(1) == "tanh reached 25% in 67 steps, ReLU in 125: tanh was 1.9× faster here".padding(toLength: 80, withPad: " ", startingAt: 0))
        #expect(grid.line(2).hasPrefix("Paper (CIFAR-10): ReLU 6× faster than tanh; here tanh won. w: why"))
        #expect(!grid.text.contains("…"))
        // The why panel follows the outcome.
        _ = s.update("w")
        grid = CellGrid(width: 80, height: 22)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.text.contains("Why tanh won here (w: back to the chart)"))
        #expect(grid.text.contains("Here tanh won: the reasons below are this run's."))
    }

    /// Several targets: once a run passes the first, the header gives tanh's steps over ReLU's per target.
    @Test func pastTheFirstTargetTheRatioPerTargetShows() {
        var s = CompareScreen(description: "figure1", targets: [0.25, 0.15, 0.10], activations: [.relu, .tanh])
        func curve(_ a: Activation, _ points: [(Int, Double)]) -> TrainingCurve {
            TrainingCurve(activation: a, points: points.map { CurvePoint(step: $0.0, epoch: 0.1, loss: 1, trainError: $0.1) })
        }
        let before = ComparisonSummary(targets: [0.25, 0.15, 0.10], curves: [curve(.relu, [(50, 0.4)]), curve(.tanh, [(50, 0.3)])])
        s.show(before, state: .running)
        var grid = CellGrid(width: 80, height: 22)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(!grid.text.contains("steps by target"))
        let after = ComparisonSummary(targets: [0.25, 0.15, 0.10], curves: [
            curve(.relu, [(50, 0.4), (125, 0.25), (200, 0.16)]), curve(.tanh, [(50, 0.3), (67, 0.25), (150, 0.15), (200, 0.12)])])
        s.show(after, state: .running)
        grid = CellGrid(width: 80, height: 22)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.text.contains("tanh/relu steps by target: 25% 0.54 · 15% — · 10% —"))
    }
}
