import AlexNetCore
import ExplorerUI
import Foundation

/// The explorer's two background jobs: training the engine network (Training screen) and the ReLU-vs-tanh
/// comparison (screen 6). Each is created on first use; data loads on the worker thread, so the UI never
/// waits for it. Training starts from the app's initial weights when it trains the explored network, and
/// its snapshots carry every weight a few times a second, so the other screens can follow it live.
final class TrainingWorkers {
    let spec: NetworkSpec
    let dataDirectory: String
    /// What `dataDirectory` holds (Fashion-MNIST, CIFAR-10 or a folder), decided once.
    let source: DataSource
    let limit: Int?
    /// The weights a new run starts from (a checkpoint given with --weights); nil: seeded initialisation.
    /// Set after `init` when the explorer made them in the background (before any run starts).
    var initialTensors: [String: Tensor]?
    /// The file those weights came from, for the live provenance ("… step 40 from alexnet-mini.safetensors").
    let initialFile: String?
    /// How runs train (`TrainingRecipe`: `alexnet train`'s defaults, or a lesson's `recipe:`): 3 epochs, the
    /// step schedule (ε/10 in epoch 3), batch 64, seed 1.
    let recipe: TrainingRecipe
    var batchSize: Int { TrainingRecipe.defaultBatchSize }
    var learningRate: Double { recipe.rate }
    var epochs: Int { TrainingRecipe.defaultEpochs }
    /// The test error on a subset, often: 1,000 images take well under a second, so the curve starts
    /// after the first 50 steps instead of after an epoch (the full 10,000 would add about 10% to training).
    let testImages = 1_000
    let testEvery = 50
    /// Screen 6's targets: the paper's 25% first (the verdict's), then harder ones, so a run that goes on
    /// past 25% shows how the ratio changes with the target.
    let targets = [0.25, 0.15, 0.10]
    var target: Double { targets[0] }
    private var training: SteppingWorker<TrainingSnapshot>?
    private var comparison: SteppingWorker<ComparisonSnapshot>?
    /// The step budget the current comparison worker was made with.
    private var comparisonRunBudget: Int?

    struct ComparisonSnapshot: Sendable {
        var summary: ComparisonSummary
        var state: TrainingSnapshot.State
    }

    /// What the training screen trains on (a folder of images with `--data DIR`, else Fashion-MNIST).
    let data: EngineData
    /// Wakes the UI loop whenever a worker posts a snapshot.
    let wake: @Sendable () -> Void

    init(spec: NetworkSpec, dataDirectory: String, limit: Int?, data: EngineData = .fashionMNIST,
         recipe: TrainingRecipe = TrainingRecipe(), initialTensors: [String: Tensor]? = nil, initialFile: String? = nil,
         wake: @escaping @Sendable () -> Void = {}) {
        self.spec = spec; self.dataDirectory = dataDirectory; self.limit = limit; self.data = data
        source = DataSource(directory: dataDirectory)
        compareSource = data == .fashionMNIST || data == .cifar10 ? source : .fashionMNIST(directory: FashionMNIST.defaultDirectory)
        compareSpec = compareSource.spec(for: .figure1)
        self.recipe = recipe; self.wake = wake
        self.initialTensors = initialTensors.flatMap { $0.isEmpty ? nil : $0 }
        self.initialFile = self.initialTensors == nil ? nil : initialFile
    }

    /// What `--data DIR` gives the training screen: a folder's name and class count (read from its layout, which
    /// is cheap: the images are decoded when training starts), else Fashion-MNIST.
    static func engineData(_ directory: String) -> EngineData {
        guard case .imageFolder(let root)? = try? DataSource.resolve(directory),
              let split = try? ImageFolderSplit.read(root, seed: 1) else {
            return DataSource(directory: directory).isCIFAR10 ? .cifar10 : .fashionMNIST
        }
        return EngineData(name: "folder \((root as NSString).lastPathComponent)", classes: split.classNames.count, fixedInput: nil)
    }

    /// The folder holds images: the training screen trains on them (the comparison stays on Fashion-MNIST).
    var trainsOnFolder: Bool { data != .fashionMNIST && data != .cifar10 }

    /// What screen 6 compares on: the data when it is Fashion-MNIST or CIFAR-10, else Fashion-MNIST's default
    /// directory (a folder's classes and sizes do not fit the Figure 1 protocol).
    let compareSource: DataSource

    var dataProblem: String? {
        if trainsOnFolder {
            do { _ = try ImageFolderSplit.read(try DataSource.resolve(dataDirectory).root, seed: 1); return nil } catch {
                return "\(error)"
            }
        }
        if source.isCIFAR10 {
            let file = (source.directory as NSString).appendingPathComponent(CIFAR10.trainFiles[0])
            return FileManager.default.fileExists(atPath: file) ? nil
                : "CIFAR-10's \(CIFAR10.trainFiles[0]) is not in \(source.directory): \(CIFAR10.downloadHint)"
        }
        let file = (dataDirectory as NSString).appendingPathComponent(FashionMNIST.Split.train.imagesFile + ".gz")
        return FileManager.default.fileExists(atPath: file) ? nil
            : "Fashion-MNIST is not in \(dataDirectory): \(FashionMNIST.installHint)"
    }
    var dataAvailable: Bool { dataProblem == nil }

    // Screen 6 runs the paper's Figure 1 protocol on the `figure1` network (for the data: 28×28×1 or
    // CIFAR-10's 32×32×3) whatever is explored, with each activation's learning rate as
    // `compare --preset figure1 --lr auto` picked it on Fashion-MNIST (seed 1), no weight decay and no
    // augmentation, and stops each run after `compareBudget` steps (or at the last target), so that a
    // verdict comes within a minute or two on two cores.
    let compareSpec: NetworkSpec
    let compareRates: [(Activation, Double)] = [(.relu, 0.005), (.tanh, 0.02)]
    let compareBudget = 200
    var compareDescription: String {
        // The step budget is not part of it: a lesson's `experiment: N` runs another; the screen shows the run's own.
        "\(compareSpec.name)\(compareSource.isCIFAR10 ? " on CIFAR-10" : ""), lr " + compareRates.map { "\($0.0.rawValue) \(NumberText.shortDecimal($0.1))" }.joined(separator: "/")
    }

    var checkpointPath: String { "alexnet-\(spec.name).safetensors" }

    /// The training screen's header after the network's name.
    var trainingDescription: String {
        let drop = LearningRateSchedule.stepEpoch(epochs: epochs)
        let held = trainsOnFolder ? "validation error on up to \(NumberText.grouped(testImages)) held-out images"
            : "test error on the first \(NumberText.grouped(testImages)) test images"
        return "batch \(batchSize), lr \(NumberText.shortDecimal(learningRate)), ÷10 from epoch \(drop + 1) of \(epochs); "
            + "\(held) every \(testEvery) steps"
    }

    /// The recipe's options for `spec`, with the screen's test subset.
    private func options(for spec: NetworkSpec, epochs: Int) -> TrainingOptions {
        recipe.options(for: spec, epochs: epochs, limit: limit, testLimit: testImages)
    }

    // MARK: - Training screen

    func handle(_ request: TrainingRequest) {
        guard dataAvailable else { return }
        if request == .reset {
            // The run is forgotten; the next start begins again from the initial weights.
            training?.stop()
            training = nil
            return
        }
        if request == .pause { training?.pause(); return }
        let worker = training ?? makeTrainingWorker()
        switch request {
        case .toggleRunning: worker.toggleRunning()
        case .save: worker.requestSave()
        case .steps(let n): worker.run(steps: n)
        case .reset, .pause: break
        }
    }

    func trainingSnapshot() -> TrainingSnapshot? { training?.takeSnapshot() }

    private func makeTrainingWorker() -> SteppingWorker<TrainingSnapshot> {
        let state = TrainingState(from: initialFile)
        let (spec, source, limit, path, initial, folder) = (self.spec, self.source, self.limit, checkpointPath, initialTensors, trainsOnFolder)
        var options = self.options(for: spec, epochs: epochs)
        options.testEvery = testEvery
        let worker = SteppingWorker<TrainingSnapshot>(
            wake: wake,
            step: {
                let run = try state.run ?? {
                    let net = try Network(spec: spec, initialization: options.initialization, seed: options.seed,
                                          memory: MemoryBudget(batch: options.batchSize, training: true))
                    if let initial { try net.load(initial, source: "the initial weights") }
                    let r: TrainingRun
                    if folder {
                        // Decoded here, on the worker thread: the screen says "loading" meanwhile.
                        var request = DataSource.Request(input: spec.input)
                        request.limit = limit; request.testLimit = options.testLimit
                        let loaded = try source.load(request)
                        r = try TrainingRun(network: net, train: loaded.train!, test: loaded.test, options: options)
                    } else {
                        r = try TrainingRun(network: net, train: try source.load(.train, limit: limit),
                                            test: try source.load(.test, limit: options.testLimit),
                                            options: options)
                    }
                    state.run = r
                    return r
                }()
                state.record(try run.step())
                return run.isFinished ? .finished("\(options.epochs) epochs done") : .continuing
            },
            snapshot: { running, message, failure, budget in
                state.snapshot(running: running, message: message, failure: failure, budget: budget)
            },
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
        init(from file: String?) { from = file }
        /// The checkpoint the run started from, if any.
        let from: String?
        var run: TrainingRun?
        var loss: [ChartPoint] = [], trainError: [ChartPoint] = [], testError: [ChartPoint] = []
        var last: TrainingProgress?
        var lastCopy = ContinuousClock.now - .seconds(10)
        var weights: NetworkWeights?
        var message: String?
        /// The bounded run in progress or last finished (a lesson's `train: N`).
        var goal: (from: Int, to: Int)?

        func record(_ p: TrainingProgress) {
            last = p
            let every = max(1, p.stepsPerEpoch / 150)
            if p.step % every == 0 {
                loss.append(ChartPoint(x: Double(p.step), y: p.loss))
                trainError.append(ChartPoint(x: Double(p.step), y: p.trainError))
            }
            if let t = p.testError { testError.append(ChartPoint(x: Double(p.step), y: t)) }
            if p.learningRateDropped {
                message = "step schedule: learning rate ÷10 → \(NumberText.shortDecimal(p.learningRate)) for epoch \(p.epochIndex + 2)"
            }
        }

        func snapshot(running: Bool, message: String?, failure: String?, budget: (left: Int, total: Int)?) -> TrainingSnapshot {
            if let message { self.message = message }
            let step = last?.step ?? 0
            if let budget {
                let from = step - (budget.total - budget.left)
                goal = (from, from + budget.total)
            } else if running {
                goal = nil
            }
            // Every weight, copied a few times a second (and whenever training stops), for the screens
            // that follow the run live; the copy is the snapshot's own, so the UI never sees a half step.
            if let run, ContinuousClock.now - lastCopy > .milliseconds(200) || !running {
                let tensors = ExplorerRuntime.tensors(of: run.network)
                let provenance = WeightProvenance.live(network: run.network.spec.name, step: run.trainer.step, from: from)
                weights = NetworkWeights(tensors: tensors,
                                         filters: .firstConv(of: run.network, provenance: provenance),
                                         provenance: provenance)
                lastCopy = .now
            }
            let state: TrainingSnapshot.State = failure.map { .failed($0) } ?? (running ? .running : (last == nil ? .idle : .paused))
            // The curves keep about 150 points an epoch; the snapshot's end at the step it reports, so the header's
            // and a lesson's "loss after N steps" are that step's, as plain mode prints them.
            var (loss, trainError) = (self.loss, self.trainError)
            if let last, loss.last?.x != Double(last.step) {
                loss.append(ChartPoint(x: Double(last.step), y: last.loss))
                trainError.append(ChartPoint(x: Double(last.step), y: last.trainError))
            }
            return TrainingSnapshot(state: state, step: step, epoch: last?.epoch ?? 0, totalSteps: run?.totalSteps,
                                    loss: loss, trainError: trainError, testError: testError,
                                    imagesPerSecond: last?.imagesPerSecond ?? 0, learningRate: last?.learningRate ?? 0,
                                    weights: weights, goal: goal, message: self.message)
        }
    }

    // MARK: - ReLU vs tanh screen

    func handleCompare(_ request: TrainingRequest) {
        guard dataAvailable else { return }
        switch request {
        case .toggleRunning: (comparison ?? makeComparisonWorker(budget: compareBudget)).toggleRunning()
        // A lesson's `experiment: N`: the comparison with budget N, started afresh unless the current
        // one has that budget already (then it goes on, or is finished and its result stands).
        case .steps(let n):
            if comparison == nil || comparisonRunBudget != n {
                comparison?.stop()
                comparison = nil
                _ = makeComparisonWorker(budget: n)
            }
            // One worker step advances both runs by one; the worker ends itself once both are done.
            comparison?.run(steps: n + 1)
        case .pause: comparison?.pause()
        case .save, .reset: break
        }
    }

    func compareSnapshot() -> (ComparisonSummary, TrainingSnapshot.State)? {
        comparison?.takeSnapshot().map { ($0.summary, $0.state) }
    }

    /// Builds screen 6's comparison with at most `budget` steps per run: the worker below and a plain
    /// lesson's `experiment:` step run the very same protocol. Loading the data happens in the call.
    func comparisonMaker(budget: Int) -> () throws -> ActivationComparison {
        let (spec, source, limit, targets, rates, batch) = (compareSpec, compareSource, self.limit, self.targets, compareRates, batchSize)
        var options = TrainingRecipe().options(for: spec, epochs: 1, limit: limit, testLimit: testImages)
        options.augment = false
        options.schedule = .constant
        return {
            let train = try source.load(.train, limit: limit)
            // Enough epochs for the budget, from the images actually there (one epoch of Fashion-MNIST's 60,000
            // is 937 steps of 64; a small or limited set needs more epochs).
            var own = options
            own.epochs = max(1, Int((Double(budget * batch) / Double(max(1, train.count))).rounded(.up)))
            return try ActivationComparison(spec: spec, activations: rates.map(\.0), train: train,
                                            test: nil, options: own, targets: targets, recordEvery: 8,
                                            learningRates: rates.map(\.1), weightDecay: 0, maxSteps: budget)
        }
    }

    private func makeComparisonWorker(budget: Int) -> SteppingWorker<ComparisonSnapshot> {
        let holder = ComparisonHolder()
        let (targets, rates) = (self.targets, compareRates)
        let make = comparisonMaker(budget: budget)
        comparisonRunBudget = budget
        let empty = ComparisonSummary(targets: targets, curves: rates.map { TrainingCurve(activation: $0.0, learningRate: $0.1) },
                                      maxSteps: budget, dataset: compareSource.name)
        let worker = SteppingWorker<ComparisonSnapshot>(
            wake: wake,
            step: {
                let c = try holder.comparison ?? {
                    let c = try make()
                    holder.comparison = c
                    return c
                }()
                try c.step()
                return c.isFinished ? .finished(c.summary.resultLine) : .continuing
            },
            snapshot: { running, message, failure, _ in
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
