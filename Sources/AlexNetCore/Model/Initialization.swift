/// How a network's weights start.
public enum Initialization: String, Sendable, CaseIterable {
    /// The paper's: weights from N(0, 0.01²); biases 1 in conv2, conv4, conv5 and the hidden fully
    /// connected layers ("accelerates the early stages of learning by providing the ReLUs with positive
    /// inputs"), 0 elsewhere.
    case paper
    /// He (Kaiming) normal: weights from N(0, 2/fan_in), biases 0. A deep narrow network such as `mini`
    /// barely moves from N(0, 0.01²): each layer shrinks the signal, so the first epochs are lost.
    case he

    /// The default for a preset: the paper's for the full-size networks, He for `mini` and `figure1`
    /// (from N(0, 0.01²) the signal shrinks about tenfold per layer, so training starts on the ln 10 plateau).
    public static func `default`(for preset: Preset?) -> Initialization {
        preset == .mini || preset == .figure1 ? .he : .paper
    }

    /// How every header, line and lesson names it ("untrained, Gaussian σ = 0.01, seed 1"); `paper` and
    /// `he` are only the `--init` values.
    public var name: String {
        switch self {
        case .paper: "Gaussian σ = 0.01"
        case .he: "He normal"
        }
    }
}
