import Localization
import AlexNetCore

/// `{experiment.…}` placeholders: the measured result of the lesson's `experiment:` step read back in
/// later text. Unlike `{layer.field}` they are not known from the network's shape, so `--check` only
/// checks their names, and before the step has run they read as `notYet`.
///
/// - `experiment.verdict`: the program's result line (`relu reached 25% training error at step 64; …`)
/// - `experiment.winner`: the verdict naming the winner (`tanh reached 25% in 67 steps, ReLU in 125: tanh
///   was 1.9× faster here`); `experiment.paper`: the paper's finding and whether this run agrees;
///   `experiment.reasons`: the run's measured reasons, one sentence each; `experiment.ratios`: tanh's steps
///   over ReLU's for each target the run recorded
/// - `experiment.relu.steps`, `experiment.tanh.steps`: steps to the target, or "more than N" when the
///   run stopped at its budget N first
/// - `experiment.relu.error`, `experiment.tanh.error`: the last recorded training error, as a percentage
/// - `experiment.relu.saturation.conv2` (any learned layer of figure1 followed by an activation): the
///   fraction of saturated (tanh: |f′| < 0.1) or dead (ReLU: zero for the whole batch where the unit's
///   input varies) units at the last measured step, as a percentage
/// - `experiment.relu.lr`: the learning rate the run used
public enum ExperimentPlaceholder {
    public static var notYet: String { Messages.experimentNotYet }
    public static let activations: [Activation] = [.relu, .tanh]
    public static let runFields = ["steps", "error", "lr", "saturation.<layer>"]
    /// The whole-run fields after `experiment.`.
    public static let resultFields = ["verdict", "winner", "paper", "reasons", "ratios"]
    /// The network the experiment runs, whatever preset the lesson shows.
    public static let network = Preset.figure1

    /// True for names this type answers for (`experiment` or `experiment.…`).
    public static func handles(_ name: String) -> Bool {
        let n = name.trimmingCharacters(in: .whitespaces)
        return n == "experiment" || n.hasPrefix("experiment.")
    }

    /// The text for `name` from `result`, `notYet` without one, or why the name is wrong.
    public static func value(_ name: String, result: ComparisonSummary?, unmeasured: String = notYet) -> Result<String, PlaceholderError> {
        let parts = name.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func wrong(_ why: String) -> Result<String, PlaceholderError> {
            .failure(PlaceholderError(messages: ["placeholder {\(name)} \(why)"]))
        }
        let expected = "experiment.<\(resultFields.joined(separator: "|"))> or experiment.<relu|tanh>.<\(runFields.joined(separator: "|"))>"
        if parts.count == 2, parts[0] == "experiment", resultFields.contains(parts[1]) {
            guard let result else { return .success(unmeasured) }
            let verdict = ComparisonVerdict(summary: result)
            switch parts[1] {
            case "winner": return .success(verdict.winnerLine)
            case "paper": return .success(verdict.paperLine)
            case "reasons": return .success(verdict.reasons.joined(separator: " "))
            case "ratios": return .success(verdict.ratioLine ?? "(one target only)")
            default: return .success(result.resultLine)
            }
        }
        guard parts.count >= 3 else { return wrong("is not one of: \(expected)") }
        guard let activation = Activation(rawValue: parts[1]), activations.contains(activation) else {
            return wrong("names '\(parts[1])'; the experiment runs \(activations.map(\.rawValue).joined(separator: " and "))")
        }
        switch (parts[2], parts.count) {
        case ("steps", 3), ("error", 3), ("lr", 3): break
        case ("saturation", 4):
            let layers = saturationLayers
            guard layers.contains(parts[3]) else {
                return wrong("names '\(parts[3])'; saturation is measured on \(layers.joined(separator: ", "))")
            }
        default: return wrong("is not one of: \(expected)")
        }
        guard let result else { return .success(unmeasured) }
        guard let curve = result.curves.first(where: { $0.activation == activation }), let last = curve.points.last else {
            return .success(Messages.experimentNoRun(activation.rawValue))
        }
        switch parts[2] {
        case "steps":
            if let hit = curve.firstPoint(reaching: result.target) { return .success(NumberText.grouped(hit.step)) }
            return .success(Messages.experimentMoreThan(NumberText.grouped(last.step)))
        case "error":
            return .success(NumberText.percent(last.trainError))
        case "lr":
            return .success(curve.learningRate.map(NumberText.shortDecimal) ?? "(not recorded)")
        default:
            guard let s = curve.lastMeasures.first(where: { $0.layer == parts[3] })?.saturation else {
                return .success(Messages.experimentNotMeasured)
            }
            return .success(NumberText.percent(s, places: 0))
        }
    }

    /// Learned layers of figure1 that an activation follows (fc4 ends in the softmax, so it has none).
    static var saturationLayers: [String] {
        guard let report = try? LessonContext(preset: network).report else { return [] }
        let learned = report.layers.filter { $0.kind.isLearned }.map(\.name)
        return Array(learned.dropLast())
    }
}
