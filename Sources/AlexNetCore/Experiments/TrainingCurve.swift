import Localization
import Foundation

/// One measured point of a training run.
public struct CurvePoint: Sendable, Equatable {
    /// Optimiser steps taken so far (1-based: the point after the step).
    public var step: Int
    /// Fractional epoch: images seen / training-set size.
    public var epoch: Double
    /// Mean loss over the recent window of mini-batches.
    public var loss: Double
    /// Training error rate over the recent window of mini-batches, in [0, 1].
    public var trainError: Double
    /// Per learned layer, measured on this step's batch: saturation and relative gradient size.
    public var layers: [LayerMeasure]

    public init(step: Int, epoch: Double, loss: Double, trainError: Double, layers: [LayerMeasure] = []) {
        self.step = step; self.epoch = epoch; self.loss = loss; self.trainError = trainError; self.layers = layers
    }
}

/// The curve of one run of the ReLU-vs-tanh experiment, and when it first reached the target error.
public struct TrainingCurve: Sendable, Equatable {
    public var activation: Activation
    public var points: [CurvePoint]
    public var seconds: Double
    /// The learning rate this run used (they may differ per activation, as in the paper).
    public var learningRate: Double?
    public var seed: UInt64?

    public init(activation: Activation, points: [CurvePoint] = [], seconds: Double = 0,
                learningRate: Double? = nil, seed: UInt64? = nil) {
        self.activation = activation; self.points = points; self.seconds = seconds
        self.learningRate = learningRate; self.seed = seed
    }

    /// The activation, with its learning rate when known: `relu (lr 0.02)`.
    public var label: String {
        activation.rawValue + (learningRate.map { " (lr \(NumberText.shortDecimal($0)))" } ?? "")
    }

    /// The last measured point's per-layer numbers.
    public var lastMeasures: [LayerMeasure] { points.last { !$0.layers.isEmpty }?.layers ?? [] }

    /// The first point whose training error is at or below `target`, if any.
    public func firstPoint(reaching target: Double) -> CurvePoint? {
        points.first { $0.trainError <= target }
    }
}

/// What the experiment concludes, stated only from measured points: a run that never reached the target
/// gets no ratio.
public struct ComparisonSummary: Sendable, Equatable {
    /// Easiest (highest error) first; the first is the headline target.
    public var targets: [Double]
    public var target: Double { targets[0] }
    public var curves: [TrainingCurve]
    /// Each run's step budget, when it has one (the explorer's screen 6, a lesson's `experiment: N`).
    public var maxSteps: Int?
    /// The dataset the runs trained on ("Fashion-MNIST", "CIFAR-10").
    public var dataset: String

    public init(targets: [Double], curves: [TrainingCurve], maxSteps: Int? = nil, dataset: String = FashionMNIST.name) {
        precondition(!targets.isEmpty, "at least one target")
        self.targets = Array(Set(targets)).sorted(by: >); self.curves = curves; self.maxSteps = maxSteps
        self.dataset = dataset
    }

    public init(target: Double, curves: [TrainingCurve], maxSteps: Int? = nil, dataset: String = FashionMNIST.name) {
        self.init(targets: [target], curves: curves, maxSteps: maxSteps, dataset: dataset)
    }

    /// Per target, each run's steps to it (nil where it never got there) and the second run's steps over
    /// the first's when both did: how the answer depends on how hard the target is.
    public var stepsByTarget: [(target: Double, steps: [Int?], ratio: Double?)] {
        targets.map { t in
            let steps = curves.map { $0.firstPoint(reaching: t)?.step }
            let ratio = steps.count >= 2 ? steps[0].flatMap { a in steps[1].map { Double($0) / Double(a) } } : nil
            return (t, steps, ratio)
        }
    }

    /// `relu reached 25% training error at step 1,450; tanh at step 8,200: 5.7× more steps`
    public var resultLine: String { resultLine(compact: false) }

    /// `compact` leaves out the learning rates and the words "training error", for a screen that shows
    /// the rates in its header: `relu reached 25% at step 125; tanh at step 67: 1.9× fewer steps`.
    public func resultLine(compact: Bool) -> String {
        let pct = Self.percent(target)
        guard let first = curves.first else { return Messages.resultNoRuns }
        var parts: [String] = []
        for (i, c) in curves.enumerated() {
            let name = compact ? c.activation.rawValue : c.label
            if let p = c.firstPoint(reaching: target) {
                let step = NumberText.grouped(p.step)
                parts.append(i > 0 ? Messages.resultOtherAt(name: name, step: step)
                             : compact ? Messages.resultFirstAtCompact(name: name, target: pct, step: step)
                             : Messages.resultFirstAt(name: name, target: pct, step: step))
            } else {
                let last = c.points.last.map { Messages.resultLastError(error: Self.percent($0.trainError), step: NumberText.grouped($0.step)) } ?? ""
                parts.append(i > 0 ? Messages.resultOtherNever(name: name, last: last)
                             : compact ? Messages.resultFirstNeverCompact(name: name, target: pct, last: last)
                             : Messages.resultFirstNever(name: name, target: pct, last: last))
            }
        }
        var line = parts.joined(separator: Messages.resultPartsSeparator)
        if curves.count >= 2, let a = first.firstPoint(reaching: target) {
            let ratios = curves.dropFirst().compactMap { c -> String? in
                guard let b = c.firstPoint(reaching: target) else { return nil }
                let r = Double(b.step) / Double(a.step)
                let label = curves.count > 2 ? " (\(c.activation.rawValue))" : ""
                return r >= 1 ? Messages.resultMoreSteps(ratio: NumberText.fixed(r, 1), label: label)
                              : Messages.resultFewerSteps(ratio: NumberText.fixed(1 / r, 1), label: label)
            }
            if !ratios.isEmpty { line += Messages.resultRatiosIntro + ratios.joined(separator: Messages.resultRatiosSeparator) }
        }
        return line
    }

    /// Steps of the run to the target over the first run's, when both reached it.
    public func ratio(_ activation: Activation) -> Double? {
        guard let base = curves.first?.firstPoint(reaching: target),
              let other = curves.first(where: { $0.activation == activation })?.firstPoint(reaching: target)
        else { return nil }
        return Double(other.step) / Double(base.step)
    }

    /// While the runs go on: where each stands, without concluding anything yet.
    public var progressLine: String {
        curves.map { c in
            guard let last = c.points.last else { return Messages.progressNoSteps(activation: c.activation.rawValue) }
            if let hit = c.firstPoint(reaching: target) {
                return Messages.progressReached(activation: c.activation.rawValue, target: Self.percent(target), step: NumberText.grouped(hit.step))
            }
            return Messages.progressAt(activation: c.activation.rawValue, error: NumberText.percent(last.trainError), step: NumberText.grouped(last.step))
        }.joined(separator: " · ") + (targets.count > 1 ? Messages.progressTargets(targets: targets.map(Self.percent).joined(separator: ", ")) : Messages.progressTarget(target: Self.percent(target)))
    }

    /// Every point of every run: `activation,step,epoch,loss,train_error,seed,lr`, then per learned layer
    /// `saturation_<layer>` (layers followed by an activation) and `grad_ratio_<layer>` (every learned layer),
    /// empty where a point was not measured.
    public var csv: String { csv(header: true) }

    public func csv(header: Bool) -> String {
        let measured = curves.lazy.compactMap { $0.points.first { !$0.layers.isEmpty }?.layers }.first ?? []
        let layers = measured.map(\.layer)
        // Saturation columns only for layers followed by an activation (not the last fully connected one).
        let saturated = measured.filter { $0.saturation != nil }.map(\.layer)
        var out = header ? "activation,step,epoch,loss,train_error,seed,lr"
            + saturated.map { ",saturation_\($0)" }.joined() + layers.map { ",grad_ratio_\($0)" }.joined() + "\n" : ""
        for c in curves {
            for p in c.points {
                out += "\(c.activation.rawValue),\(p.step),\(NumberText.fixed(p.epoch, 4)),\(NumberText.fixed(p.loss, 6)),\(NumberText.fixed(p.trainError, 6))"
                out += ",\(c.seed.map(String.init) ?? ""),\(c.learningRate.map(NumberText.shortDecimal) ?? "")"
                let byName = Dictionary(p.layers.map { ($0.layer, $0) }, uniquingKeysWith: { a, _ in a })
                for l in saturated { out += "," + (byName[l]?.saturation.map { NumberText.fixed($0, 6) } ?? "") }
                for l in layers { out += "," + (byName[l].map { Self.scientific($0.gradRatio) } ?? "") }
                out += "\n"
            }
        }
        return out
    }

    /// Small positive numbers such as gradient ratios: 4 significant digits, exponent form.
    static func scientific(_ v: Double) -> String {
        String(format: "%.4g", v)
    }

    public static func percent(_ v: Double) -> String {
        let p = v * 100
        return (p.rounded() == p ? "\(Int(p))" : NumberText.fixed(p, 1)) + "%"
    }
}

