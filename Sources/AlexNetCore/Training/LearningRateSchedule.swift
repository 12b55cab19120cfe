/// How the learning rate changes during a run. The paper started at 0.01 and divided by 10 by hand "when
/// the validation error rate stopped improving", three times in about 90 epochs; a run of a few epochs
/// needs the ÷10 at a fixed place to get its benefit at all.
public enum LearningRateSchedule: String, Sendable, CaseIterable {
    /// ε for the first two thirds of the epochs, ε/10 for the rest (rounded to whole epochs; a run of one
    /// epoch keeps ε). For the default 3 epochs: ε in epochs 1–2, ε/10 in epoch 3. The default: after 3
    /// epochs `mini` (seed 1) reached 88.26% instead of the plateau rule's 84.74% (docs/training.md).
    case step
    /// ε/10 whenever the test error has not improved for `TrainingOptions.plateauPatience` epochs: the
    /// paper's rule, with the test set standing in for its validation set. Needs a test set.
    case plateau
    /// ε throughout (the ReLU-vs-tanh comparison, which measures speed at one rate).
    case constant

    /// The factor of each ÷10.
    public static let factor = 0.1

    /// The first epoch (0-based) of a `step` run that trains at ε/10; `epochs` when none does.
    public static func stepEpoch(epochs: Int) -> Int {
        guard epochs > 1 else { return epochs }
        return max(1, Int((Double(epochs) * 2 / 3).rounded()))
    }

    /// The rate a `step` run uses in `epoch` (0-based) from a starting rate `base`.
    public static func stepRate(base: Double, epoch: Int, epochs: Int) -> Double {
        epoch >= stepEpoch(epochs: epochs) ? base * factor : base
    }

    /// One line for `train --help` and the README.
    public var summary: String {
        switch self {
        case .step: "step: ÷10 for the last third of the epochs (epoch 3 of 3)"
        case .plateau: "plateau: ÷10 after 2 epochs without a better test error (the paper's rule)"
        case .constant: "constant: the same rate throughout"
        }
    }
}
