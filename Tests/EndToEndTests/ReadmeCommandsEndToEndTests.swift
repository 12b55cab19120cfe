#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Every command in README.md runs as written, against the built binary: each line of a ```sh block that
/// starts with `alexnet`. Full-screen commands (the explorer, a lesson without --plain, a quiz without
/// --plain) run in an 80×24 tmux pane until their first frame, then Ctrl-C. The skip list is the `make`
/// lines alone: `make test` would run this test again, and `make run`/`make install` build in release.
/// The README also stays short: at most 150 lines.
extension TerminalSuites {
@Suite(.timeLimit(.minutes(5)))
struct ReadmeCommandsEndToEndTests {
    static var readme: String {
        (try? String(contentsOfFile: EndToEnd.repository + "/README.md", encoding: .utf8)) ?? ""
    }

    /// The `alexnet …` lines of the README's ```sh blocks, comments removed.
    static var commands: [String] {
        var inShell = false, found: [String] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inShell = line == "```sh"; continue }
            guard inShell else { continue }
            let command = line.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if command == "alexnet" || command.hasPrefix("alexnet ") { found.append(command) }
        }
        return found
    }

    /// Whether the command opens the full-screen UI (no arguments, explore, a lesson or quiz not in plain mode).
    static func isFullScreen(_ words: [String]) -> Bool {
        guard let first = words.first else { return true }
        if first == "explore" || first.hasPrefix("--") { return true }
        let plain = words.contains("--plain") || words.contains("--list") || words.contains("--check")
            || words.contains("--export")
        return (first == "lesson" || first == "quiz") && !plain
    }

    @Test func readmeIsShortAndHasTheTour() {
        let lines = Self.readme.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 150, "README.md has \(lines.count) lines")
        #expect(Self.readme.contains("make run") && Self.readme.contains("make test"))
        #expect(!Self.readme.contains("@@SCREEN@@"), "the screen picture was never filled in")
        // explore, a lesson, a quiz, train, predict: the tour's five steps are all commands here.
        let words = Self.commands.map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
        for step in ["", "lesson", "quiz", "train", "predict"] { #expect(words.contains(step), "no `alexnet \(step)` in the tour") }
    }

    @Test func everyReadmeCommandRuns() throws {
        let commands = Self.commands
        #expect(commands.count >= 7, "\(commands)")
        for command in commands {
            let words = command.split(separator: " ").dropFirst().map(String.init)
            if Self.isFullScreen(words) {
                // The first frame of each: the layer walk, a lesson's first step, a quiz's first question.
                let marker = words.first == "lesson" ? "Step 1/" : words.first == "quiz" ? "Question 1/" : "conv1"
                let args = words.map(EndToEnd.quoted).joined(separator: " ")
                let tmux = try TmuxSession(width: 80, height: 24)
                tmux.type("cd \(EndToEnd.quoted(EndToEnd.repository)) && " + (try AlexNetBinary.command(args)))
                try tmux.waitFor(marker, seconds: 30)
                #expect(try tmux.stop("C-c") == 130, "\(command)")
                continue
            }
            if words.first == "train" && !FashionMNISTFiles.installed { continue }
            let out = try EndToEnd.run(words, environment: ["COLUMNS": "80", "LANG": "C.UTF-8"])
            #expect(out.status == 0, "`\(command)` exited \(out.status): \(out.stderr)")
            #expect(!out.stdout.isEmpty, "`\(command)` printed nothing")
        }
    }
}
}
