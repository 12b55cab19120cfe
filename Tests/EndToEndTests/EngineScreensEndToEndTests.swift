#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// The screens that run the engine: feature maps of a real Fashion-MNIST image, and live training on a
/// background thread while the UI keeps answering keys.
@Suite(.timeLimit(.minutes(1)))
struct EngineScreensEndToEndTests {
    static var hasData: Bool { FashionMNISTFiles.installed }

    @Test(.enabled(if: hasData)) func featureMapsShowAPrediction() throws {
        let tmux = try TmuxSession.launch("explore --preset mini", width: 120, height: 40, waitingFor: "conv1  convolution")
        tmux.keys("4")
        try tmux.waitFor("conv1 32 maps of 27×27", "Fashion-MNIST test image 0 (Ankle boot)", "Prediction")
        tmux.keys("]", "n")
        try tmux.waitFor("relu1 32 maps of 27×27", "Fashion-MNIST test image 1 (Pullover)")
        #expect(try tmux.stop() == 0)
    }

    @Test(.enabled(if: hasData)) func trainingRunsInTheBackgroundAndQuitStopsIt() throws {
        let tmux = try TmuxSession.launch("explore --preset mini --train-limit 2000", width: 120, height: 40, waitingFor: "conv1  convolution")
        tmux.keys("5")
        try tmux.waitFor("ready: press Space to start")
        tmux.keys("Space")
        // The step counter advances while the UI keeps drawing.
        try tmux.waitUntil("step counter past 5", seconds: 30) { screen in
            guard let r = screen.range(of: #"step (\d+) of"#, options: .regularExpression) else { return false }
            let digits = screen[r].dropFirst(5).prefix { $0.isNumber }
            return (Int(digits) ?? 0) > 5
        }
        tmux.keys("Space")
        try tmux.waitFor("paused: Space resumes")
        #expect(try tmux.stop() == 0)
    }

    @Test func filtersCommandPrintsTheASCIIRampWithoutColour() throws {
        let tmux = try TmuxSession.launch("filters --preset mini", environment: "NO_COLOR=1", width: 120, height: 40, waitingFor: "mini conv1: 32 filters of 5×5×1")
        try tmux.waitFor("blue < 0 < red; ramp")
        #expect(try tmux.waitForExit() == 0)
        #expect(!tmux.capture(escapes: true).contains("38;5;"))
    }
}
}
