#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// One app state in the real binary: weights trained on screen 5 show on screens 3 and 4 while the run
/// goes on, and r puts the initial weights back.
@Suite(.timeLimit(.minutes(2)))
struct LiveWeightsEndToEndTests {
    static var hasData: Bool { FashionMNISTFiles.installed }

    /// The prediction list as shown: "47.0% T-shirt/top", best first.
    static func prediction(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line in
            line.range(of: #"\d+\.\d% [A-Za-z][A-Za-z/ -]*[a-z]"#, options: .regularExpression).map { String(line[$0]) }
        }
    }

    static func step(_ screen: String, after marker: String) -> Int? {
        guard let r = screen.range(of: marker + #"\d[\d,]*"#, options: .regularExpression) else { return nil }
        return Int(screen[r].dropFirst(marker.count).filter(\.isNumber))
    }

    @Test(.enabled(if: hasData)) func trainingOnScreen5ShowsOnScreens3And4() throws {
        let tmux = try TmuxSession.launch("explore --preset mini --untrained --train-limit 6400", width: 80, height: 24, waitingFor: "conv1  convolution")
        tmux.keys("4")
        // The whole frame, all five lines of the prediction included: a capture can land in the middle of a redraw,
        // and a list cut short there never equals the full one shown after r (this test timed out so, once, under load).
        let untrained = try tmux.waitUntil("the untrained weights and their prediction") {
            $0.contains("weights: untrained, He normal, seed 1") && Self.prediction($0).count == 5
        }
        let before = Self.prediction(untrained)
        tmux.keys("3")
        try tmux.waitFor("conv1 filters 32 × 5×5×1  ·  untrained, He normal, seed 1")

        tmux.keys("5")
        try tmux.waitFor("mini, the Fashion-MNIST AlexNet", "ready: press")
        tmux.keys("Space")
        // About ten seconds of training (60 steps of 64), measured by the run's own step counter, not a sleep.
        try tmux.waitUntil("60 training steps", seconds: 60) { (Self.step($0, after: "step ") ?? 0) >= 60 }

        // Screen 3 follows the run while it goes on: the step in its header keeps rising.
        tmux.keys("3")
        let first = try tmux.waitUntil("live weights on screen 3") { Self.step($0, after: "mini · trained live · step ") != nil }
        let s1 = Self.step(first, after: "mini · trained live · step ")!
        try tmux.waitUntil("a later step on screen 3") { (Self.step($0, after: "mini · trained live · step ") ?? 0) > s1 }

        tmux.keys("4")
        let trained = try tmux.waitUntil("live weights and a new prediction on screen 4") { screen in
            screen.contains("weights: mini · trained live · step") && !screen.contains("updating")
                && Self.prediction(screen).count == 5 && Self.prediction(screen) != before
        }
        #expect(Self.prediction(trained) != before)

        // r: back to the initial weights and the untrained prediction.
        tmux.keys("r")
        let reset = try tmux.waitFor("weights: untrained, He normal, seed 1")
        try tmux.waitUntil("the untrained prediction again") { Self.prediction($0) == before }
        _ = reset
        tmux.keys("q")
        #expect(try tmux.waitForExit(seconds: 20) == 0)
    }

    /// The default network cannot read Fashion-MNIST: every engine screen says which network trains and why.
    @Test func alexnetSaysTrainingRunsMini() throws {
        let tmux = try TmuxSession.launch(width: 80, height: 24, waitingFor: "conv1  convolution")
        tmux.keys("3")
        try tmux.waitFor("training runs mini: alexnet reads 227×227×3 images; Fashion-MNIST has 28×28×1")
        tmux.keys("4")
        try tmux.waitFor("weights: untrained, Gaussian σ = 0.01, seed 1  · training runs mini")
        tmux.keys("5")
        try tmux.waitFor("mini, the Fashion-MNIST AlexNet", "why mini: alexnet reads 227×227×3 images")
        tmux.keys("6")
        try tmux.waitFor("relu vs tanh on figure1, lr relu 0.005/tanh 0.02")   // screen 6 always runs Figure 1's network
        #expect(try tmux.stop() == 0)
    }
}
}
