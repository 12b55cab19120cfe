import AlexNetCore
import Testing
@testable import ExplorerUI

/// The screens fed by the engine, rendered into fixed-size grids from hand-made snapshots.
@Suite struct CompareScreenTests {
    static func curve(_ a: Activation, _ errors: [Double]) -> TrainingCurve {
        TrainingCurve(activation: a, points: errors.enumerated().map {
            CurvePoint(step: ($0.offset + 1) * 10, epoch: Double($0.offset) / 10, loss: 1, trainError: $0.element)
        })
    }

    func screen(state: TrainingSnapshot.State) -> CompareScreen {
        var s = CompareScreen(description: "mini: relu vs tanh", targets: [0.25], activations: [.relu, .tanh])
        s.show(ComparisonSummary(target: 0.25, curves: [Self.curve(.relu, [0.9, 0.5, 0.3, 0.2]),
                                                        Self.curve(.tanh, [0.9, 0.7, 0.6, 0.5, 0.4, 0.3, 0.24])]),
               state: state)
        return s
    }

    @Test func headerStatesTheRunsOwnStepBudget() {
        // Screen 6's header said "≤200 steps" whatever ran; now it is the run's budget, and none without one.
        for budget in [200, 64] {
            var s = CompareScreen(description: "relu vs tanh on figure1", targets: [0.25], activations: [.relu, .tanh])
            s.show(ComparisonSummary(target: 0.25, curves: [Self.curve(.relu, [0.9]), Self.curve(.tanh, [0.9])], maxSteps: budget),
                   state: .running)
            var grid = CellGrid(width: 100, height: 24)
            s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
            #expect(grid.line(0).hasPrefix("relu vs tanh on figure1, ≤\(budget) steps  training both runs"), "\(grid.line(0))")
        }
        var grid = CellGrid(width: 100, height: 24)
        screen(state: .running).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(!grid.line(0).contains("≤"))
    }

    @Test func chartHasAxesLegendBothSeriesAndTheTarget() {
        var grid = CellGrid(width: 120, height: 30)
        screen(state: .finished("done")).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        let text = grid.text
        // The verdict shows once, under the header, not also in the state.
        #expect(grid.line(0).hasPrefix("mini: relu vs tanh  finished "))
        // relu crosses 25% at its 4th point (step 40), tanh at its 7th (step 70): 70/40 = 1.75.
        #expect(grid.line(1).hasPrefix("ReLU reached 25% in 40 steps, tanh in 70: ReLU was 1.8× faster here"))
        #expect(grid.line(2).hasPrefix("Paper (CIFAR-10): ReLU 6× faster than tanh; ReLU won here too. w: why"))
        #expect(text.contains("● relu") && text.contains("● tanh") && text.contains("╌ 25% target"))
        #expect(text.contains("Training error"))
        #expect(grid.find("└───") != nil && grid.find("step") != nil)
        // Both series are drawn, each in its own colour.
        let colours = Set(grid.cells.filter { (0x2801...0x28FF).contains($0.character.value) }.map(\.fg))
        #expect(colours == [.brightGreen, .brightRed])
        // The explanation panel is there at this width, titled by the outcome.
        #expect(text.contains("Why ReLU won here"))
    }

    @Test func whileRunningItReportsProgressNotAConclusion() {
        var grid = CellGrid(width: 100, height: 24)
        screen(state: .running).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.line(1).hasPrefix("relu reached 25% at step 40 · tanh reached 25% at step 70 (target 25%)"))
        #expect(!grid.text.contains("never"))
    }

    @Test func withoutColourTheSeriesUseMarks() {
        var grid = CellGrid(width: 100, height: 24)
        screen(state: .paused).render(into: &grid, area: grid.bounds, theme: Theme(.monochrome))
        let text = grid.text
        #expect(text.contains("* relu") && text.contains("+ tanh"))
        #expect(grid.cells.allSatisfy { $0.fg == .default && $0.bg == .default })
    }
}

@Suite struct TrainingScreenTests {
    @Test func snapshotShowsStatsChartsAndFilters() {
        let filters = FilterSet(layer: "conv1", weights: Tensor(shape: [2, 1, 2, 2], data: [1, -1, 0.5, 0, -0.5, 0.25, 1, -1]),
                                provenance: .trained(checkpoint: "training now", detail: "step 120"))
        let points = (1...12).map { ChartPoint(x: Double($0 * 10), y: 2.3 / Double($0)) }
        var s = TrainingScreen(description: "mini on Fashion-MNIST")
        s.show(TrainingSnapshot(state: .running, step: 120, epoch: 0.13, totalSteps: 2_814, loss: points,
                                trainError: points.map { ChartPoint(x: $0.x, y: $0.y / 3) },
                                testError: [ChartPoint(x: 120, y: 0.2)], imagesPerSecond: 987.6, learningRate: 0.02,
                                filters: filters, message: nil))
        var grid = CellGrid(width: 120, height: 36)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.line(0).hasPrefix("mini on Fashion-MNIST  training"))
        #expect(grid.line(1).hasPrefix("step 120 of 2,814 · epoch 0.13 · 988 images/s · lr 0.02 · loss 0.192 · train error 6.4% · test error 20.0%"))
        let text = grid.text
        #expect(text.contains("Loss (cross-entropy)") && text.contains("Error rate"))
        #expect(text.contains("● train") && text.contains("● test"))
        #expect(text.contains("conv1 as it learns"))
        #expect(text.contains("▀"))
    }

    @Test func chartAxesEndAtTheHeadersStep() {
        // Points every 10 steps up to 130, the run at step 143: the x axes end at 143, as the header says.
        let points = (1...13).map { ChartPoint(x: Double($0 * 10), y: 2.3 / Double($0)) }
        var s = TrainingScreen(description: "mini on Fashion-MNIST")
        s.show(TrainingSnapshot(state: .running, step: 143, epoch: 0.15, totalSteps: 2_814, loss: points, trainError: points))
        var grid = CellGrid(width: 80, height: 30)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.line(1).hasPrefix("step 143 of 2,814"))
        let axisLabels = (0..<grid.height).map { grid.line($0) }.filter { $0.contains("step") && $0.hasSuffix("143") }
        #expect(axisLabels.count == 2, "\(grid.text)")
        #expect(!grid.text.contains("130\n"))
    }

    @Test func spaceAndSAreRequestsForTheApp() {
        var s = TrainingScreen(description: "mini")
        #expect(s.update(" ") == [.training(.toggleRunning)])
        #expect(s.update("s") == [.training(.save)])
        #expect(s.update("r") == [.training(.reset)])
        #expect(s.update("x").isEmpty)
    }
}

@Suite struct FeatureMapsScreenTests {
    static func features() -> FeatureSet {
        // Two layers of a 1×4×4 input: 3 maps of 4×4 (means 3.75, 7.5, 15: channel 2 the most active), then 3 of 2×2.
        let a = Tensor(shape: [3, 4, 4], data: (0..<48).map { Float($0 % 16) * ($0 >= 32 ? 2 : ($0 >= 16 ? 1 : 0.5)) })
        let b = Tensor(shape: [3, 2, 2], data: (0..<12).map { Float($0) })
        return FeatureSet(input: Tensor(shape: [1, 4, 4], data: (0..<16).map(Float.init)), inputName: "test image 7 (Bag)",
                          layers: [("conv1", a), ("pool1", b)], probabilities: [0.1, 0.7, 0.2],
                          classNames: ["Coat", "Bag", "Shirt"])
    }

    @Test func showsLayerInputAndPrediction() {
        var grid = CellGrid(width: 100, height: 30)
        FeatureMapsScreen(features: Self.features()).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.line(0).hasPrefix("conv1 3 maps of 4×4  ·  input: test image 7 (Bag)"))
        let text = grid.text
        #expect(text.contains("Prediction"))
        #expect(text.contains("70.0% Bag") && text.contains("20.0% Shirt") && text.contains("10.0% Coat"))
        #expect(text.range(of: "70.0% Bag")!.lowerBound < text.range(of: "20.0% Shirt")!.lowerBound)
    }

    @Test func keysMoveLayersSortAndAskForInputs() {
        var s = FeatureMapsScreen(features: Self.features())
        #expect(FeatureSet.mostActive(Self.features().layers[0].maps) == [2, 1, 0])
        s.update("t")
        #expect(s.order == [2, 1, 0])
        s.update("]")
        var grid = CellGrid(width: 100, height: 30)
        s.render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.line(0).hasPrefix("pool1 3 maps of 2×2"))
        #expect(s.update("n") == [.featureInput(step: 1)])
        #expect(s.update("p") == [.featureInput(step: -1)])
    }
}

/// The Features screen says which weights made the prediction, so untrained noise is not read as a result.
@Suite struct FeatureMapsWeightsNoteTests {
    @Test func predictionNamesItsWeights() {
        var set = FeatureMapsScreenTests.features()
        var grid = CellGrid(width: 100, height: 30)
        FeatureMapsScreen(features: set).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(!grid.text.contains("Prediction (") && grid.text.contains("Prediction"))
        set.weights = "untrained"
        grid = CellGrid(width: 100, height: 30)
        FeatureMapsScreen(features: set).render(into: &grid, area: grid.bounds, theme: Theme(.standard))
        #expect(grid.text.contains("Prediction (untrained)"))
    }
}
