import AlexNetCore

/// Whether a `train:` step can run on the network of its step. Plain mode trains only the mini preset,
/// on Fashion-MNIST; other presets are skipped with a note, which is not an error. A mini network whose
/// what-if input no longer fits the data would fail halfway through the lesson, so the checker and the
/// session refuse it at the step's line. Mirrors the guard of `TrainingRun.init`.
enum TrainingFit {
    static func problem(in context: LessonContext) -> String? {
        guard context.preset == .mini else { return nil }
        let report = context.report
        let input = report.input, side = FashionMNIST.side
        // Sides and channels are named apart: the shape's written order differs between screens.
        if input.height > side || input.width > side {
            return "train: at this step mini reads \(input.height)×\(input.width) images; Fashion-MNIST's are \(side)×\(side), so only inputs of at most \(side)×\(side) train (switch back with 'preset: mini' before training)"
        }
        if input.channels != 1 {
            return "train: at this step mini reads \(input.channels)-channel images; Fashion-MNIST's are greyscale (1 channel)"
        }
        if report.output.count != FashionMNIST.classNames.count {
            return "train: at this step mini ends in \(report.output.count) classes; Fashion-MNIST has \(FashionMNIST.classNames.count)"
        }
        return nil
    }
}
