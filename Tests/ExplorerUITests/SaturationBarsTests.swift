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

    @Test func theVerdictFitsAt80ColumnsWithoutTheRates() {
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
        #expect(grid.line(1).hasPrefix("relu reached 25% at step 125; tanh at step 67: 1.9× fewer steps"))
    }
}
