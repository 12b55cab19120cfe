import AppRuntime
import AlexNetCore
import ArgumentParser
import Foundation

extension Activation: ExpressibleByArgument {}
extension Initialization: ExpressibleByArgument {}
extension LearningRateSchedule: ExpressibleByArgument {}

/// Options shared by `train` and `compare`.
struct TrainingArguments: ParsableArguments {
    @Option(help: "Passes over the training set in total, counting those of a --resume checkpoint (1...10000).")
    var epochs: Int = TrainingRecipe.defaultEpochs
    // Optional so that a resumed run can tell an option given from one left out (ResumeRule); the defaults are
    // TrainingRecipe's, the one place they are decided.
    @Option(help: "Images per mini-batch (1...4096; default: 64).") var batch: Int?
    // .unconditional: `--lr -1` is a (wrong) rate, not a missing value followed by an option named -1.
    @Option(parsing: .unconditional, help: "Learning rate ε of the paper's SGD (momentum 0.9, weight decay 0.0005); a positive number (default: 0.02).") var lr: Double?
    @Option(help: "Seed for initialisation, data order, dropout and augmentation (default: 1).") var seed: UInt64?
    @Option(help: "Train on the first N training images only (1 or more).") var limit: Int?
    @Option(name: .customLong("test-limit"), help: "Measure test error on the first N test images only (1 or more).")
    var testLimit: Int?
    @Option(help: "Weight initialisation: paper (Gaussian σ = 0.01, some biases 1) or he (He normal). Default: he for mini and figure1, paper otherwise.")
    var `init`: Initialization?
    @Flag(name: .customLong("no-augment"), help: "Turn off random crops and flips.") var noAugment = false
    @OptionGroup var data: DataOptions
    @Option(help: "Threads for the maths (1...256; default: all cores).") var threads: Int?

    /// What --data holds, decided by its files.
    var source: DataSource { DataSource(directory: data.data) }

    func validate() throws {
        try OptionRange.check("--epochs", epochs, OptionRange.epochs)
        try OptionRange.check("--batch", batch, OptionRange.batch)
        if let lr { try OptionRange.checkRate("--lr", lr) }
        try OptionRange.check("--limit", limit, OptionRange.count)
        // --test-limit 0 would measure nothing and report 100% accuracy: refused, like an empty test set.
        try OptionRange.check("--test-limit", testLimit, OptionRange.count)
        try OptionRange.check("--threads", threads, OptionRange.threads)
    }

    static let defaults = (batch: TrainingRecipe.defaultBatchSize, lr: TrainingRecipe.defaultLearningRate,
                           seed: TrainingRecipe.defaultSeed)

    func options(for preset: Preset?) -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: batch ?? Self.defaults.batch, learningRate: lr ?? Self.defaults.lr,
                        seed: seed ?? Self.defaults.seed, limit: limit, testLimit: testLimit,
                        augment: !noAugment, initialization: `init` ?? Initialization.default(for: preset))
    }

    func applyThreads() {
        ComputeThreads.set(threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The training set and the test (or validation) set for a network taking `input`.
    func loadData(for input: InputShape, limit: Int? = nil, seed: UInt64? = nil, quiet: Bool = false) throws -> (source: DataSource, train: any LabeledImages, test: (any LabeledImages)?) {
        let (source, loaded) = try data.load(for: input, seed: seed ?? self.seed ?? Self.defaults.seed, limit: limit ?? self.limit, testLimit: testLimit, quiet: quiet)
        guard let train = loaded.train else { throw ValidationError("no training images in \(data.data)") }
        return (source, train, loaded.test)
    }
}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network on Fashion-MNIST (or CIFAR-10) with the paper's SGD.",
        discussion: """
            Prints a progress bar with loss, training error and images/s, and the test error after each \
            epoch. The learning rate follows --schedule: step (the default) trains the first two thirds of \
            the epochs at --lr and the rest at --lr ÷ 10 (3 epochs: epoch 3 at ÷10); plateau divides it by 10 \
            when the test error has not improved for 2 epochs (the paper's rule; it cannot fire before the end \
            of a 3-epoch run); constant keeps --lr.

            Ctrl-C stops between steps; with --save the weights so far are written (atomically) before \
            exiting. A run whose loss becomes nan or inf stops with the last good weights.

            --resume continues where the checkpoint stopped, random streams (crops, flips, dropout) \
            included: an interrupted and resumed run ends as the uninterrupted one, bit for bit. --epochs \
            counts all epochs, the checkpoint's included. One rule for every option the checkpoint records \
            (--activation, --lr, --schedule, --seed, --batch, --limit, --no-augment): left out, it keeps the \
            checkpoint's value; given, it applies from the resumed step on, and a note on stderr names each \
            change. With another --limit or --batch, a position inside an epoch means other images, so the \
            unfinished epoch starts again at its first batch. --init has no effect (the weights come from the \
            checkpoint); --test-limit, --threads and --data are not recorded and apply as given.

            --test-limit 0 and an empty test set are refused: an accuracy over zero images would read 100%.

            Without --preset or --config: mini.
            """)

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions
    @Option(help: "relu, tanh or sigmoid: replaces every activation of the network.") var activation: Activation?
    @OptionGroup var training: TrainingArguments
    @Option(help: "How the learning rate changes: step (÷10 for the last third of the epochs; the default), plateau (÷10 after 2 epochs without a better test error) or constant.")
    var schedule: LearningRateSchedule?
    @Option(help: "Write a checkpoint (safetensors) here after each epoch and at the end.") var save: String?
    @Option(help: "Continue from a checkpoint written by --save.") var resume: String?
    @Option(help: "Write step, epoch, loss, train error and test error to this CSV file.") var log: String?
    @Option(help: ArgumentHelp("Fine-tune: start from these weights (a checkpoint of the same network, `mini` for the shipped ones, or torchvision's from scripts/export_torchvision_alexnet.py with --preset torchvision), keeping every layer but the last, which is drawn afresh for the data's classes.",
                               valueName: "file"))
    var finetune: String?
    @Option(help: ArgumentHelp("With --finetune: train only the layers after this one (e.g. pool5: only the classifier learns).", valueName: "layer"))
    var freeze: String?
    @Option(name: .customLong("save-weights"),
            help: "At the end, write the weights alone (no optimizer state, for shipping) with the command, seed and test accuracy in their metadata.")
    var saveWeights: String?

    func validate() throws {
        if freeze != nil, finetune == nil { throw ValidationError("--freeze needs --finetune FILE (a network trained from scratch has nothing to keep)") }
        if finetune != nil, resume != nil { throw ValidationError("give --finetune or --resume, not both (a resumed fine-tuning run keeps its frozen layers)") }
    }

    func run() throws {
        try CLIError.wrap { try train() }
    }

    /// `--finetune mini` means the shipped weights; anything else is a path.
    private func finetunePath() throws -> String? {
        guard let finetune else { return nil }
        guard finetune == "mini", !FileManager.default.fileExists(atPath: finetune) else { return finetune }
        guard let shipped = ShippedWeights.mini() else {
            throw ValidationError("--finetune mini: the shipped \(ShippedWeights.relativePath) was not found (beside the program, "
                + "in its share/alexnet, or under $ALEXNET_HOME); give the file's path instead")
        }
        return shipped
    }

    private func train() throws {
        training.applyThreads()
        let chosen = try network.chosen(default: .mini, data: training.source)
        var spec = chosen.spec
        let preset = chosen.preset
        var act = activation ?? .relu
        var options = training.options(for: preset)
        options.schedule = schedule ?? TrainingRecipe.defaultSchedule
        // A checkpoint is read first: what it records decides the network's activation and the options left out.
        var resumed: (checkpoint: Checkpoint, rule: ResumeRule)?
        if let resume {
            let checkpoint = try Checkpoint.load(from: resume)
            let given = ResumeRule.Given(activation: activation, learningRate: training.lr, schedule: schedule, seed: training.seed,
                                         batchSize: training.batch, limit: training.limit, augment: training.noAugment ? false : nil,
                                         initialization: training.`init`)
            let rule = ResumeRule(given: given, checkpoint: checkpoint.metadata, epochs: options.epochs, defaults: options)
            options = rule.applied(to: options)
            act = rule.activation
            resumed = (checkpoint, rule)
        }
        if activation != nil || act != .relu { spec = spec.replacingActivations(with: act) }
        let (source, trainSet, testSet) = try training.loadData(for: spec.input, limit: options.limit, seed: options.seed)
        // A folder's classes decide the width of the last layer.
        if source.isImageFolder, try spec.shapeReport().output.count != trainSet.classNames.count, let resized = spec.withClasses(trainSet.classNames.count) {
            spec = resized
        }
        let net = try Network(spec: spec, initialization: options.initialization, seed: options.seed,
                              memory: network.memory(batch: options.batchSize, training: true))
        var normalization: ChannelNormalization?
        if let path = try finetunePath() {
            let start = try FineTuning.start(net, from: try SafetensorsFile.read(from: path), path: path)
            normalization = start.normalization ?? .default(channels: spec.input.channels)
            if let freeze { try net.freeze(through: freeze) }
            let trained = net.trainableParameters.reduce(0) { $0 + $1.value.count }
            print("fine-tuning from \(path)" + (start.previousClasses.map { " (trained on \($0.source))" } ?? "")
                  + ": kept \(start.kept.count) tensors, \(start.redrawn) drawn afresh for \(trainSet.classNames.count) classes; "
                  + (freeze.map { "frozen through \($0), " } ?? "") + "training \(NumberText.grouped(trained)) of "
                  + "\(NumberText.grouped(net.parameterCount)) parameters, inputs normalised as the weights were trained")
        }
        if let resumed {
            // A fine-tuning run continues with the same layers frozen and the normalisation it started with.
            if let frozen = resumed.checkpoint.metadata.frozenThrough { try net.freeze(through: frozen) }
            if let recorded = resumed.checkpoint.metadata.normalization, recorded.mean.count == spec.input.channels { normalization = recorded }
        }
        let setup = Result { () throws(TrainingSetupError) in
            try TrainingRun(network: net, train: trainSet, test: testSet, options: options, normalization: normalization)
        }
        // A network that cannot train on the data is a fault of the config file: name it.
        if case .failure(let error) = setup, let config = network.config {
            CLIError.printError("error: \(config): \(error)")
            throw ExitCode.failure
        }
        let run = try setup.get()
        if let resume, let (checkpoint, rule) = resumed {
            let notes = rule.notes + (try run.restore(checkpoint, source: resume, learningRate: training.lr))
            for note in notes { CLIError.printError("note: \(resume): \(note)") }
            print("resumed \(resume): epoch \(checkpoint.metadata.epoch), step \(NumberText.grouped(checkpoint.metadata.step))")
        }
        ProgressLine.say("training \(spec.name) (\(NumberText.grouped(net.parameterCount)) parameters) on \(NumberText.grouped(trainSet.count)) images, "
              + "batch \(options.batchSize), lr \(run.trainer.optimizer.learningRate) (\(options.schedule.rawValue) schedule), \(options.initialization.name) init, seed \(options.seed), "
              + "\(ComputeThreads.current) threads")
        var csv = try log.map { try CSVLog(path: $0, header: "step,epoch,loss,train_error,test_error") }
        let stop = StopSignal()
        var line = ProgressLine()
        let started = ContinuousClock.now
        var epochStarted = started
        while !run.isFinished {
            if let s = stop.signal {
                line.finishLine()
                if save == nil {
                    // Said on stderr: the run's output so far may be piped into a file or another program.
                    // Within 80 columns: "stopped at step 12,345: nothing was saved (--save FILE keeps one)".
                    CLIError.printError("stopped at step \(NumberText.grouped(run.trainer.step)): nothing was saved "
                                        + "(--save FILE keeps a checkpoint)")
                }
                try saveIfAsked(run, activation: act, why: "stopped by signal \(s)")
                throw ExitCode(128 + s)
            }
            let p: TrainingProgress
            do { p = try run.step() } catch {
                line.finishLine()
                CLIError.printError("error: \(error)")
                try saveIfAsked(run, activation: act, why: "last good weights before the divergence")
                throw ExitCode.failure
            }
            do {
                try csv?.append("\(p.step),\(NumberText.fixed(p.epoch, 4)),\(NumberText.fixed(p.batchLoss, 6)),"
                                + "\(NumberText.fixed(p.batchError, 6)),\(p.testError.map { NumberText.fixed($0, 6) } ?? "")")
            } catch {
                // A full disk loses the log, not the run: one line, and training (and --save) goes on.
                line.finishLine()
                CLIError.printError("warning: \(error); training goes on without the log")
                csv?.close()
                csv = nil
            }
            line.show(ProgressLine.text(p, epochs: options.epochs, width: line.isTerminal ? OutputCapabilities.columns : 80))
            if let test = p.testError {
                line.finishLine()
                let secs = (ContinuousClock.now - epochStarted) / .seconds(1)
                epochStarted = .now
                let held = source.isImageFolder ? "validation" : "test"
                var summary = "epoch \(p.epochIndex + 1)/\(options.epochs): loss \(NumberText.fixed(p.loss, 3)), "
                    + "train error \(NumberText.fixed(p.trainError * 100, 2))%, \(held) error \(NumberText.fixed(test * 100, 2))% "
                    + "(\(held) accuracy \(NumberText.fixed((1 - test) * 100, 2))%), \(NumberText.fixed(secs - run.lastTestSeconds, 1)) s training + "
                    + "\(NumberText.fixed(run.lastTestSeconds, 1)) s testing, "
                    + "\(NumberText.grouped(rounding: p.imagesPerSecond)) images/s"
                if p.learningRateDropped {
                    let why = options.schedule == .plateau ? "test error stopped improving" : "step schedule"
                    summary += "; \(why): lr ÷10 → \(run.trainer.optimizer.learningRate)"
                }
                ProgressLine.say(summary)
                try saveIfAsked(run, activation: act, why: nil)
            }
        }
        print("done in \(NumberText.fixed((ContinuousClock.now - started) / .seconds(1), 1)) s")
        if let saveWeights {
            // The shipped `mini` is made this way: momentum would double its size and is of no use for inference.
            var checkpoint = run.checkpoint(activation: act)
            checkpoint = Checkpoint(tensors: checkpoint.weights, metadata: checkpoint.metadata)
            // Without momentum the file cannot resume a run, so the states only a resume needs are left out.
            checkpoint.metadata.random = nil
            checkpoint.metadata.plateauBest = nil
            checkpoint.metadata.plateauWaited = nil
            let arguments = CommandLine.arguments.dropFirst().map { $0.contains(" ") ? "'\($0)'" : $0 }
            checkpoint.metadata.extra["command"] = (["alexnet"] + arguments).joined(separator: " ")
            if let e = run.lastTestError {
                let held = source.isImageFolder ? "validation" : "test"
                checkpoint.metadata.extra["\(held)_accuracy"] = NumberText.fixed((1 - e) * 100, 2) + "%"
                checkpoint.metadata.extra["\(held)_images"] = String(testSet?.count ?? 0)
            }
            try checkpoint.save(to: saveWeights)
            print("saved weights \(saveWeights)")
        }
    }

    private func saveIfAsked(_ run: TrainingRun, activation: Activation, why: String?) throws {
        guard let save else { return }
        try run.checkpoint(activation: activation).save(to: save)
        print("saved \(save)" + (why.map { " (\($0))" } ?? ""))
    }
}
