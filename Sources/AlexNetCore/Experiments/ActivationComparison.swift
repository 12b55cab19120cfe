/// The paper's Figure 1 experiment on this program's own network and data: the same network trained once
/// per activation, from identical initial weights (the same seed gives the same draws, since swapping an
/// activation changes no parameter) and on identical batches (data order, crops, flips and dropout masks
/// depend only on the seed), interleaved step by step so a live chart advances both curves together.
public final class ActivationComparison {
    /// The targets, easiest (highest error) first; the first is the headline one (the learning-rate
    /// search's, the result line's). A point is recorded at each run's first crossing of each.
    public let targets: [Double]
    public var target: Double { targets[0] }
    public let runs: [(activation: Activation, run: TrainingRun)]
    /// A point is recorded every `recordEvery` steps (and at each run's last step).
    public let recordEvery: Int
    /// Stop a run once it reaches the last (hardest) target (the question is "how many steps to get there").
    public let stopAtTarget: Bool
    public private(set) var curves: [TrainingCurve]
    private var seconds: [Double]
    private let measureLayers: Bool
    /// A run also stops after this many steps (a budget, so that the explorer reaches a verdict in time).
    public let maxSteps: Int?

    private func done(_ i: Int) -> Bool {
        let run = runs[i].run
        return run.isFinished || (stopAtTarget && curves[i].firstPoint(reaching: targets[targets.count - 1]) != nil)
            || (maxSteps.map { run.trainer.step >= $0 } ?? false)
    }

    /// `learningRates`, when given, holds one rate per activation (the paper tuned each separately);
    /// otherwise every run uses `options.learningRate`. `weightDecay`, when given, replaces the optimiser's
    /// default (the paper's 0.0005); 0 turns it off. With `measureLayers`, every recorded point also
    /// carries each learned layer's saturation and relative gradient size.
    public init(spec: NetworkSpec, activations: [Activation], train: any LabeledImages, test: (any LabeledImages)?,
                options: TrainingOptions, targets: [Double], recordEvery: Int, stopAtTarget: Bool = true,
                memoryLimit: MemoryLimit = .machine, learningRates: [Double]? = nil, weightDecay: Double? = nil,
                measureLayers: Bool = true, maxSteps: Int? = nil) throws {
        precondition(!activations.isEmpty)
        precondition(!targets.isEmpty, "at least one target")
        precondition(learningRates == nil || learningRates!.count == activations.count, "one learning rate per activation")
        self.measureLayers = measureLayers
        self.maxSteps = maxSteps
        self.targets = Array(Set(targets)).sorted(by: >)
        self.recordEvery = max(1, recordEvery)
        self.stopAtTarget = stopAtTarget
        // The runs train side by side, so each gets its share of the memory.
        let share = MemoryLimit(bytes: memoryLimit.bytes / activations.count,
                                source: activations.count == 1 ? memoryLimit.source : "a 1/\(activations.count) share of \(memoryLimit.source)")
        let rates = learningRates ?? activations.map { _ in options.learningRate }
        runs = try zip(activations, rates).map { a, lr in
            let network = try Network(spec: spec.replacingActivations(with: a), initialization: options.initialization,
                                      seed: options.seed, memory: MemoryBudget(batch: options.batchSize, training: true, limit: share))
            var own = options
            own.learningRate = lr
            let run = try TrainingRun(network: network, train: train, test: test, options: own)
            if let weightDecay { run.trainer.optimizer.weightDecay = weightDecay }
            return (a, run)
        }
        curves = zip(activations, rates).map { TrainingCurve(activation: $0, learningRate: $1, seed: options.seed) }
        seconds = activations.map { _ in 0 }
    }

    public var summary: ComparisonSummary { ComparisonSummary(targets: targets, curves: curves, maxSteps: maxSteps,
                                                                      dataset: runs[0].run.train.classSource) }

    /// Every run has reached the target, or used up its epochs.
    public var isFinished: Bool {
        runs.indices.allSatisfy(done)
    }

    /// Advances each unfinished run by one step. A run that diverges throws; the others keep their curves.
    public func step() throws(TrainingError) {
        for i in runs.indices {
            let run = runs[i].run
            guard !done(i) else { continue }
            let start = ContinuousClock.now
            let p = try run.step()
            let d = ContinuousClock.now - start
            seconds[i] += d / .seconds(1)
            let firstCrossing = targets.contains { p.trainError <= $0 && curves[i].firstPoint(reaching: $0) == nil }
            if p.step % recordEvery == 0 || run.isFinished || firstCrossing || p.step == maxSteps {
                curves[i].points.append(CurvePoint(step: p.step, epoch: p.epoch, loss: p.loss, trainError: p.trainError,
                                                   layers: measureLayers ? run.network.layerMeasures() : []))
            }
            curves[i].seconds = seconds[i]
        }
    }
}
