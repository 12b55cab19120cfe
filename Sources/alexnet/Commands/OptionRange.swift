import AlexNetCore
import ArgumentParser

/// The stated ranges of the numeric options, checked in `validate()` so a bad value is one line before any
/// work starts (a batch of 100,000 would otherwise allocate gigabytes before failing).
enum OptionRange {
    static let epochs = TrainingOptions.epochRange
    static let batch = TrainingOptions.batchSizeRange
    /// --limit and --test-limit: more than a file holds simply means all of it.
    static let count = 1...Int.max
    static let threads = 1...256
    static let benchSteps = 1...1_000

    /// "1...4096", or "1 or more" for an open range.
    static func text(_ range: ClosedRange<Int>) -> String {
        range.upperBound == .max ? "\(range.lowerBound) or more" : "\(range.lowerBound)...\(range.upperBound)"
    }

    static func check(_ option: String, _ value: Int?, _ range: ClosedRange<Int>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) must be \(range.upperBound == .max ? "" : "in ")\(text(range)), got \(value)")
    }

    /// Learning rates: positive and finite, as a checkpoint's are.
    static func checkRate(_ option: String, _ value: Double) throws {
        guard value > 0, value.isFinite else { throw ValidationError("\(option) must be a positive finite number, got \(value)") }
    }
}
