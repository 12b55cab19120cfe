import Foundation
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// Screen 6 through the real binary at the design size: Space starts the figure1 comparison, and the
/// verdict comes with the saturation bars beside the curves.
@Suite(.timeLimit(.minutes(4)))
struct CompareScreenEndToEndTests {
    static var hasData: Bool { FashionMNISTFiles.installed }

    @Test(.enabled(if: hasData)) func spaceRunsFigure1ToAVerdictWithSaturationBars() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        // 640 training images: one epoch is 10 steps. The runs go on past 25% towards 15% and 10% (or the
        // 200-step budget), which takes a debug build a few minutes under load.
        tmux.type(try AlexNetBinary.command("explore --preset alexnet --train-limit 640"))
        try tmux.waitFor("conv1  convolution")
        tmux.keys("6")
        try tmux.waitFor("figure1, lr relu 0.005/tanh 0.02", "ready: press Space")
        tmux.keys("Space")
        let screen = try tmux.waitFor("finished", "Paper (CIFAR-10): ReLU 6× faster than tanh", "Saturated units",
                                      "conv2 relu", "‖∂W‖/‖W‖", seconds: 200)
        // The verdict names the outcome once, whole, at 80 columns.
        #expect(screen.range(of: #"(was [0-9.]+× faster here|was faster here|a tie here|neither reached 25%)"#,
                             options: .regularExpression) != nil, "\(screen)")
        #expect(!screen.contains("finished:"))
        // One bar per run for each conv layer, each ending in a percentage.
        for layer in ["conv1", "conv2", "conv3"] {
            #expect(screen.range(of: layer + #" relu [█░]+ *\d+%"#, options: .regularExpression) != nil, "\(layer)")
        }
        #expect(screen.range(of: #"\s+tanh [█░]+ *\d+%"#, options: .regularExpression) != nil)
        #expect(try tmux.stop() == 0)
    }
}
}
