#if canImport(Glibc)
import Glibc
#endif
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// The lesson in a real (tmux) terminal: the narrative panel beside the layer walk.
@Suite(.timeLimit(.minutes(1)))
struct LessonTUIEndToEndTests {
    @Test func panelAnswersAndFocusedWalk() throws {
        let tmux = try TmuxSession(width: 140, height: 40)
        tmux.type(try AlexNetBinary.command("lesson shape-arithmetic"))
        try tmux.waitFor("── Step 1/13 ──", "AlexNet reads a 227×227×3 image")
        tmux.keys("n")
        // Step 2 shows conv1 and asks for its side: the walk beside the panel is on conv1, with the
        // answer hidden until it is given.
        let asked = try tmux.waitFor("── Step 2/13 ──", "conv1  convolution", "Q: What is the output side of conv1", "answer> _")
        #expect(!asked.contains("55×55×96"))
        tmux.type("54")
        try tmux.waitFor("Not quite. Hint: (227 − 11 + 0) / 4 = 54, then add 1.")
        tmux.type("55")
        try tmux.waitFor("Right: 55.", "55×55×96")
        tmux.keys("n")
        try tmux.waitFor("── Step 3/13 ──", "pool1  overlapping max pooling")
        tmux.keys("Escape")   // step 3 asks too: q would be typed as an answer, Esc leaves
        try tmux.waitFor("1 of 1 questions right.")
        #expect(try tmux.waitForExit() == 0)
    }

    /// Raw bytes through a real terminal: UTF-8 sequences become one character each, DEL is Backspace,
    /// and an arrow's or F1's escape sequence is one key (the quiz ignores it), not Esc (which leaves)
    /// nor the characters "OD" typed into the answer.
    @Test func rawEscapeSequencesAndUTF8BytesAreDecodedAsKeys() throws {
        let tmux = try TmuxSession.launch("quiz --seed 3 --count 1 --topic params", environment: "XDG_DATA_HOME=/tmp/alexnet-quiz-keys-e2e-\(getpid())", width: 100, height: 24, waitingFor: "Question 1/1:")
        try tmux.waitFor("answer> _")
        func bytes(_ hex: String...) { tmux.tmux(["send-keys", "-t", "e2e", "-H"] + hex) }
        bytes("c3", "a9", "e4", "b8", "ad")          // é (2 bytes), 中 (3 bytes)
        try tmux.waitFor("answer> é中_")
        bytes("7f")                                  // DEL
        try tmux.waitFor("answer> é_")
        // ESC O D: Left as a terminal sends it in keypad mode, which the program turns on.
        bytes("1b", "4f", "44"); bytes("35")         // ESC O D (Left), then 5
        try tmux.waitFor("answer> é5_")
        bytes("1b", "4f", "50"); bytes("36")         // ESC O P (F1), then 6
        try tmux.waitFor("answer> é56_")
        // ESC [ D: Left outside keypad mode. xterm's terminfo knows only ESC O D, so without the program's
        // own definition this was Esc (the quiz left) followed by "[D".
        bytes("1b", "5b", "44"); bytes("37")         // ESC [ D (Left), then 7
        try tmux.waitFor("answer> é567_")
        bytes("1b", "5b", "48"); bytes("1b", "5b", "46"); bytes("38")   // ESC [ H (Home), ESC [ F (End), then 8
        try tmux.waitFor("answer> é5678_")
        let screen = tmux.capture()
        #expect(!screen.contains("OD") && !screen.contains("OP") && !screen.contains("[D") && !screen.contains("[H"))
        tmux.keys("Escape")                          // a lone Esc leaves
        try tmux.waitFor("Score: 0/0")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func quizInTheTerminalShowsTheWorkedFormula() throws {
        let tmux = try TmuxSession.launch("quiz --seed 3 --count 1 --topic params", environment: "XDG_DATA_HOME=/tmp/alexnet-quiz-tui-e2e-\(getpid())", width: 120, height: 30, waitingFor: "Question 1/1:")
        try tmux.waitFor("answer> _")
        tmux.type("1")
        try tmux.waitFor("Not quite. Try again.", "answer> _")   // a second try first
        tmux.type("2")
        try tmux.waitFor("Not quite: the answer is", "Done. Score: 0/1. Enter leaves.")
        tmux.keys("Enter")
        try tmux.waitFor("Score: 0/1")
        #expect(try tmux.waitForExit() == 0)
    }
}
}
