import AlexNetCore
import ExplorerUI
import Foundation
import Lessons

/// Runs a lesson's `train N` steps for real on Fashion-MNIST in plain mode, keeping the run between steps
/// so a lesson can train, talk, and train on. Like the explorer, it trains the step's network when that
/// network reads Fashion-MNIST as it is, and otherwise `mini`, saying why; the run follows the lesson's
/// `TrainingRecipe`, and a step that changes the run's identity (network or recipe) starts a fresh one,
/// exactly as the full-screen lesson does.
public final class LessonTraining {
    private var run: TrainingRun?
    /// What the current run belongs to.
    private var identity: LessonContext.RunIdentity?
    private let directory: String
    private let limit: Int?

    /// `limit`: train on the first N images only (tests).
    public init(directory: String = FashionMNIST.defaultDirectory, limit: Int? = nil) { self.directory = directory; self.limit = limit }

    /// Throws when training cannot run (no data): the plain runner prints it with the step's file:line.
    public func train(_ context: LessonContext, steps: Int) throws -> [String] {
        let engine = TrainingRecipe.engine(for: context.report.network)
        var lines = engine.why.map { ["(\($0); training runs \(engine.label))"] } ?? []
        if context.runIdentity != identity { run = nil }
        let run = try self.run ?? start(engine.spec, recipe: context.recipe)
        self.run = run; identity = context.runIdentity
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
        let train = try FashionMNIST.load(.train, directory: directory, limit: limit)
        let options = recipe.options(for: spec, limit: limit)
        let network = try Network(spec: spec, initialization: options.initialization, seed: options.seed,
                                  memory: MemoryBudget(batch: options.batchSize, training: true))
        return try TrainingRun(network: network, train: train, test: nil, options: options)
    }
}
