#if canImport(Glibc)
import Glibc
#endif
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// The real binary in a real (tmux) terminal: keys in, screen text and colours out.
@Suite(.timeLimit(.minutes(1)))
struct ExplorerEndToEndTests {
    @Test func opensStepsToConv2AndQuits() throws {
        let tmux = try TmuxSession.launch(width: 120, height: 40, waitingFor: "conv1  convolution")
        try tmux.waitFor("227×227×3 → 55×55×96")
        tmux.keys("Right", "Right", "Right", "Right")
        // conv2: (27 − 5 + 2·2)/1 + 1 = 27, 256 filters.
        try tmux.waitFor("conv2  convolution", "27×27×256", "= ⌊(27 − 5 + 2·2)/1⌋ + 1")
        #expect(try tmux.stop() == 0)
    }

    /// Arrows as a terminal outside keypad mode sends them (ESC [ C, ESC [ D): xterm's terminfo lists only
    /// the ESC O forms, so these were read as Esc and two characters. They move the walk like the arrows.
    @Test func rawCSIArrowsMoveTheWalk() throws {
        let tmux = try TmuxSession.launch(width: 120, height: 40, waitingFor: "conv1  convolution")
        for _ in 0..<4 { tmux.tmux(["send-keys", "-t", "e2e", "-H", "1b", "5b", "43"]) }   // ESC [ C: Right
        try tmux.waitFor("conv2  convolution", "27×27×256")
        tmux.tmux(["send-keys", "-t", "e2e", "-H", "1b", "5b", "44"])                       // ESC [ D: Left
        try tmux.waitFor("pool1  overlapping max pooling")
        #expect(try tmux.stop() == 0)
    }

    @Test func editingConv1StrideChangesTheShapesDownstream() throws {
        let tmux = try TmuxSession.launch(width: 120, height: 40, waitingFor: "conv1  convolution")
        tmux.keys("2")
        try tmux.waitFor("kernel 11 [k/K]   stride 4 [s/S]")
        tmux.keys("S")
        // Stride 5: ⌊(227 − 11)/5⌋ + 1 = 44; pool1 ⌊(44 − 3)/2⌋ + 1 = 21.
        let screen = try tmux.waitFor("stride 5 [s/S]", "44×44×96", "pool1   27×27×96    21×21×96")
        #expect(screen.contains("not exact: 216/5 leaves 1;"))
        tmux.keys("r")
        try tmux.waitFor("stride 4 [s/S]")
        #expect(try tmux.stop() == 0)
    }

    @Test func filtersInColour() throws {
        let tmux = try TmuxSession.launch(width: 120, height: 40, waitingFor: "conv1  convolution")
        tmux.keys("3")
        try tmux.waitFor("conv1 filters 96 × 11×11×3", "untrained")
        let screen = tmux.capture(escapes: true)
        #expect(screen.contains("▀"))
        #expect(screen.contains("38;5;"))   // 256-colour foreground (upper pixel)…
        #expect(screen.contains("48;5;"))   // …and background (lower pixel)
        tmux.keys("Enter")
        try tmux.waitFor("filter 0 (0–95)", "colour scale, channel R:")
        #expect(try tmux.stop() == 0)
    }

    @Test func filtersUnderNoColorUseTheASCIIRamp() throws {
        let tmux = try TmuxSession.launch(environment: "NO_COLOR=1", width: 120, height: 40, waitingFor: "conv1  convolution")
        tmux.keys("3")
        let text = try tmux.waitFor("conv1 filters", "ramp \" .:-=+*#%@\"")
        let screen = tmux.capture(escapes: true)
        #expect(!screen.contains("▀"))
        #expect(!screen.contains("38;5;") && !screen.contains("48;5;"))
        // A random Gaussian filter uses most of the ramp.
        let ramp = Set(" .:-=+*#%@")
        let filterRows = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4).prefix(11)
        #expect(filterRows.allSatisfy { row in row.count > 20 && row.allSatisfy { ramp.contains($0) } })
        #expect(try tmux.stop() == 0)
    }

    @Test func survivesResizingDownTo10x4AndBack() throws {
        let tmux = try TmuxSession.launch(width: 100, height: 30, waitingFor: "conv1  convolution")
        tmux.resize(width: 10, height: 4)
        try tmux.waitFor("Too small:", "10×4, need")
        tmux.resize(width: 60, height: 20)
        try tmux.waitFor("conv1  convolution")
        tmux.resize(width: 120, height: 40)
        try tmux.waitFor("Where the 60,965,224 parameters live")
        #expect(try tmux.stop() == 0)
    }

    @Test func controlCRestoresAUsableShell() throws {
        let tmux = try TmuxSession.launch(width: 100, height: 30, waitingFor: "conv1  convolution")
        #expect(try tmux.stop("C-c") == 130)   // 128 + SIGINT
        // Echo and line editing are back: the typed line shows, and the shell runs it.
        tmux.type("echo shell-$((40 + 2))")
        let screen = try tmux.waitFor("shell-42")
        #expect(screen.contains("echo shell-$((40 + 2))"))
        #expect(!screen.contains("conv1  convolution"))   // the alternate screen is gone
    }

    @Test func withoutUTF8EverythingIsASCII() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        tmux.type(try AlexNetBinary.command(environment: "LANG=C LC_ALL=C"))
        let screen = try tmux.waitFor("227x227x3 > 55x55x96", "floor((227 - 11 + 2*0)/4) + 1")
        #expect(!screen.unicodeScalars.contains { !$0.isASCII })
        tmux.keys("3")
        try tmux.waitFor("conv1 filters 96 x 11x11x3")
        #expect(try tmux.stop() == 0)
    }

    @Test func notATerminalExitsWithAMessage() throws {
        let path = try #require(AlexNetBinary.path, "the alexnet binary (run `swift build` first)")
        let r = Spawn.run([path, "explore"], environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("needs a terminal"))
    }
}

/// Stopping by signal: SIGTERM ends the program cleanly, and a crash signal (a Swift runtime trap is
/// SIGILL or SIGTRAP) still puts the terminal back before the process dies.
@Suite(.timeLimit(.minutes(1)))
struct ExplorerSignalTests {
    @Test(arguments: [(SIGTERM, 143), (SIGILL, 132), (SIGSEGV, 139)])
    func terminalIsRestoredAfter(_ signal: Int32, _ status: Int) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        // Swift's crash backtracer would otherwise wait for a key on a terminal.
        tmux.type(try AlexNetBinary.command(environment: "SWIFT_BACKTRACE=interactive=no"))
        try tmux.waitFor("conv1  convolution")
        let pid = try #require(tmux.programPID(), "the explorer's pid")
        kill(pid, signal)
        #expect(try tmux.waitForExit(seconds: 20) == status)
        tmux.type("echo shell-$((40 + 2))")
        let screen = try tmux.waitFor("shell-42")
        #expect(screen.contains("echo shell-$((40 + 2))"))
        #expect(!screen.contains("conv1  convolution"))
    }
}
}
