/// How one learning rate did in a short trial run.
public struct LearningRateTrial: Sendable, Equatable {
    public var learningRate: Double
    /// Steps to the trial's target error, if it got there within the budget.
    public var stepsToTarget: Int?
    /// Training error over the last window when the trial stopped.
    public var finalError: Double
    /// The run blew up (NaN or infinite loss).
    public var diverged: Bool

    public init(learningRate: Double, stepsToTarget: Int?, finalError: Double, diverged: Bool = false) {
        self.learningRate = learningRate; self.stepsToTarget = stepsToTarget
        self.finalError = finalError; self.diverged = diverged
    }
}

/// The paper chose the learning rate "for each network independently to make training as fast as
/// possible". This does the same on a small grid: every activation tries every rate for a short
/// budget, from the same weights and batches, and keeps its own fastest.
public enum LearningRateSearch {
    /// The grid `compare --lr auto` searches: factors of about 2 around the usual 0.01–0.02.
    public static let defaultGrid: [Double] = [0.005, 0.01, 0.02, 0.05]
    /// Steps each trial may take.
    public static let defaultBudget = 150

    /// Fastest first: fewer steps to the target; among trials that never got there, the lower final
    /// error; a diverged trial never wins. Nil when every trial diverged.
    public static func best(_ trials: [LearningRateTrial]) -> LearningRateTrial? {
        trials.filter { !$0.diverged }.min { a, b in
            switch (a.stepsToTarget, b.stepsToTarget) {
            case let (x?, y?): x != y ? x < y : a.finalError < b.finalError
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.finalError < b.finalError
            }
        }
    }

    /// Runs `trial` for every rate of the grid, once per activation, and picks each activation's best
    /// separately. Returns the picks in the order of `activations`, each with all of its trials.
    /// `trial` gets a step budget: `budget`, or fewer once an earlier rate of the same activation reached
    /// the target (a later rate can only win by getting there sooner, so it need not run longer).
    public static func pick(grid: [Double], activations: [Activation], budget: Int = defaultBudget,
                            trial: (Activation, Double, Int) throws -> LearningRateTrial)
        rethrows -> [(activation: Activation, learningRate: Double?, trials: [LearningRateTrial])] {
        try activations.map { a in
            var trials: [LearningRateTrial] = []
            for lr in grid {
                let fastest = trials.filter { !$0.diverged }.compactMap(\.stepsToTarget).min()
                trials.append(try trial(a, lr, min(budget, fastest ?? budget)))
            }
            return (a, best(trials)?.learningRate, trials)
        }
    }

    /// A trial on real data: `activation` alone, `budget` steps at `learningRate`, stopping at `target`.
    public static func trial(spec: NetworkSpec, activation: Activation, learningRate: Double, train: any LabeledImages,
                             options: TrainingOptions, target: Double, budget: Int, weightDecay: Double?,
                             memoryLimit: MemoryLimit = .machine) throws -> LearningRateTrial {
        var opts = options
        opts.learningRate = learningRate
        let c = try ActivationComparison(spec: spec, activations: [activation], train: train, test: nil, options: opts,
                                         targets: [target], recordEvery: 1, memoryLimit: memoryLimit,
                                         weightDecay: weightDecay, measureLayers: false)
        do {
            while !c.isFinished, (c.curves[0].points.last?.step ?? 0) < budget { try c.step() }
        } catch {
            return LearningRateTrial(learningRate: learningRate, stepsToTarget: nil, finalError: 1, diverged: true)
        }
        let curve = c.curves[0]
        return LearningRateTrial(learningRate: learningRate, stepsToTarget: curve.firstPoint(reaching: target)?.step,
                                 finalError: curve.points.last?.trainError ?? 1)
    }
}
