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

    /// The progress of `train` within `width` columns (one less is used: a line that fills the last column
    /// makes some terminals wrap, and then `\r` no longer returns to its start). The bar takes what is left,
    /// 20 cells at most and 5 at least; in a narrow window "train error" shortens to "error".
    static func text(_ p: TrainingProgress, epochs: Int, prefix: String = "", width: Int = 80) -> String {
        let position = (p.epoch - Double(p.epochIndex)) * Double(p.stepsPerEpoch) + 0.5
        let inEpoch = position.isFinite ? Int(min(max(position, 0), Double(p.stepsPerEpoch))) : 0
        let done = inEpoch == 0 && p.epochIndex > 0 ? p.stepsPerEpoch : inEpoch
        let epochShown = inEpoch == 0 && p.epochIndex > 0 ? p.epochIndex : p.epochIndex + 1
        let head = prefix + "epoch \(epochShown)/\(epochs) ["
        let fraction = Double(done) / Double(max(p.stepsPerEpoch, 1))
        var tail = "] \(done)/\(p.stepsPerEpoch)  loss \(NumberText.fixed(p.loss, 3))  train error \(NumberText.percent(p.trainError))  "
            + "\(NumberText.grouped(rounding: p.imagesPerSecond)) images/s"
        let room = width - 1 - PlainWrap.width(head)
        if room - PlainWrap.width(tail) < 5 { tail = tail.replacingOccurrences(of: "train error", with: "error") }
        let barWidth = min(20, max(5, room - PlainWrap.width(tail)))
        return head + bar(fraction, width: barWidth) + tail
    }

    /// Shows a line: in place on a terminal (at most ~10 times a second), else every 5 s or when forced.
    mutating func show(_ line: String, force: Bool = false) {
        let now = ContinuousClock.now
        if isTerminal {
            guard force || now - lastPrint >= .milliseconds(100) else { return }
            // A line wider than the window wraps, and `\r` then returns only to its last row: each update
            // would scroll. So it is cut to the window (one column spare), and spelled in ASCII without UTF-8.
            let fitted = Self.fitted(OutputCapabilities.printable(line), width: OutputCapabilities.columns - 1)
            // Straight to the file descriptor: print's buffer would hold a line without a newline.
            FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + fitted).utf8))
        } else {
            guard force || now - lastPrint >= .seconds(5) else { return }
            print(OutputCapabilities.printable(line))
        }
        lastPrint = now
    }

    /// The longest prefix of `line` within `width` columns.
    static func fitted(_ line: String, width: Int) -> String {
        var out = "", used = 0
        for ch in line {
            let w = PlainWrap.width(String(ch))
            if used + w > width { break }
            out.append(ch); used += w
        }
        return out
    }

    /// Prints a message wrapped at words to the terminal's width (80 into a file or a pipe), spelled as the
    /// terminal can show it; continuation lines are indented by `indent`.
    static func say(_ text: String, indent: String = "  ") {
        let width = OutputCapabilities.columns
        for line in PlainWrap.lines(OutputCapabilities.printable(text), width: width, rest: indent) { print(line) }
    }

    /// Ends the in-place line so that the next print starts on a fresh one.
    func finishLine() {
        if isTerminal { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
