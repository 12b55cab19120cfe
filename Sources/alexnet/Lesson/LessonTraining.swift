import AlexNetCore
import ExplorerUI
import Foundation
import Lessons

/// Runs a lesson's `train N` steps for real on Fashion-MNIST in plain mode, keeping the run between steps
/// so a lesson can train, talk, and train on. Like the explorer, it trains the step's network when that
/// network reads Fashion-MNIST as it is, and otherwise `mini`, saying why.
final class LessonTraining {
    private var run: TrainingRun?
    /// The recipe the current run was started with: a lesson's `recipe:` step starts a fresh one.
    private var runRecipe = TrainingRecipe()
    private let directory: String

    init(directory: String = FashionMNIST.defaultDirectory) { self.directory = directory }

    /// Throws when training cannot run (no data): the plain runner prints it with the step's file:line.
    func train(_ context: LessonContext, steps: Int) throws -> [String] {
        let engine = EngineNetwork.for(context.report.network)
        var lines = engine.why.map { ["(\($0); training runs \(engine.label))"] } ?? []
        if context.recipe != runRecipe { self.run = nil }
        let run = try self.run.flatMap { $0.network.spec == engine.spec ? $0 : nil } ?? start(engine.spec, recipe: context.recipe)
        self.run = run; runRecipe = context.recipe
        var last: TrainingProgress?
        for i in 0..<steps {
            last = try run.step()
            if (i + 1) % max(steps / 4, 1) == 0 || i + 1 == steps, let p = last {
                lines.append("  step \(p.step): loss \(NumberText.fixed(p.loss, 3)), training error \(NumberText.percent(p.trainError))")
            }
        }
        return lines
    }

    private func start(_ spec: NetworkSpec, recipe: TrainingRecipe) throws -> TrainingRun {
        let train = try FashionMNIST.load(.train, directory: directory, limit: nil)
        // No fixed length: with 1,000 epochs the default step schedule's ÷10 (from epoch 667) never comes
        // within a lesson, as it does not within the few hundred steps a lesson trains on screen 5.
        var options = TrainingOptions(epochs: 1_000, seed: 1,
                                      initialization: recipe.initialization ?? Initialization.default(for: Preset(rawValue: spec.name)))
        if let lr = recipe.learningRate { options.learningRate = lr }
        let network = try Network(spec: spec, initialization: options.initialization, seed: options.seed,
                                  memory: MemoryBudget(batch: options.batchSize, training: true))
        return try TrainingRun(network: network, train: train, test: nil, options: options)
    }
}
