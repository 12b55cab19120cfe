import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "ReLU vs tanh: train the same network both ways and count the steps to a target training error.",
        discussion: """
            The paper's Figure 1: a four-layer CNN with ReLU reached 25% training error on CIFAR-10 six times \
            faster than with tanh, each with its own best learning rate and no regularisation. \
            `--preset figure1` is that network (no decay, no flips by default), for Fashion-MNIST or, when \
            --data holds CIFAR-10's binary files, for CIFAR-10; `--lr auto` picks each activation's rate; \
            `--seeds N` gives the median over seeds.

            Both runs start from identical weights and see identical batches. Training error is measured over \
            the last 2,000 training images (running window); a run stops once it reaches the last target \
            (unless --full). `--targets 0.25,0.15,0.10` records the steps to each, one run for all, and \
            prints the ratio per target: how hard the target is changes the answer. A run that never reaches \
            a target gets no ratio for it.

            At the end: the verdict (who reached the first target first, by how much), the paper's finding \
            beside it and this run's measured reasons, then per layer the saturated units and ‖∂L/∂W‖/‖W‖ at \
            the last logged step. Saturated: a tanh or sigmoid unit with |f′(x)| < 0.1; a ReLU unit zero for \
            every image of the batch, counted only among units whose input varies across the batch (a unit \
            over a constant background sees the same input in every image and says nothing about learning); \
            dead channels: ReLU channels zero for every image and position.

            Without --preset or --config: mini.
            """)

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions
    @Option(help: "Comma-separated activations to compare.") var activations: String = "relu,tanh"
    @Option(help: "Target training error, e.g. 0.25 for 25%.") var target: Double = 0.25
    @Option(help: ArgumentHelp("Several targets in one run, e.g. 0.25,0.15,0.10: the steps to each and their ratio (replaces --target; --lr auto searches for the first).",
                               valueName: "list"))
    var targets: String?
    @Option(help: "Passes over the training set at most (1...10000).") var epochs: Int = 1
    @Option(help: "Images per mini-batch (1...4096).") var batch: Int = 64
    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rate for every run, or 'auto': each activation tries \(LearningRateSearch.defaultGrid.map(NumberText.shortDecimal).joined(separator: ", ")) for up to --search-steps steps and keeps its fastest (the paper tuned each network separately).",
                               valueName: "rate|auto"))
    var lr: String = String(TrainingRecipe.defaultLearningRate)
    @Option(help: "Steps each learning rate of --lr auto may take.") var searchSteps: Int = LearningRateSearch.defaultBudget
    @Option(help: "Seed for the shared initial weights and batches (the first one, with --seeds).") var seed: UInt64 = 1
    @Option(help: "Repeat the comparison with this many seeds (seed, seed+1, …) and report the median steps to the target.")
    var seeds: Int = 1
    @Option(help: "L2 weight decay. Default: 0 for figure1 (the paper's Figure 1 used no regularisation), the paper's 0.0005 otherwise.")
    var weightDecay: Double?
    @Option(help: "Train on the first N training images only (1 or more).") var limit: Int?
    @Option(help: "Write every point of every run (with per-layer saturation and gradient ratio) to this CSV file.") var csv: String?
    @Option(help: "Output: text (chart, result line, table) or json.") var format: CompareFormat = .text
    @Option(help: "Weight initialisation: paper (Gaussian σ = 0.01, some biases 1) or he (He normal). Default: he for mini and figure1, paper otherwise.")
    var `init`: Initialization?
    @Flag(help: "Keep training after the target, to the end of the epochs.") var full = false
    @OptionGroup var data: DataOptions
    @Option(help: "Threads for the maths (1...256; default: all cores).") var threads: Int?

    enum CompareFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        guard target > 0, target < 1 else { throw ValidationError("--target must be between 0 and 1, e.g. 0.25") }
        _ = try parsedTargets()
        try OptionRange.check("--epochs", epochs, OptionRange.epochs)
        try OptionRange.check("--batch", batch, OptionRange.batch)
        if lr != "auto" {
            guard let rate = Double(lr) else { throw ValidationError("--lr must be a positive number or 'auto', got '\(lr)'") }
            try OptionRange.checkRate("--lr", rate)
        }
        try OptionRange.check("--limit", limit, OptionRange.count)
        try OptionRange.check("--threads", threads, OptionRange.threads)
        guard (1...100).contains(seeds) else { throw ValidationError("--seeds must be between 1 and 100, got \(seeds)") }
        guard (1...100_000).contains(searchSteps) else { throw ValidationError("--search-steps must be between 1 and 100,000, got \(searchSteps)") }
        if let weightDecay { guard weightDecay >= 0, weightDecay < 1 else { throw ValidationError("--weight-decay must be in [0, 1), e.g. 0.0005") } }
        _ = try parsedActivations()
    }

    /// `--targets`, else `--target`; easiest first.
    func parsedTargets() throws -> [Double] {
        guard let targets else { return [target] }
        let words = targets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = words.map { Double($0) }
        guard !words.isEmpty, words.count <= 10, values.allSatisfy({ $0.map { $0 > 0 && $0 < 1 } ?? false }) else {
            throw ValidationError("--targets takes up to 10 comma-separated error rates between 0 and 1, e.g. 0.25,0.15,0.10; got '\(targets)'")
        }
        return Array(Set(values.map { $0! })).sorted(by: >)
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

    /// Text goes to stdout; with --format json only the JSON does, and the progress goes to stderr.
    /// Lines longer than 80 columns wrap between words, continuing two columns in.
    private func say(_ line: String) {
        let text = TextWrap.wrap(line, width: 80, proseIndent: 2).joined(separator: "\n")
        if format == .text { ProgressLine.say(line) } else { CLIError.printError(text) }
    }

    private func compare() throws {
        ComputeThreads.set(threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let dataSource = try data.source()
        var (spec, preset) = try network.chosen(default: .mini, data: dataSource)
        let goals = try parsedTargets()
        let target = goals[0]
        let initialization = `init` ?? Initialization.default(for: preset)
        // The paper's Figure 1 used no regularisation: no decay and, for figure1, no flips either.
        let decay = weightDecay ?? (preset == .figure1 ? 0 : 0.0005)
        var options = TrainingOptions(epochs: epochs, batchSize: batch, learningRate: Double(lr) ?? TrainingRecipe.defaultLearningRate, seed: seed, limit: limit,
                                      augment: preset != .figure1, initialization: initialization, schedule: .constant)
        // The comparison measures training error only: no test or validation images are read.
        let (source, loaded) = try data.load(for: spec.input, seed: seed, limit: limit, wantsTest: false, quiet: format == .json)
        guard let train = loaded.train else { throw ValidationError("no training images in \(data.data)") }
        if source.isImageFolder, try spec.shapeReport().output.count != train.classNames.count, let resized = spec.withClasses(train.classNames.count) {
            spec = resized
        }
        let acts = try parsedActivations()
        let started = ContinuousClock.now
        let stop = StopSignal()
        var line = ProgressLine()
        let rates = lr == "auto"
            ? try searchRates(spec: spec, activations: acts, train: train, target: target, options: options, decay: decay,
                              stop: stop, line: &line)
            : acts.map { _ in options.learningRate }
        options.learningRate = rates[0]
        say("comparing \(acts.map(\.rawValue).joined(separator: " vs ")) on \(spec.name), \(train.classSource) "
            + "(\(NumberText.grouped(train.count)) images): batch \(batch), "
            + "lr \(zip(acts, rates).map { "\($0.rawValue) \(NumberText.shortDecimal($1))" }.joined(separator: ", ")), "
            + "\(initialization.name) init, weight decay \(NumberText.shortDecimal(decay)), "
            + (seeds > 1 ? "seeds \(seed)…\(seed + UInt64(seeds - 1))" : "seed \(seed)")
            + ", target\(goals.count > 1 ? "s" : "") \(goals.map(ComparisonSummary.percent).joined(separator: ", ")) training error")

        var summaries: [ComparisonSummary] = []
        var stoppedBy: Int32?
        for k in 0..<seeds {
            var opts = options
            opts.seed = seed + UInt64(k)
            let comparison = try ActivationComparison(spec: spec, activations: acts, train: train, test: nil, options: opts,
                                                      targets: goals, recordEvery: max(1, 2_000 / batch / 4), stopAtTarget: !full,
                                                      memoryLimit: network.memoryLimit, learningRates: rates, weightDecay: decay)
            stoppedBy = runToEnd(comparison, seed: opts.seed, stop: stop, line: &line)
            let summary = comparison.summary
            summaries.append(summary)
            if format == .text {
                if seeds == 1 { print(chart(summary), terminator: "") }
                // One seed: the verdict at the end says it (once); several: a line per seed before the medians.
                if seeds > 1 { say("seed \(opts.seed): " + summary.resultLine) }
            }
            if stoppedBy != nil { break }
        }
        let report = ComparisonReport(network: spec.name, target: target, initialization: initialization, seeds: summaries)
        if format == .json {
            print(report.json.text(pretty: true))
        } else {
            printTable(report, activations: acts, started: started)
        }
        if let csv {
            let text = summaries.enumerated().map { $0.element.csv(header: $0.offset == 0) }.joined()
            try AtomicFile.write(Array(text.utf8), to: csv)
            say("wrote \(csv)")
        }
        if let stoppedBy { throw ExitCode(128 + stoppedBy) }
    }

    /// `--lr auto`: each activation tries the grid for `--search-steps` steps; its fastest rate, said per activation.
    private func searchRates(spec: NetworkSpec, activations acts: [Activation], train: any LabeledImages, target: Double,
                             options: TrainingOptions,
                             decay: Double, stop: StopSignal, line: inout ProgressLine) throws -> [Double] {
        say("choosing learning rates: each activation tries \(LearningRateSearch.defaultGrid.map(NumberText.shortDecimal).joined(separator: ", ")) "
            + "for \(searchSteps) steps (seed \(seed)); fastest to \(ComparisonSummary.percent(target)) wins, else lowest error")
        let picks = try LearningRateSearch.pick(grid: LearningRateSearch.defaultGrid, activations: acts, budget: searchSteps) { a, rate, budget in
            if let s = stop.signal { throw ExitCode(128 + s) }
            if format == .text { line.show("trying \(a.rawValue) lr \(NumberText.shortDecimal(rate))", force: true) }
            return try LearningRateSearch.trial(spec: spec, activation: a, learningRate: rate, train: train, options: options,
                                                target: target, budget: budget, weightDecay: decay,
                                                memoryLimit: network.memoryLimit)
        }
        line.finishLine()
        var rates: [Double] = []
        for p in picks {
            let tried = p.trials.map { t in
                "\(NumberText.shortDecimal(t.learningRate)): " + (t.diverged ? "diverged"
                    : t.stepsToTarget.map { "step \($0)" } ?? "\(NumberText.fixed(t.finalError * 100, 1))%")
            }.joined(separator: ", ")
            guard let chosen = p.learningRate else {
                throw CompareError("every learning rate diverged for \(p.activation.rawValue) (\(tried))")
            }
            rates.append(chosen)
            say("  \(p.activation.rawValue): \(tried) → lr \(NumberText.shortDecimal(chosen))")
        }
        return rates
    }

    /// Steps one seed's comparison to its end, showing progress; the signal that stopped it, if one did.
    /// A training error is said on stderr and ends this seed only, so the runs so far are still reported.
    private func runToEnd(_ comparison: ActivationComparison, seed: UInt64, stop: StopSignal,
                          line: inout ProgressLine) -> Int32? {
        var stoppedBy: Int32?
        do {
            while !comparison.isFinished {
                if let s = stop.signal { stoppedBy = s; break }
                try comparison.step()
                let status = comparison.curves.map { c in
                    "\(c.activation.rawValue) step \(c.points.last?.step ?? 0) error \(NumberText.fixed((c.points.last?.trainError ?? 1) * 100, 1))%"
                }.joined(separator: "  ·  ")
                if format == .text { line.show((seeds > 1 ? "seed \(seed): " : "") + status) }
            }
        } catch {
            line.finishLine()
            CLIError.printError("error: \(error)")
        }
        line.finishLine()
        return stoppedBy
    }

    /// The text ending: the steps per target, the verdict beside the paper's finding and the measured
    /// reasons (one seed) or the median lines (several), the per-layer measure table and the wall time.
    private func printTable(_ report: ComparisonReport, activations acts: [Activation], started: ContinuousClock.Instant) {
        if seeds > 1 {
            for t in report.targets { say(report.medianLine(for: t)) }
            say(ComparisonVerdict.paperFinding)
        } else if let summary = report.seeds.first {
            let verdict = ComparisonVerdict(summary: summary)
            if summary.targets.count > 1 {
                print("steps to each target (one run):")
                print(Self.columns(verdict.targetRows), terminator: "")
            }
            print("")
            say("Verdict: " + verdict.winnerLine + ".")
            say(verdict.paperLine)
            for reason in verdict.reasons { say("- " + reason) }
            print("")
        }
        let table = report.measureTable
        if !table.isEmpty {
            say("At the last logged step (mean over seeds), per layer: saturated units (tanh/sigmoid |f′(x)| < 0.1; "
                + "relu zero for the whole batch, among units whose input varies; see --help), relu's dead channels "
                + "(zero everywhere) and ‖∂L/∂W‖/‖W‖:")
            print(table, terminator: "")
        }
        let times = report.seeds.flatMap(\.curves).reduce(into: [String: Double]()) { $0[$1.activation.rawValue, default: 0] += $1.seconds }
        say("wall time \(NumberText.fixed((ContinuousClock.now - started) / .seconds(1), 1)) s ("
            + acts.map { "\($0.rawValue) \(NumberText.fixed(times[$0.rawValue] ?? 0, 1)) s" }.joined(separator: ", ") + ")")
    }

    /// Rows as right-aligned columns (the first left-aligned), two spaces apart.
    static func columns(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                                     : String(repeating: " ", count: widths[c] - cell.count) + cell }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// The curves drawn by the explorer's own chart widget, printed as text.
    private func chart(_ summary: ComparisonSummary) -> String {
        let caps = OutputCapabilities.current
        // 78 columns at the design size, wider with the terminal (up to 118).
        var grid = CellGrid(width: min(118, max(60, OutputCapabilities.columns - 2)), height: 20)
        let colors: [TerminalColor] = [.brightGreen, .brightRed, .brightBlue]
        let series = summary.curves.enumerated().map { i, c in
            ChartSeries(name: c.activation.rawValue, points: c.points.map { ChartPoint(x: Double($0.step), y: $0.trainError) },
                        color: colors[i % colors.count])
        }
        LineChart(series: series, target: (summary.target, "\(ComparisonSummary.percent(summary.target)) target"),
                  xLabel: "step", title: "training error (last 2,000 images)", yBounds: 0...1, percent: true)
            .render(into: &grid, area: grid.bounds, theme: Theme(caps))
        return ANSIText.render(grid, colors: caps.colors)
    }
}

/// A comparison that cannot go on, said in one line.
struct CompareError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
