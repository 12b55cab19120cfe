import AlexNetCore
@testable import alexnet
@testable import AppRuntime
import ExplorerUI
import Foundation
import Testing

/// The training screen says how it trains and measures, in words the runtime writes from the run it
/// starts: `alexnet train`'s defaults (batch 64, lr 0.02, 3 epochs, the step schedule dividing the rate by
/// 10 for the last third, i.e. epoch 3) and the screen's test subset (the first 1,000 test images, every 50
/// steps, docs/explorer.md). The expected words are those documented facts, not the runtime's own text.
@Suite struct TrainingScreenHeaderTests {
    @Test func theTrainingScreenSaysItsScheduleAndTestSubset() throws {
        let workers = TrainingWorkers(spec: Preset.mini.spec, dataDirectory: "/nonexistent", limit: nil)
        // The run the screen starts is the one described.
        #expect(workers.epochs == 3 && workers.testImages == 1_000 && workers.testEvery == 50)
        #expect(LearningRateSchedule.stepEpoch(epochs: 3) == 2, "the step schedule's ÷10 starts at epoch 3 of 3 (index 2)")
        let model = try AppModel(explored: Preset.mini.spec, weights: nil, trainingDescription: workers.trainingDescription)
        var e = Explorer(model: model, capabilities: .standard)
        e.update("5")
        e.resize(width: 80, height: 24)
        var grid = CellGrid(width: 80, height: 24)
        e.render(into: &grid)
        // At 80 columns the header wraps between whole parts: read rows 2–4 as one text.
        let header = (2...4).map { grid.line($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(header.contains("mini, the Fashion-MNIST AlexNet, batch 64, lr 0.02, ÷10 from epoch 3 of 3;"), "\(header)")
        #expect(header.contains("test error on the first 1,000 test images every 50 steps"), "\(header)")
    }
}
