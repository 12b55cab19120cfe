#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// A full-screen lesson drives the real explorer: `show: filters` switches to the filters screen and
/// `train: 20` trains twenty steps on the training screen, after which the filters say so.
@Suite(.timeLimit(.minutes(2)))
struct LessonDrivesScreensEndToEndTests {
    static var hasData: Bool { FashionMNISTFiles.installed }

    @Test(.enabled(if: hasData)) func showFiltersAndTrain20() throws {
        let tmux = try TmuxSession.launch("lesson watch-it-learn", width: 140, height: 40, waitingFor: "── Step 1/11 ──")
        try tmux.waitFor("conv1  convolution")
        tmux.keys("n")
        // show: filters — the real filters screen beside the narrative, untrained.
        try tmux.waitFor("── Step 2/11 ──", "conv1 filters 32 × 5×5×1  ·  untrained, He normal, seed 1")
        tmux.keys("n")
        try tmux.waitFor("Q: How many weights do conv1's filters hold", "answer> _")
        tmux.type("800")
        try tmux.waitFor("Right: 800.")
        tmux.keys("n")
        // train: 20 — the training screen trains visibly, then the narrative reports it.
        try tmux.waitFor("── Step 4/11 ──", "mini, the Fashion-MNIST AlexNet, batch 64")
        let done = try tmux.waitFor("Trained 20 steps (now at step 20)", seconds: 60)
        #expect(done.contains("step 20 of"))
        tmux.keys("n")
        try tmux.waitFor("── Step 5/11 ──", "conv1 filters 32 × 5×5×1  ·  mini · trained live · step 20")
        tmux.keys("q")
        try tmux.waitFor("1 of 1 questions right.")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test(.enabled(if: hasData)) func escapeSkipsATrainingStep() throws {
        let tmux = try TmuxSession(width: 140, height: 40)
        tmux.type(try AlexNetBinary.command("lesson dropout"))
        try tmux.waitFor("── Step 1/")
        // Steps 1–9 ask (drop6 first): skip them; step 10 switches to torchvision and asks, step 11
        // switches to mini and asks, step 12 trains 100 steps.
        func skipQuestion() throws {
            try tmux.waitFor("answer> _")
            tmux.type("skip")
            try tmux.waitFor("The answer is")
            tmux.keys("n")
        }
        for _ in 0..<9 { try skipQuestion() }
        try tmux.waitFor("torchvision's AlexNet puts dropout")
        try skipQuestion()
        try tmux.waitFor("The small Fashion-MNIST AlexNet follows", "mini, the Fashion-MNIST AlexNet, batch 64")
        try skipQuestion()
        try tmux.waitUntil("some of the 100 steps done", seconds: 60) {
            $0.range(of: #"training [1-9]\d*/100 · Esc skips"#, options: .regularExpression) != nil
        }
        tmux.keys("Escape")
        // The last step: Esc skipped the training and did not leave the lesson.
        let skipped = try tmux.waitFor("(training skipped after", "p back · q quit")
        #expect(skipped.range(of: #"skipped after [1-9]\d* of 100 steps"#, options: .regularExpression) != nil)
        try tmux.waitFor("paused: Space resumes")   // the training screen beside it stopped too
        #expect(try tmux.stop() == 0)
    }
}
}
