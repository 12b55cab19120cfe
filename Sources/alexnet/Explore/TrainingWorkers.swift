import AlexNetCore
import ExplorerUI
import Foundation

/// The explorer's two background jobs: training one network (Training screen) and the ReLU-vs-tanh
/// comparison (screen 6). Each is created on first use; data loads on the worker thread, so the UI never
/// waits for it.
final class TrainingWorkers {
    let spec: NetworkSpec
    let dataDirectory: String
    let limit: Int?
    let batchSize = 64
    let learningRate = 0.02
    let target = 0.25
    private var training: SteppingWorker<TrainingSnapshot>?
    private var comparison: SteppingWorker<ComparisonSnapshot>?

    struct ComparisonSnapshot: Sendable {
        var summary: ComparisonSummary
        var state: TrainingSnapshot.State
    }

    init(spec: NetworkSpec, dataDirectory: String, limit: Int?) {
        self.spec = spec; self.dataDirectory = dataDirectory; self.limit = limit
    }

    /// Networks that take Fashion-MNIST as it is: one channel, at most 28×28, ten classes.
    static func trainable(_ spec: NetworkSpec) -> Bool {
        guard let r = try? spec.shapeReport() else { return false }
        return spec.input.channels == 1 && spec.input.height <= FashionMNIST.side && spec.input.width <= FashionMNIST.side
            && r.output.count == FashionMNIST.classNames.count
    }

    var dataProblem: String? {
        let file = (dataDirectory as NSString).appendingPathComponent(FashionMNIST.Split.train.imagesFile + ".gz")
        return FileManager.default.fileExists(atPath: file) ? nil
            : "Fashion-MNIST is not in \(dataDirectory): \(FashionMNIST.installHint)"
    }
    var dataAvailable: Bool { dataProblem == nil }

    var trainingDescription: String {
        "\(spec.name) on Fashion-MNIST, batch \(batchSize), lr \(learningRate)"
    }
    // Screen 6 runs the paper's Figure 1 protocol on the `figure1` network whatever is explored, with
    // each activation's learning rate as `compare --preset figure1 --lr auto` picked it (seed 1), no
    // weight decay and no augmentation, and stops each run after `compareBudget` steps, so that a verdict
    // comes within a minute on two cores.
    let compareSpec = Preset.figure1.spec
    let compareRates: [(Activation, Double)] = [(.relu, 0.005), (.tanh, 0.02)]
    let compareBudget = 200
    var compareDescription: String {
        "\(compareSpec.name), lr " + compareRates.map { "\($0.0.rawValue) \(NumberText.shortDecimal($0.1))" }.joined(separator: "/")
            + ", ≤\(compareBudget) steps"
    }

    var checkpointPath: String { "alexnet-\(spec.name).safetensors" }

    private func options(_ initialization: Initialization, epochs: Int) -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate, seed: 1, limit: limit,
                        testLimit: 2_000, initialization: initialization)
    }

    // MARK: - Training screen

    func handle(_ request: TrainingRequest) {
        guard dataAvailable else { return }
        let worker = training ?? makeTrainingWorker()
        switch request {
        case .toggleRunning: worker.toggleRunning()
        case .save: worker.requestSave()
        }
    }

    func trainingSnapshot() -> TrainingSnapshot? { training?.takeSnapshot() }

    private func makeTrainingWorker() -> SteppingWorker<TrainingSnapshot> {
        let state = TrainingState()
        let (spec, dir, limit, path) = (self.spec, dataDirectory, self.limit, checkpointPath)
        let options = self.options(Initialization.default(for: Preset(rawValue: spec.name)), epochs: 10)
        let worker = SteppingWorker<TrainingSnapshot>(
            step: {
                let run = try state.run ?? {
                    let net = try Network(spec: spec, initialization: options.initialization, seed: options.seed,
                                          memory: MemoryBudget(batch: options.batchSize, training: true))
                    let r = try TrainingRun(network: net, train: try FashionMNIST.load(.train, directory: dir, limit: limit),
                                            test: try FashionMNIST.load(.test, directory: dir, limit: options.testLimit),
                                            options: options)
                    state.run = r
                    return r
                }()
                state.record(try run.step())
                return run.isFinished ? .finished("\(options.epochs) epochs done") : .continuing
            },
            snapshot: { running, message, failure in state.snapshot(running: running, message: message, failure: failure) },
            save: {
                guard let run = state.run else { throw SaveError.nothingYet }
                try run.checkpoint(activation: .relu).save(to: path)
                return path
            })
        worker.start()
        training = worker
        return worker
    }

    enum SaveError: Error, CustomStringConvertible {
        case nothingYet
        var description: String { "nothing trained yet" }
    }

    /// The trainer's curves, only ever touched on the worker thread.
    final class TrainingState {
        var run: TrainingRun?
        var loss: [ChartPoint] = [], trainError: [ChartPoint] = [], testError: [ChartPoint] = []
        var last: TrainingProgress?
        var lastFilters = ContinuousClock.now - .seconds(10)
        var filters: FilterSet?
        var message: String?

        func record(_ p: TrainingProgress) {
            last = p
            let every = max(1, p.stepsPerEpoch / 150)
            if p.step % every == 0 {
                loss.append(ChartPoint(x: Double(p.step), y: p.loss))
                trainError.append(ChartPoint(x: Double(p.step), y: p.trainError))
            }
            if let t = p.testError { testError.append(ChartPoint(x: Double(p.step), y: t)) }
            if p.learningRateDropped { message = "test error stopped improving: learning rate ÷10 → \(p.learningRate)" }
        }

        func snapshot(running: Bool, message: String?, failure: String?) -> TrainingSnapshot {
            if let message { self.message = message }
            if let run, ContinuousClock.now - lastFilters > .milliseconds(500) || !running {
                filters = run.network.firstConvWeights.map {
                    FilterSet(layer: $0.layer, weights: $0.weights,
                              provenance: .trained(checkpoint: "training now", detail: "step \(NumberText.grouped(run.trainer.step))"))
                }
                lastFilters = .now
            }
            let state: TrainingSnapshot.State = failure.map { .failed($0) } ?? (running ? .running : (last == nil ? .idle : .paused))
            return TrainingSnapshot(state: state, step: last?.step ?? 0, epoch: last?.epoch ?? 0, totalSteps: run?.totalSteps,
                                    loss: loss, trainError: trainError, testError: testError,
                                    imagesPerSecond: last?.imagesPerSecond ?? 0, learningRate: last?.learningRate ?? 0,
                                    filters: filters, message: self.message)
        }
    }

    // MARK: - ReLU vs tanh screen

    func handleCompare(_ request: TrainingRequest) {
        guard dataAvailable, request == .toggleRunning else { return }
        (comparison ?? makeComparisonWorker()).toggleRunning()
    }

    func compareSnapshot() -> (ComparisonSummary, TrainingSnapshot.State)? {
        comparison?.takeSnapshot().map { ($0.summary, $0.state) }
    }

    private func makeComparisonWorker() -> SteppingWorker<ComparisonSnapshot> {
        let holder = ComparisonHolder()
        let (spec, dir, limit, target, rates, budget) = (compareSpec, dataDirectory, self.limit, self.target, compareRates, compareBudget)
        var options = self.options(Initialization.default(for: .figure1), epochs: 1)
        options.augment = false
        let empty = ComparisonSummary(target: target, curves: rates.map { TrainingCurve(activation: $0.0, learningRate: $0.1) })
        let worker = SteppingWorker<ComparisonSnapshot>(
            step: {
                let c = try holder.comparison ?? {
                    let c = try ActivationComparison(spec: spec, activations: rates.map(\.0),
                                                     train: try FashionMNIST.load(.train, directory: dir, limit: limit),
                                                     test: nil, options: options, target: target, recordEvery: 8,
                                                     learningRates: rates.map(\.1), weightDecay: 0, maxSteps: budget)
                    holder.comparison = c
                    return c
                }()
                try c.step()
                return c.isFinished ? .finished(c.summary.resultLine) : .continuing
            },
            snapshot: { running, message, failure in
                let state: TrainingSnapshot.State = failure.map { .failed($0) }
                    ?? message.map { .finished($0) } ?? (running ? .running : (holder.comparison == nil ? .idle : .paused))
                return ComparisonSnapshot(summary: holder.comparison?.summary ?? empty, state: state)
            })
        worker.start()
        comparison = worker
        return worker
    }

    final class ComparisonHolder {
        var comparison: ActivationComparison?
    }

    func stop() {
        training?.stop()
        comparison?.stop()
    }
}
