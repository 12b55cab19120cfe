#if canImport(Glibc)
import Glibc
#endif
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// The explorer at the design size (80×24) and on terminals that cannot draw full screen.
@Suite(.timeLimit(.minutes(1)))
struct LayoutEndToEndTests {
    /// `TERM=dumb` can't place text: one line that says so and names the plain commands, exit 1.
    @Test(arguments: [("dumb", "cannot move the cursor"), ("no-such-terminal-xyz", "not in the terminfo database")])
    func terminalThatCannotDrawFullScreenSaysSoInOneLine(_ term: String, _ reason: String) throws {
        let tmux = try TmuxSession(width: 200, height: 24)
        let path = try #require(AlexNetBinary.path, "the alexnet binary (run `swift build` first)")
        tmux.type("/usr/bin/env TERM=\(term) \(path); echo __EXIT=$?__")
        #expect(try tmux.waitForExit() == 1)
        let lines = tmux.capture().split(separator: "\n").map(String.init)
        let said = lines.filter { $0.contains("alexnet explore cannot draw full screen") }
        #expect(said.count == 1)
        let line = try #require(said.first)
        #expect(line.contains("TERM=\(term)") && line.contains(reason))
        #expect(line.contains("`alexnet shapes`") && line.contains("`alexnet lesson --plain`")
                && line.contains("`alexnet quiz --plain`"))
        // Nothing else between the command line and the exit status.
        let command = try #require(lines.firstIndex { $0.contains("__EXIT=$?__") })
        let exit = try #require(lines.firstIndex { TmuxSession.exitCode(in: $0) != nil })
        #expect(exit - command == 2)
    }

    /// At 80×24 conv1's explanation is longer than its panel: it says so, and J/PgDn reach the paper's
    /// 224×224 against 227 and its 253,440 neurons; every tab and the network name are on the bar.
    @Test func conv1PanelScrollsToThePaperNotesAt80x24() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        tmux.type(try AlexNetBinary.command())
        let first = try tmux.waitFor("conv1  convolution", "more ↓", seconds: 30)
        let bar = first.split(separator: "\n").first.map(String.init) ?? ""
        for n in 1...6 { #expect(bar.contains(" \(n) "), "\(bar)") }
        #expect(bar.hasSuffix(" alexnet"), "\(bar)")
        tmux.keys("J")
        let second = try tmux.waitFor("more ↑", "253,440")
        // Between the two pages: the 224 note (⌊(224 − 11)/4⌋: 213 = 53·4 + 1 leaves a pixel) and the neurons.
        let seen = first + second
        #expect(seen.contains("The paper says 224×224 input") && seen.contains("not exact: 213/4"))
        #expect(seen.contains("253,440"))
        tmux.keys("PageDown")
        let end = try tmux.waitFor("fc8", " 6.7%")   // fc8 holds 4,097,000 of the 60,965,224 parameters
        #expect(!end.contains("more ↓"))
        tmux.keys("K", "K", "K")
        try tmux.waitUntil("back at the top") { !$0.contains("more ↑") && $0.contains("more ↓") }
        #expect(try tmux.stop() == 0)
    }

    /// Growing the window while the training chart draws, then quitting, leaves the shell's screen as
    /// it was: tmux re-fits the alternate screen to its old size on the way out and kept the rows the
    /// cursor pushed out (the chart's top lines) until the explorer blanked the screen before leaving.
    @Test(arguments: ["q", "C-c", "SIGTERM"])
    func shellScreenIsCleanAfterResizeAndQuit(_ quitKey: String) throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        tmux.type("echo before-explorer")
        try tmux.waitFor("before-explorer")
        tmux.type(try AlexNetBinary.command("explore --preset mini --train-limit 2000"))
        try tmux.waitFor("1 Layers")
        tmux.keys("5")
        try tmux.waitFor("Error rate", "Space")
        tmux.keys("Space")
        try tmux.waitUntil("training steps", seconds: 30) { $0.contains("step ") && !$0.contains("step 0 ·") }
        tmux.resize(width: 120, height: 40)
        try tmux.waitUntil("a 120-column frame") { $0.split(separator: "\n").contains { $0.count > 100 } }
        if quitKey == "SIGTERM" {
            kill(try #require(tmux.programPID(), "the explorer's pid"), SIGTERM)
        } else {
            tmux.keys(quitKey)
        }
        let code = try tmux.waitForExit(seconds: 20)
        #expect(code == ["q": 0, "C-c": 130, "SIGTERM": 143][quitKey])
        let screen = tmux.capture()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The shell's own lines come first, and nothing of the explorer (chart, axis, bars) remains.
        #expect(lines.first?.contains("echo before-explorer") == true, "\(screen)")
        for mark in ["│", "└", "Error rate", "Loss", "step", "*"] {
            #expect(!lines.contains { $0.contains(mark) && !$0.contains("__EXIT") && !$0.contains("echo") },
                    "'\(mark)' left on the shell screen:\n\(screen)")
        }
    }
}
}
