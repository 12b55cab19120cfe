import AlexNetCore
import Foundation
import Lessons

/// Runs a lesson's `experiment: N` in plain mode: the explorer's screen 6 comparison (figure1, ReLU
/// against tanh, each at its `compare --lr auto` rate, no weight decay, no augmentation), built by the
/// same `TrainingWorkers.comparisonMaker`, printing where both runs stand a few times on the way.
public enum LessonExperiment {
    /// `limit`: train on the first N images only (tests).
    public static func run(steps: Int, directory: String, limit: Int? = nil, progress: (String) -> Void) throws -> ComparisonSummary {
        let workers = TrainingWorkers(spec: Preset.figure1.spec, dataDirectory: directory, limit: limit)
        if let problem = workers.dataProblem { throw MissingData(description: problem) }
        progress("  (\(workers.compareRates.map { "\($0.0.rawValue) at lr \(NumberText.shortDecimal($0.1))" }.joined(separator: ", ")), "
                 + "targets \(workers.targets.map(ComparisonSummary.percent).joined(separator: ", ")) training error, "
                 + "no weight decay, no augmentation)")
        let comparison = try workers.comparisonMaker(budget: steps)()
        var done = 0
        // About four progress lines, at steps where both runs have a recorded point to report.
        let every = max(comparison.recordEvery, (steps / 4 + comparison.recordEvery - 1) / comparison.recordEvery * comparison.recordEvery)
        while !comparison.isFinished {
            try comparison.step()
            done += 1
            if done % every == 0 { progress("  step \(NumberText.grouped(done)): " + comparison.summary.progressLine) }
        }
        return comparison.summary
    }
}

/// No Fashion-MNIST: the plain runner prints this after the step's file:line.
struct MissingData: Error, CustomStringConvertible {
    var description: String
}
