#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `alexnet lesson` and `alexnet quiz` through the real binary, with input piped to stdin.
@Suite struct LessonCommandEndToEndTests {
    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// Runs `alexnet ARGS` under sh with `input` on stdin, in a fresh XDG data directory.
    func alexnet(_ arguments: String, input: String = "", dataHome: String? = nil) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        let home = dataHome ?? makeTemporaryDirectory()
        let script = "cd '\(Self.repository)' && printf '%s' \"$INPUT\" | '\(binary)' \(arguments)"
        return Spawn.run(["/bin/sh", "-c", script],
                         environment: ["PATH": "/usr/bin:/bin", "HOME": home, "XDG_DATA_HOME": home, "INPUT": input,
                                       "LANG": "C.UTF-8", "COLUMNS": "200"])   // a wide UTF-8 terminal: these check content, OutputWidthEndToEndTests the wrapping
    }

    func makeTemporaryDirectory() -> String {
        return EndToEnd.makeDirectory("alexnet-lesson-e2e")
    }

    /// Lessons rewritten by issue 23 against the answers-hidden rule (lesson 14 and the Chinese twins):
    /// until then `--check` fails on them alone, with only that rule's problems.
    /// zh/01 and zh/02 also differ from their English twins, rewritten this round (the twin check, issue 23).
    static let awaitingPredictFirst = ["14-what-conv1-learns.yaml", "zh/01-shape-arithmetic.yaml", "zh/02-where-the-parameters-live.yaml",
                                       "zh/14-what-conv1-learns.yaml"]

    static func expectCheckPasses(_ out: Spawn.Output) {
        // `file.yaml:LINE: message` lines (not the `file.yaml: N problems` totals).
        let problems = out.stderr.split(separator: "\n").filter { $0.split(separator: ".yaml:").dropFirst().first?.first?.isNumber == true }
        let others = problems.filter { line in !awaitingPredictFirst.contains { line.contains("lessons/" + $0 + ":") } || !(line.contains("asks for") || line.contains("English")) }
        #expect(others.isEmpty, "\(out.stderr)")
        if problems.isEmpty { #expect(out.status == 0, "\(out.stderr)") }
        else { withKnownIssue("issue 23 rewrites these lessons to ask before they show") { #expect(out.status == 0) } }
    }

    @Test func shippedLessonsPassTheCheck() throws {
        let out = try alexnet("lesson --check")
        Self.expectCheckPasses(out)
        #expect(out.stdout.contains("lessons/01-shape-arithmetic.yaml: ok"))
    }

    @Test func checkReportsFileLineAndFails() throws {
        let dir = makeTemporaryDirectory()
        let bad = dir + "/bad.yaml"
        let text = "title: T\npreset: alexnet\nsteps:\n  - question: q\n    answer: 34848\n    check: conv1.params\n"
        let f = fopen(bad, "w"); fputs(text, f); fclose(f)
        let out = try alexnet("lesson --check \(bad)")
        #expect(out.status == 1)
        #expect(out.stderr.contains("\(bad):5: answer 34848 disagrees with the core: conv1.params is 34,944"))
    }

    /// Mistakes of every kind in one file: one run lists them all, in line order, then their count.
    @Test func checkListsEveryProblemInLineOrderThenTheCount() throws {
        let dir = makeTemporaryDirectory()
        let bad = dir + "/seven.yaml"
        let text = """
            title: [a, list]
            preset: alexnet
            steps:
              - text: "{conv1.parms}"
              - txet: typo
              - question: q
                answer: 34848
                check: conv1.params
              - question: Which?
                choices: [x, y]
                answer: c
              - question: Why?
              - show: walk conv9

            """
        let f = fopen(bad, "w"); fputs(text, f); fclose(f)
        let out = try alexnet("lesson --check \(bad)")
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n").map(String.init)
        let located = lines.filter { $0.hasPrefix(bad + ":") && $0.dropFirst(bad.count + 1).first?.isNumber == true }
        #expect(located.map { Int($0.dropFirst(bad.count + 1).prefix { $0.isNumber })! } == [1, 4, 5, 7, 11, 12, 13],
                "\(out.stderr)")
        #expect(lines.contains("\(bad): 7 problems"), "\(out.stderr)")
    }

    @Test func plainLessonEndsCleanlyOnEndOfInput() throws {
        let out = try alexnet("lesson --plain shape-arithmetic", input: "\n\n54\n54\n")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Not quite. Hint: (227 − 11 + 0) / 4 = 54, then add 1."))
        #expect(out.stdout.contains("Not quite: the answer is 55.\n⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"))
        // The summary wraps at the terminal's width like every plain line (COLUMNS=200 here; OutputWidthEndToEndTests
        // checks 80 columns).
        #expect(out.stdout.split(separator: "\n").joined(separator: " ").hasSuffix("0 of 1 questions right."))
        #expect(out.stdout.split(separator: "\n").allSatisfy { $0.count <= 200 })
    }

    /// Piped into the binary: typed text at a step without a question is answered, not dropped; answers
    /// are echoed after their prompt; a question without a hint gets a second try.
    @Test func pipedPlainLessonReadsAsADialogue() throws {
        let out = try alexnet("lesson --plain shape-arithmetic", input: "hello\n\n\n54\n55\n\n\n\n")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("[Enter/n: next, p: previous, q: quit]\n> hello\n(this step has no question; press Enter to go on)\n"))
        #expect(out.stdout.contains("answer> 54\nNot quite. Hint: (227 − 11 + 0) / 4 = 54, then add 1.\nTry again (or type 'skip').\nanswer> 55\nRight: 55."))
        let quiz = try alexnet("quiz --plain --seed 3 --count 1 --topic params", input: "1\n2\n")
        #expect(quiz.stdout.contains("answer> 1\nNot quite. Try again.\nanswer> 2\nNot quite: the answer is"), "\(quiz.stdout)")
    }

    @Test func withoutATerminalTheLessonFallsBackToText() throws {
        let out = try alexnet("lesson shape-arithmetic", input: "q\n")
        #expect(out.status == 0)
        #expect(out.stderr.contains("not a terminal; running the lesson as a text session"))
        #expect(out.stdout.contains("── Step 1/13 ──"))
    }

    @Test func seededQuizWithWrongAnswersSavesProgress() throws {
        let home = makeTemporaryDirectory()
        let out = try alexnet("quiz --plain --seed 3 --count 2 --topic params", input: "1\n1\n1\n1\n", dataHome: home)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Not quite: the answer is"))
        #expect(out.stdout.contains("  weights = "))
        #expect(out.stdout.contains("Score: 0/2"))
        #expect(access(home + "/alexnet-explorer/progress.json", R_OK) == 0)
        // A corrupt progress file is set aside, reported, and replaced.
        let f = fopen(home + "/alexnet-explorer/progress.json", "w"); fputs("{oops", f); fclose(f)
        let again = try alexnet("quiz --plain --seed 3 --count 1", input: "1\n1\n", dataHome: home)
        #expect(again.stderr.contains("kept it as \(home)/alexnet-explorer/progress.json.corrupt-"))
        #expect(access(home + "/alexnet-explorer/progress.json", R_OK) == 0)
    }

    @Test func listShowsTheShippedLessons() throws {
        let out = try alexnet("lesson --list")
        #expect(out.status == 0)
        #expect(out.stdout.split(separator: "\n").count >= 6)
        #expect(out.stdout.contains("The two-GPU split"))
    }

    @Test func listShowsBothLanguagesAndTheyPassTheCheck() throws {
        let out = try alexnet("lesson --list")
        #expect(out.stdout.contains("en (") && out.stdout.contains("zh (") && out.stdout.contains("lessons): take one as zh/NAME"))
        #expect(out.stdout.contains("zh/01-shape-arithmetic") && out.stdout.contains("尺寸算术"))
        let check = try alexnet("lesson --check")
        Self.expectCheckPasses(check)
        let plain = try alexnet("lesson --plain zh/shape-arithmetic", input: "\n\n55\n")
        // A Chinese lesson speaks Chinese around its text too (issue 23).
        #expect(plain.status == 0 && plain.stdout.contains("答对了：55。"), "\(plain.stderr)")
    }

    /// The binary's worksheet is the whole file the Lessons tests keep as a snapshot.
    @Test func seededQuizWorksheetIsTheSnapshot() throws {
        let out = try alexnet("quiz --seed 42 --count 16 --export markdown --answers")
        #expect(out.status == 0, "\(out.stderr)")
        let f = fopen(Self.repository + "/Tests/LessonsTests/Snapshots/quiz-seed42-count16.answers.md", "r")
        defer { fclose(f) }
        var expected = [UInt8](), c = fgetc(f)
        while c != EOF { expected.append(UInt8(c)); c = fgetc(f) }
        #expect(out.stdout == String(decoding: expected, as: UTF8.self))
        let noSeed = try alexnet("quiz --count 3 --export markdown")
        #expect(noSeed.status != 0 && noSeed.stderr.contains("--export needs --seed N"))
    }

    @Test func jsonResultLineEndsAPlainQuiz() throws {
        let out = try alexnet("quiz --plain --seed 5 --count 2 --format json", input: "1\n1\n1\n1\n")
        #expect(out.status == 0, "\(out.stderr)")
        let last = out.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("{\"seed\":\"5\",\"topic\":\"all\",\"count\":2,\"asked\":2,\"correct\":"), "\(last)")
    }

    /// Kinds missed in one quiz come first in the next unseeded one, and the boxes are in the file.
    @Test func missedKindsComeBackFirst() throws {
        let home = makeTemporaryDirectory()
        let first = try alexnet("quiz --plain --count 3 --topic operations", input: "1\n1\n1\n1\n1\n1\n", dataHome: home)
        #expect(first.status == 0 && first.stdout.contains("Score: 0/3"), "\(first.stderr)")
        let second = try alexnet("quiz --plain --count 1 --topic operations", input: "q\n", dataHome: home)
        #expect(second.stdout.contains("(missed before, so asked first: "), "\(second.stdout)")
        let f = fopen(home + "/alexnet-explorer/progress.json", "r")
        defer { fclose(f) }
        var bytes = [UInt8](), c = fgetc(f)
        while c != EOF { bytes.append(UInt8(c)); c = fgetc(f) }
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"box\" : 0"))
        // A seeded quiz is the class's worksheet: no reordering, no note.
        let seeded = try alexnet("quiz --plain --seed 4 --count 1 --topic operations", input: "q\n", dataHome: home)
        #expect(!seeded.stdout.contains("missed before"))
    }

    @Test func newStarterPassesTheCheckAndIsNeverOverwritten() throws {
        let dir = makeTemporaryDirectory()
        let out = try alexnet("lesson --new \(dir)/week3")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try alexnet("lesson --check \(dir)/week3.yaml").status == 0)
        let again = try alexnet("lesson --new \(dir)/week3")
        #expect(again.status == 1 && again.stderr.contains("week3.yaml already exists"))
    }

    @Test func everyHandoutInOneGo() throws {
        let dir = makeTemporaryDirectory()
        let out = try alexnet("lesson --export markdown -o \(dir)/handouts")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("handouts to \(dir)/handouts"))
        #expect(access(dir + "/handouts/01-shape-arithmetic.md", R_OK) == 0)
        #expect(access(dir + "/handouts/zh/02-where-the-parameters-live.md", R_OK) == 0)
    }

    @Test func lessonHandoutThroughTheBinary() throws {
        let out = try alexnet("lesson 06-dropout --export markdown --answers")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("# Dropout\n"))
        #expect(out.stdout.contains("**Question 1.** How many of fc6's 4,096 outputs are dropped on average"))
        #expect(out.stdout.contains("> **Answer:** 2048") || out.stdout.contains("> **Answer:** 2,048"))
    }
}
