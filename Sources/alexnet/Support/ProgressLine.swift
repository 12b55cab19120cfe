import AlexNetCore
import Foundation

/// The one-line progress bar of `train` and `compare`: redrawn in place on a terminal, printed every
/// few seconds as plain lines when the output goes to a file or a pipe.
struct ProgressLine {
    let isTerminal = isatty(STDOUT_FILENO) == 1
    private var lastPrint = ContinuousClock.now - .seconds(10)

    static func bar(_ fraction: Double, width: Int) -> String {
        // NaN compares false both ways, so clamp it explicitly before converting to Int.
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let filled = Int((clamped * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    static func text(_ p: TrainingProgress, epochs: Int, prefix: String = "") -> String {
        let position = (p.epoch - Double(p.epochIndex)) * Double(p.stepsPerEpoch) + 0.5
        let inEpoch = position.isFinite ? Int(min(max(position, 0), Double(p.stepsPerEpoch))) : 0
        let done = inEpoch == 0 && p.epochIndex > 0 ? p.stepsPerEpoch : inEpoch
        let epochShown = inEpoch == 0 && p.epochIndex > 0 ? p.epochIndex : p.epochIndex + 1
        return prefix + "epoch \(epochShown)/\(epochs) [\(bar(Double(done) / Double(max(p.stepsPerEpoch, 1)), width: 20))] "
            + "\(done)/\(p.stepsPerEpoch)  loss \(NumberText.fixed(p.loss, 3))  train error \(NumberText.percent(p.trainError))  "
            + "\(NumberText.grouped(rounding: p.imagesPerSecond)) images/s"
    }

    /// Shows a line: in place on a terminal (at most ~10 times a second), else every 5 s or when forced.
    mutating func show(_ line: String, force: Bool = false) {
        let now = ContinuousClock.now
        if isTerminal {
            guard force || now - lastPrint >= .milliseconds(100) else { return }
            // Straight to the file descriptor: print's buffer would hold a line without a newline.
            FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + line).utf8))
        } else {
            guard force || now - lastPrint >= .seconds(5) else { return }
            print(line)
        }
        lastPrint = now
    }

    /// Ends the in-place line so that the next print starts on a fresh one.
    func finishLine() {
        if isTerminal { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
