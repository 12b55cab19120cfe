import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time forward passes and training steps (and the heatmap renderer).",
        discussion: """
            Forward = eval mode, no gradients. Training step = forward + softmax cross-entropy + backward + \
            SGD update. One warm-up run, then the median of --steps runs.

            GFLOP/s counts 2 FLOPs per multiply-add of the network's own MAC count, and 3× the forward's for \
            a training step, as the PyTorch peer does.

            Without --preset or --config: alexnet-1tower.
            """)

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions
    @Option(parsing: .upToNextOption, help: "Batch sizes to time (each 1...4096).") var batch: [Int] = [1, 16]
    @Option(help: "Threads (1...256; default: all cores).") var threads: Int?
    @Option(help: "Timed runs per figure, after one warm-up (1...1000).") var steps: Int = 5
    @Option(help: "table, markdown or json (json's rows have the PyTorch peer's fields: `--json` of ../shared/bench/torch_alexnet.py).")
    var format: ShapeTable.Format = .table
    @Flag(help: "Also show where a training step's time goes, layer by layer.") var layers = false
    @Flag(name: .customLong("no-render"), help: "Skip the 200×60 heatmap render benchmark.") var noRender = false

    func validate() throws {
        try OptionRange.check("--steps", steps, OptionRange.benchSteps)
        for b in batch { try OptionRange.check("--batch", b, OptionRange.batch) }
        try OptionRange.check("--threads", threads, OptionRange.threads)
    }

    struct Row {
        var batch: Int
        var forward: Double, train: Double
        var macs: Int
        var forwardImages: Double { Double(batch) / forward }
        var trainImages: Double { Double(batch) / train }
        // In Double: macs × batch can pass Int.max for a huge network.
        var forwardGFLOPs: Double { 2 * Double(macs) * Double(batch) / forward / 1e9 }
        var trainGFLOPs: Double { 6 * Double(macs) * Double(batch) / train / 1e9 }
    }

    func run() throws {
        try CLIError.wrap { try bench() }
    }

    private func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            times.append((ContinuousClock.now - start) / .seconds(1))
        }
        return times.sorted()[times.count / 2]
    }

    private func bench() throws {
        ComputeThreads.set(threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let spec = try network.spec(default: .alexnet1tower)
        let net = try Network(spec: spec, initialization: .paper, seed: 1,
                              memory: network.memory(batch: batch.max() ?? 1, training: true))
        let trainer = Trainer(network: net, learningRate: 0.001)
        let classes = net.report.output.count
        var rows: [Row] = []
        var breakdown: [String: (forward: Duration, backward: Duration)] = [:]
        for n in batch {
            var random = SeededRandom(seed: UInt64(n))
            let i = spec.input
            var images = Tensor(zeros: [n, i.channels, i.height, i.width])
            for k in 0..<images.count { images.data[k] = Float(random.normal()) }
            let b = Batch(images: images, labels: (0..<n).map { _ in random.below(classes) })
            let forward = median(steps) { _ = net.forward(b.images, mode: .eval) }
            let train = try median(steps) { _ = try trainer.trainStep(b) }
            rows.append(Row(batch: n, forward: forward, train: train, macs: net.report.totalMACs))
            if layers, n == batch.last {
                net.layerTimes = [:]
                for _ in 0..<steps { _ = try trainer.trainStep(b) }
                breakdown = net.layerTimes ?? [:]
                net.layerTimes = nil
            }
        }
        // After every training step (and before the renderer): the figure the peer's is compared with.
        let peakMB = PeakMemory.megabytes
        let render = noRender ? nil : RenderBenchmark.heatmapScreen(width: 200, height: 60, frames: 100, capabilities: .standard)
        if format == .json {
            print(json(spec: spec, rows: rows, peakMB: peakMB, render: render).text(pretty: true))
            return
        }
        let markdown = format == .markdown
        let title = "\(spec.name): \(NumberText.grouped(net.report.totalMACs)) MACs per image; threads \(ComputeThreads.current); "
            + "OpenBLAS kernels: \(ComputeThreads.coreName)"
        print(markdown ? "**\(title)**\n" : title)
        if let note = StartupEnvironment.coreTypeNote() { print(markdown ? note + "\n" : note) }
        let figures = rows.map { r in
            [String(r.batch), NumberText.fixed(r.forward * 1e3, 1), NumberText.fixed(r.forwardImages, 2),
             NumberText.fixed(r.forwardGFLOPs, 1), NumberText.fixed(r.train * 1e3, 1), NumberText.fixed(r.trainImages, 2),
             NumberText.fixed(r.trainGFLOPs, 1)]
        }
        print(Self.table(["batch", "fwd ms", "fwd img/s", "fwd GFLOP/s", "train ms", "train img/s", "train GFLOP/s"],
                         figures, markdown: markdown))
        print((markdown ? "\n" : "") + "peak RSS after training: \(NumberText.fixed(peakMB, 1)) MB "
              + "(peak_rss_mb: getrusage ru_maxrss, MB of 2^20 bytes)")
        if !breakdown.isEmpty {
            let total = breakdown.values.reduce(0.0) { $0 + ($1.forward + $1.backward) / .seconds(1) }
            print("\nwhere a training step at batch \(batch.last!) goes (per step):" + (markdown ? "\n" : ""))
            let shares = spec.layers.compactMap { layer -> [String]? in
                guard let t = breakdown[layer.name] else { return nil }
                let f = t.forward / .seconds(1) / Double(steps), bw = t.backward / .seconds(1) / Double(steps)
                return [layer.name, NumberText.fixed(f * 1e3, 2), NumberText.fixed(bw * 1e3, 2),
                        NumberText.fixed((f + bw) * Double(steps) / total * 100, 1) + "%"]
            }
            print(Self.table(["layer", "fwd ms", "bwd ms", "share"], shares, markdown: markdown, leftColumns: 1))
        }
        if let render { print("\nrender: " + render.summary) }
    }

    /// Columns under their headers, numbers right-aligned and the first `leftColumns` (names) left-aligned,
    /// as plain text or as a Markdown table.
    static func table(_ headers: [String], _ rows: [[String]], markdown: Bool, leftColumns: Int = 0) -> String {
        if markdown {
            var lines = ([headers] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
            lines.insert("|" + headers.indices.map { $0 < leftColumns ? "---" : "---:" }.joined(separator: "|") + "|", at: 1)
            return lines.joined(separator: "\n")
        }
        let widths = headers.indices.map { c in ([headers] + rows).map { $0[c].count }.max() ?? 0 }
        return ([headers] + rows).map { cells in
            cells.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c < leftColumns ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// The peer's fields (`torch_alexnet.py --json`: rows of batch, threads, forward_ms, forward_img_s,
    /// forward_gflops, train_ms, train_img_s, train_gflops), so the two compare row by row, and ours besides.
    private func json(spec: NetworkSpec, rows: [Row], peakMB: Double, render: RenderBenchmark.Result?) -> JSONValue {
        let lrn = spec.layers.contains { if case .lrn = $0.kind { true } else { false } }
        var fields: [(String, JSONValue)] = [
            ("network", .string(spec.name)), ("threads", .int(ComputeThreads.current)),
            ("openblas_core", .string(ComputeThreads.coreName)), ("lrn", .bool(lrn)),
            ("rows", .array(rows.map { r in .object([
                ("batch", .int(r.batch)), ("threads", .int(ComputeThreads.current)),
                ("forward_ms", .double(r.forward * 1e3)), ("forward_img_s", .double(r.forwardImages)),
                ("forward_gflops", .double(r.forwardGFLOPs)), ("train_ms", .double(r.train * 1e3)),
                ("train_img_s", .double(r.trainImages)), ("train_gflops", .double(r.trainGFLOPs)),
            ]) })),
            ("peak_rss_mb", .double(peakMB)),
        ]
        if let render { fields.append(("render_ms_per_frame", .double(render.secondsPerFrame * 1e3))) }
        return .object(fields)
    }
}
