import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "ReLU vs tanh: train the same network both ways and count the steps to a target training error.",
        discussion: """
            The paper's Figure 1: a four-layer CNN with ReLU reached 25% training error on CIFAR-10 six times faster
            than with tanh. Here both runs start from identical weights and see identical batches. Training error is
            measured over the last 2,000 training images (running window); a run stops once it reaches the target
            (unless --full). A run that never reaches it gets no ratio.
            """)

    @OptionGroup var network: NetworkOptions
    @Option(help: "Comma-separated activations to compare.") var activations: String = "relu,tanh"
    @Option(help: "Target training error, e.g. 0.25 for 25%.") var target: Double = 0.25
    @Option(help: "Passes over the training set at most (1...10000).") var epochs: Int = 1
    @Option(help: "Images per mini-batch (1...4096).") var batch: Int = 64
    @Option(help: "Learning rate; a positive number.") var lr: Double = 0.02
    @Option(help: "Seed for the shared initial weights and batches.") var seed: UInt64 = 1
    @Option(help: "Train on the first N training images only (1 or more).") var limit: Int?
    @Option(help: "Write every point of every run to this CSV file.") var csv: String?
    @Option(help: "Weight initialisation: paper (N(0, 0.01²), some biases 1) or he. Default: he for mini, paper otherwise.")
    var `init`: Initialization?
    @Flag(help: "Keep training after the target, to the end of the epochs.") var full = false
    @Option(help: "Directory with the Fashion-MNIST IDX files.") var data: String = FashionMNIST.defaultDirectory
    @Option(help: "Threads for the maths (1...256; default: all cores).") var threads: Int?

    func validate() throws {
        guard target > 0, target < 1 else { throw ValidationError("--target must be between 0 and 1, e.g. 0.25") }
        try OptionRange.check("--epochs", epochs, OptionRange.epochs)
        try OptionRange.check("--batch", batch, OptionRange.batch)
        try OptionRange.checkRate("--lr", lr)
        try OptionRange.check("--limit", limit, OptionRange.count)
        try OptionRange.check("--threads", threads, OptionRange.threads)
        _ = try parsedActivations()
    }

    func parsedActivations() throws -> [Activation] {
        let words = activations.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let parsed = words.map { Activation(rawValue: $0) }
        guard words.count >= 1, !parsed.contains(nil) else {
            throw ValidationError("--activations takes a comma-separated list of relu, tanh, sigmoid; got '\(activations)'")
        }
        return parsed.map { $0! }
    }

    func run() throws {
        try CLIError.wrap { try compare() }
    }

    private func compare() throws {
        ComputeThreads.set(threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let spec = try network.spec(default: .mini)
        let preset = network.config == nil ? Preset(rawValue: network.preset ?? "mini") : nil
        let options = TrainingOptions(epochs: epochs, batchSize: batch, learningRate: lr, seed: seed, limit: limit,
                                      initialization: `init` ?? Initialization.default(for: preset), plateauPatience: .max)
        let train = try FashionMNIST.load(.train, directory: data, limit: limit)
        let acts = try parsedActivations()
        let comparison = try ActivationComparison(spec: spec, activations: acts, train: train, test: nil, options: options,
                                                  target: target, recordEvery: max(1, 2_000 / batch / 4), stopAtTarget: !full,
                                                  memoryLimit: network.memoryLimit)
        print("comparing \(acts.map(\.rawValue).joined(separator: " vs ")) on \(spec.name): \(NumberText.grouped(train.count)) images, "
              + "batch \(batch), lr \(lr), seed \(seed), target \(ComparisonSummary.percent(target)) training error")
        let stop = StopSignal()
        var line = ProgressLine()
        let started = ContinuousClock.now
        var stoppedBy: Int32?
        do {
            while !comparison.isFinished {
                if let s = stop.signal { stoppedBy = s; break }
                try comparison.step()
                let status = comparison.curves.map { c in
                    "\(c.activation.rawValue) step \(c.points.last?.step ?? 0) error \(NumberText.fixed((c.points.last?.trainError ?? 1) * 100, 1))%"
                }.joined(separator: "  ·  ")
                line.show(status)
            }
        } catch {
            line.finishLine()
            CLIError.printError("error: \(error)")
        }
        line.finishLine()
        let summary = comparison.summary
        print(chart(summary), terminator: "")
        print(summary.resultLine)
        let times = summary.curves.map { "\($0.activation.rawValue) \(NumberText.fixed($0.seconds, 1)) s" }.joined(separator: ", ")
        print("wall time \(NumberText.fixed((ContinuousClock.now - started).seconds, 1)) s (\(times))")
        if let csv {
            try AtomicFile.write(Array(summary.csv.utf8), to: csv)
            print("wrote \(csv)")
        }
        if let stoppedBy { throw ExitCode(128 + stoppedBy) }
    }

    /// The curves drawn by the explorer's own chart widget, printed as text.
    private func chart(_ summary: ComparisonSummary) -> String {
        let caps = OutputCapabilities.current
        var grid = CellGrid(width: 78, height: 20)
        let colors: [TerminalColor] = [.brightGreen, .brightRed, .brightBlue]
        let series = summary.curves.enumerated().map { i, c in
            ChartSeries(name: c.activation.rawValue, points: c.points.map { ChartPoint(x: Double($0.step), y: $0.trainError) },
                        color: colors[i % colors.count])
        }
        LineChart(series: series, target: (summary.target, "\(ComparisonSummary.percent(summary.target)) target"),
                  xLabel: "step", title: "training error (last 2,000 images)")
            .render(into: &grid, area: grid.bounds, theme: Theme(caps))
        return ANSIText.render(grid, colors: caps.colors)
    }
}
