import AlexNetCore
import Foundation
import Lessons

/// Runs a lesson's `train N` steps for real on Fashion-MNIST, keeping the run between steps so a
/// lesson can train, talk, and train on. Only the small preset fits Fashion-MNIST's 28×28 images.
final class LessonTraining {
    private var run: TrainingRun?
    /// The recipe the current run was started with: a lesson's `recipe:` step starts a fresh one.
    private var runRecipe = TrainingRecipe()
    private let directory: String

    init(directory: String = FashionMNIST.defaultDirectory) { self.directory = directory }

    /// Throws when training cannot run (no data): the plain runner prints it with the step's file:line.
    func train(_ context: LessonContext, steps: Int) throws -> [String] {
        guard context.preset == .mini else {
            return ["(\(context.preset.rawValue) needs ImageNet-sized images; only the mini preset trains here, on Fashion-MNIST)"]
        }
        if context.recipe != runRecipe { self.run = nil }
        let run = try self.run ?? start(context)
        self.run = run; runRecipe = context.recipe
        var lines: [String] = []
        var last: TrainingProgress?
        for i in 0..<steps {
            last = try run.step()
            if (i + 1) % max(steps / 4, 1) == 0 || i + 1 == steps, let p = last {
                lines.append("  step \(p.step): loss \(NumberText.fixed(p.loss, 3)), training error \(NumberText.fixed(p.trainError * 100, 1))%")
            }
        }
        return lines
    }

    private func start(_ context: LessonContext) throws -> TrainingRun {
        let train = try FashionMNIST.load(.train, directory: directory, limit: nil)
        var options = TrainingOptions(epochs: 1_000, seed: 1, initialization: context.recipe.initialization ?? Initialization.default(for: .mini))
        if let lr = context.recipe.learningRate { options.learningRate = lr }
        let network = try Network(spec: context.report.network, initialization: options.initialization, seed: options.seed,
                                  memory: MemoryBudget(batch: options.batchSize, training: true))
        return try TrainingRun(network: network, train: train, test: nil, options: options)
    }
}
