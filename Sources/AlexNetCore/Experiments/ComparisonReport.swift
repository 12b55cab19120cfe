import Foundation

/// Steps to the target of one activation over several seeds: one seed alone is noise (a run can sit on
/// the ln 10 plateau for hundreds of steps and then leave it).
public struct SeedSpread: Sendable, Equatable {
    public var activation: Activation
    /// Steps to target per seed, nil where the run never got there.
    public var steps: [Int?]

    public init(activation: Activation, steps: [Int?]) { self.activation = activation; self.steps = steps }

    public var reached: Int { steps.compactMap { $0 }.count }

    /// The median, counting a run that never reached the target as slower than every run that did;
    /// nil when the middle falls on such a run.
    public var median: Double? {
        let sorted = steps.map { $0.map(Double.init) ?? .infinity }.sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        let m = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        return m.isFinite ? m : nil
    }

    public var min: Int? { steps.compactMap { $0 }.min() }
    /// The slowest run, nil when some run never reached the target (the true maximum is unknown).
    public var max: Int? { reached == steps.count ? steps.compactMap { $0 }.max() : nil }
}

/// All the runs of `compare` (one `ComparisonSummary` per seed) and what they say together.
public struct ComparisonReport: Sendable, Equatable {
    public var network: String
    public var target: Double
    public var initialization: Initialization
    public var seeds: [ComparisonSummary]

    public init(network: String, target: Double, initialization: Initialization, seeds: [ComparisonSummary]) {
        self.network = network; self.target = target; self.initialization = initialization; self.seeds = seeds
    }

    public var activations: [Activation] { seeds.first?.curves.map(\.activation) ?? [] }

    /// Every target of the runs, easiest first (the headline `target` is the first).
    public var targets: [Double] { seeds.first?.targets ?? [target] }

    public var spreads: [SeedSpread] { spreads(for: target) }

    public func spreads(for target: Double) -> [SeedSpread] {
        activations.enumerated().map { i, a in
            SeedSpread(activation: a, steps: seeds.map { $0.curves[i].firstPoint(reaching: target)?.step })
        }
    }

    /// Median steps of each later activation over the first's (tanh / relu): > 1 means the first was faster.
    /// Nil when either median is unknown.
    public var ratio: Double? { ratio(for: target) }

    public func ratio(for target: Double) -> Double? {
        let s = spreads(for: target)
        guard s.count >= 2, let a = s[0].median, let b = s[1].median, a > 0 else { return nil }
        return b / a
    }

    /// `median over 5 seeds: relu 412 steps (min 300, max 610), tanh 1,020 (min 800, max never): 2.5× more steps`
    public var medianLine: String { medianLine(for: target) }

    public func medianLine(for target: Double) -> String {
        let pct = ComparisonSummary.percent(target)
        let parts = spreads(for: target).map { s -> String in
            let med = s.median.map { NumberText.grouped(Int($0.rounded())) + " steps" } ?? "never"
            let lo = s.min.map(NumberText.grouped) ?? "never"
            let hi = s.max.map(NumberText.grouped) ?? "never"
            return "\(s.activation.rawValue) \(med) (min \(lo), max \(hi), reached \(s.reached)/\(s.steps.count))"
        }
        var line = "median steps to \(pct) over \(seeds.count) seeds: " + parts.joined(separator: "; ")
        if let r = ratio(for: target) {
            line += r >= 1 ? ": \(NumberText.fixed(r, 1))× more steps for \(activations[1].rawValue)"
                           : ": \(NumberText.fixed(1 / r, 1))× fewer steps for \(activations[1].rawValue)"
        }
        return line
    }

    /// The saturation and gradient table: one row per layer, per activation the mean over the last
    /// recorded points of every seed (or of the one seed).
    public var measureTable: String {
        let curves = seeds.flatMap(\.curves)
        let layers = curves.first { !$0.lastMeasures.isEmpty }?.lastMeasures.map(\.layer) ?? []
        guard !layers.isEmpty else { return "" }
        var rows: [[String]] = [["layer"] + activations.flatMap { a in
            ["\(a.rawValue) sat."] + (a == .relu ? ["relu dead ch."] : []) + ["\(a.rawValue) ‖∂W‖/‖W‖"]
        }]
        func mean(_ values: [Double]) -> String {
            values.isEmpty ? "--" : NumberText.percent(values.reduce(0, +) / Double(values.count))
        }
        for layer in layers {
            var row = [layer]
            for a in activations {
                let ms = curves.filter { $0.activation == a }.compactMap { $0.lastMeasures.first { $0.layer == layer } }
                row.append(mean(ms.compactMap(\.saturation)))
                if a == .relu { row.append(mean(ms.compactMap(\.deadChannels))) }
                row.append(ms.isEmpty ? "--" : NumberText.ratio(ms.map(\.gradRatio).reduce(0, +) / Double(ms.count)))
            }
            rows.append(row)
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                                     : String(repeating: " ", count: widths[c] - cell.count) + cell }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// The documented JSON: network, target, seeds, runs, summary, ratio, targets, by_target, keys in that order.
    public var json: JSONValue {
        var runs: [JSONValue] = []
        for summary in seeds {
            for c in summary.curves {
                let last = c.lastMeasures
                runs.append(.object([
                    ("activation", .string(c.activation.rawValue)),
                    ("lr", c.learningRate.map { .double($0) } ?? .null),
                    ("init", .string(initialization.rawValue)),
                    ("seed", c.seed.map { .int(Int($0)) } ?? .null),
                    ("steps_to_target", c.firstPoint(reaching: target).map { .int($0.step) } ?? .null),
                    ("final_error", c.points.last.map { .double($0.trainError) } ?? .null),
                    ("wall_s", .double(c.seconds)),
                    ("saturation", .array(last.compactMap { m in
                        m.saturation.map { fraction in
                            var fields: [(String, JSONValue)] = [("layer", .string(m.layer)), ("fraction", .double(fraction))]
                            if let d = m.deadChannels { fields.append(("dead_channels", .double(d))) }
                            if let k = m.constantInput { fields.append(("constant_input", .double(k))) }
                            return .object(fields)
                        } })),
                    ("grad_ratio", .array(last.map { .object([("layer", .string($0.layer)), ("value", .double($0.gradRatio))]) })),
                    ("steps_to_targets", .array(targets.map { t in
                        .object([("target", .double(t)), ("steps", c.firstPoint(reaching: t).map { .int($0.step) } ?? .null)]) })),
                ]))
            }
        }
        let summary: [JSONValue] = spreads.map { s in
            .object([("activation", .string(s.activation.rawValue)),
                     ("median_steps", s.median.map { .double($0) } ?? .null),
                     ("min", s.min.map { .int($0) } ?? .null),
                     ("max", s.max.map { .int($0) } ?? .null)])
        }
        let byTarget: [JSONValue] = targets.map { t in
            .object([("target", .double(t)),
                     ("median_steps", .array(spreads(for: t).map { s in
                         .object([("activation", .string(s.activation.rawValue)), ("median", s.median.map { .double($0) } ?? .null)]) })),
                     ("ratio", ratio(for: t).map { .double($0) } ?? .null)])
        }
        return .object([
            ("network", .string(network)),
            ("target", .double(target)),
            ("seeds", .int(seeds.count)),
            ("runs", .array(runs)),
            ("summary", .array(summary)),
            ("ratio", ratio.map { .double($0) } ?? .null),
            ("targets", .array(targets.map { .double($0) })),
            ("by_target", .array(byTarget)),
        ])
    }
}
