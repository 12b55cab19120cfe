/// What a ReLU-vs-tanh run says, in sentences the screen, `compare` and the lessons share: who reached
/// the headline target first and by how much, what the paper found, and the run's own numbers that
/// explain the difference (dataset and target, the learning rates chosen, how far a step moved the
/// weights, the saturated and dead units). Everything but the paper's figures comes from the curves.
public struct ComparisonVerdict: Sendable, Equatable {
    public var summary: ComparisonSummary
    public var dataset: String { summary.dataset }

    public init(summary: ComparisonSummary) {
        self.summary = summary
    }

    /// The paper's Figure 1, for the line beside the run's.
    public static let paperFinding = "The paper (Figure 1, CIFAR-10, this four-layer CNN): ReLU reached 25% six times "
        + "faster than tanh, each at its own best rate, tanh after about 35 epochs."

    /// "ReLU", "tanh", "sigmoid": how sentences name an activation.
    public static func name(_ a: Activation) -> String { a == .relu ? "ReLU" : a.rawValue }

    private var pair: (TrainingCurve, TrainingCurve)? {
        summary.curves.count >= 2 ? (summary.curves[0], summary.curves[1]) : nil
    }

    /// The activation that reached the headline target in fewer steps (or alone); nil for a tie, when
    /// neither got there, or while a run that might still get there goes on.
    public var winner: Activation? {
        guard let (a, b) = pair else { return nil }
        switch (a.firstPoint(reaching: summary.target)?.step, b.firstPoint(reaching: summary.target)?.step) {
        case let (x?, y?): return x == y ? nil : (x < y ? a.activation : b.activation)
        case (.some, nil): return a.activation
        case (nil, .some): return b.activation
        case (nil, nil): return nil
        }
    }

    /// `tanh reached 25% in 67 steps, ReLU in 125: tanh was 1.9× faster here`.
    public var winnerLine: String {
        let pct = ComparisonSummary.percent(summary.target)
        guard let (a, b) = pair else { return summary.resultLine(compact: true) }
        let (na, nb) = (Self.name(a.activation), Self.name(b.activation))
        let (ha, hb) = (a.firstPoint(reaching: summary.target), b.firstPoint(reaching: summary.target))
        func last(_ c: TrainingCurve) -> String {
            c.points.last.map { "\(NumberText.percent($0.trainError, places: 0)) after \(NumberText.grouped($0.step)) steps" } ?? "no steps"
        }
        switch (ha, hb) {
        case let (x?, y?):
            if x.step == y.step { return "\(na) and \(nb) both reached \(pct) in \(NumberText.grouped(x.step)) steps: a tie here" }
            let (fast, slow, fs, ss) = x.step < y.step ? (na, nb, x.step, y.step) : (nb, na, y.step, x.step)
            return "\(fast) reached \(pct) in \(NumberText.grouped(fs)) steps, \(slow) in \(NumberText.grouped(ss)): "
                + "\(fast) was \(NumberText.fixed(Double(ss) / Double(fs), 1))× faster here"
        case let (x?, nil):
            return "only \(na) reached \(pct) (in \(NumberText.grouped(x.step)) steps); \(nb) was at \(last(b)): \(na) was faster here"
        case let (nil, y?):
            return "only \(nb) reached \(pct) (in \(NumberText.grouped(y.step)) steps); \(na) was at \(last(a)): \(nb) was faster here"
        case (nil, nil):
            return "neither reached \(pct) yet: \(na) \(last(a)), \(nb) \(last(b))"
        }
    }

    /// The paper's finding and whether this run agrees.
    public var paperLine: String {
        switch winner {
        case .relu?: Self.paperFinding + " Here ReLU won too."
        case let w?: Self.paperFinding + " Here \(Self.name(w)) won: the reasons below are this run's."
        case nil: Self.paperFinding
        }
    }

    /// The measured reasons, one sentence each (only those the run has numbers for).
    public var reasons: [String] {
        guard let (a, b) = pair else { return [] }
        var out: [String] = []
        let pct = ComparisonSummary.percent(summary.target)
        // The target's difficulty: how far into the data the first run to get there was.
        if let hit = [a, b].compactMap({ $0.firstPoint(reaching: summary.target) }).min(by: { $0.step < $1.step }) {
            out.append("The target: \(pct) took \(NumberText.grouped(hit.step)) steps here, "
                + "\(NumberText.fixed(hit.epoch, 2)) of an epoch of \(dataset); the paper's tanh needed about 35 epochs "
                + "of CIFAR-10. A target reached this early leaves saturation little time to matter.")
        }
        // The rates each activation chose.
        if let ra = a.learningRate, let rb = b.learningRate {
            let (na, nb) = (Self.name(a.activation), Self.name(b.activation))
            if ra == rb {
                out.append("Rates: both ran at lr \(NumberText.shortDecimal(ra)).")
            } else {
                let (big, small, r) = ra > rb ? (na, nb, ra / rb) : (nb, na, rb / ra)
                out.append("Rates: \(na) \(NumberText.shortDecimal(ra)), \(nb) \(NumberText.shortDecimal(rb)) "
                    + "(each its fastest on the grid): \(big)'s is \(NumberText.fixed(r, 1))× \(small)'s.")
            }
        }
        // How far one step moved the weights: lr · ‖∂W‖/‖W‖, averaged over the learned layers.
        if let sa = Self.relativeStep(a), let sb = Self.relativeStep(b), sa > 0, sb > 0 {
            let (na, nb) = (Self.name(a.activation), Self.name(b.activation))
            let (big, r) = sa > sb ? (na, sa / sb) : (nb, sb / sa)
            out.append("Step size lr·‖∂W‖/‖W‖ (mean over layers, last measured step): \(na) \(NumberText.ratio(sa)), "
                + "\(nb) \(NumberText.ratio(sb)): \(big)'s steps moved its weights \(NumberText.fixed(r, 1))× as far.")
        }
        // Units that pass (almost) no gradient.
        for c in [a, b] {
            let m = c.lastMeasures.filter { $0.saturation != nil }
            guard !m.isEmpty else { continue }
            let list = m.map { "\($0.layer) \(NumberText.percent($0.saturation!, places: 0))" }.joined(separator: ", ")
            if c.activation == .relu {
                let channels = m.map { NumberText.percent($0.deadChannels ?? 0, places: 0) }.joined(separator: "/")
                let background = m.map { NumberText.percent($0.constantInput ?? 0, places: 0) }.joined(separator: "/")
                let most = m.map { $0.saturation! }.max() ?? 0
                out.append("ReLU units zero for the whole batch where their input varies: \(list); dead channels "
                    + "\(channels); units on constant input (background, left out) \(background)"
                    + (most >= 0.2 ? " — these pass no gradient at all." : " — too few to starve its gradient."))
            } else {
                let most = m.map { $0.saturation! }.max() ?? 0
                out.append("\(Self.name(c.activation)) units with |f′| < 0.1: \(list)"
                    + (most < 0.2 ? " — too few to starve its gradient." : " — these pass under a tenth of the gradient."))
            }
        }
        return out
    }

    /// lr · ‖∂W‖/‖W‖ averaged over the learned layers at the last measured point.
    static func relativeStep(_ c: TrainingCurve) -> Double? {
        guard let lr = c.learningRate, !c.lastMeasures.isEmpty else { return nil }
        return lr * c.lastMeasures.map(\.gradRatio).reduce(0, +) / Double(c.lastMeasures.count)
    }

    /// Per target, the steps of each run and the second over the first, as rows for a text table:
    /// `target  relu  tanh  tanh/relu`.
    public var targetRows: [[String]] {
        let names = summary.curves.prefix(2).map { $0.activation.rawValue }
        var rows = [["target"] + names + (names.count == 2 ? ["\(names[1])/\(names[0])"] : [])]
        for (t, steps, ratio) in summary.stepsByTarget {
            var row = [ComparisonSummary.percent(t)] + steps.prefix(2).map { $0.map(NumberText.grouped) ?? "—" }
            if names.count == 2 { row.append(ratio.map { NumberText.fixed($0, 2) } ?? "—") }
            rows.append(row)
        }
        return rows
    }

    /// One line of the ratio per target: `tanh/relu steps: 25% 0.54 · 15% 1.10 · 10% —`.
    public var ratioLine: String? {
        guard summary.targets.count > 1, summary.curves.count >= 2 else { return nil }
        let names = summary.curves.prefix(2).map { $0.activation.rawValue }
        return "\(names[1])/\(names[0]) steps by target: " + summary.stepsByTarget.map { t, _, r in
            "\(ComparisonSummary.percent(t)) \(r.map { NumberText.fixed($0, 2) } ?? "—")"
        }.joined(separator: " · ")
    }
}
