#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Issue 12's lesson and quiz failures, through the real binary: each bad input gives one line
/// naming the file (and line), nothing traps or hangs, and a corrupt progress file is never lost.
@Suite struct LessonReliabilityEndToEndTests {
    /// Runs `alexnet ARGS` with `input` on stdin in `dir` (also the XDG data home), under a 60 s
    /// `timeout` so a hang fails the test (status 124) instead of stalling the suite.
    func alexnet(_ arguments: String, input: String = "", in dir: String) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        let script = "cd '\(dir)' && printf '%s' \"$INPUT\" | /usr/bin/timeout 60 '\(binary)' \(arguments)"
        return Spawn.run(["/bin/sh", "-c", script], environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "XDG_DATA_HOME": dir, "INPUT": input, "LANG": "C.UTF-8", "COLUMNS": "200"])
    }

    func makeDirectory() -> String {
        return EndToEnd.makeDirectory("alexnet-reliability-e2e")
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// No trap, no backtrace, exactly the expected lines on stderr.
    func expectCleanRefusal(_ out: Spawn.Output, status: Int32, stderr lines: [String], _ what: String) {
        #expect(out.status == status, "\(what): \(out.stderr)")
        #expect(out.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == lines, "\(what)")
        #expect(!out.stderr.contains("Fatal error") && !out.stderr.contains("Backtrac"), "\(what)")
    }

    // MARK: - Lessons

    struct LessonCase: Sendable, CustomTestStringConvertible {
        var name: String
        var steps: String
        /// The one problem line, as `--check` prints it (the run prints it after `error: `).
        var problem: String
        var testDescription: String { name }
    }

    static let lessonCases: [LessonCase] = [
        LessonCase(name: "160 choices (trapped: Not enough bits)",
                   steps: "  - question: Which?\n    choices: [\((0..<160).map { "o\($0)" }.joined(separator: ", "))]\n    answer: a\n",
                   problem: "x.yaml:5: choices takes 2–26 options (letters a–z), got 160"),
        LessonCase(name: "train a billion (passed --check, then ran until killed)", steps: "  - text: hi\n  - train: 1000000000\n",
                   problem: "x.yaml:5: train takes 1–5,000 steps, got 1,000,000,000"),
        LessonCase(name: "input 1 (no file:line under --plain)", steps: "  - text: hi\n  - input: 1\n",
                   problem: "x.yaml:5: this step breaks the network: layer conv1: kernel 11 is larger than the padded input 1 (1 + 2·0)"),
        LessonCase(name: "input 1 as the first step", steps: "  - input: 1\n",
                   problem: "x.yaml:4: this step breaks the network: layer conv1: kernel 11 is larger than the padded input 1 (1 + 2·0)"),
        LessonCase(name: "train mini after an input Fashion-MNIST cannot fill", steps: "  - preset: mini\n  - input: 64\n  - train: 3\n",
                   problem: "x.yaml:6: train: at this step mini reads 64×64 images; Fashion-MNIST's are 28×28, so only inputs of at most 28×28 train (switch back with 'preset: mini' before training)"),
    ]

    @Test(arguments: lessonCases)
    func checkAndPlainRefuseWithOneLine(_ c: LessonCase) throws {
        let dir = makeDirectory()
        try write("title: T\npreset: alexnet\nsteps:\n" + c.steps, to: dir + "/x.yaml")
        let check = try alexnet("lesson --check x.yaml", in: dir)
        expectCleanRefusal(check, status: 1, stderr: [c.problem, "x.yaml: 1 problem", "1 of 1 lesson failed the check"], "--check")
        let plain = try alexnet("lesson --plain x.yaml", input: "\n\n\n", in: dir)
        expectCleanRefusal(plain, status: 1, stderr: ["error: " + c.problem], "--plain")
        #expect(plain.stdout.isEmpty, "the lesson must not start: \(plain.stdout)")
    }

    /// A lesson that fails --check is not taken: its first problem, with file:line, in one line.
    @Test(arguments: [
        ("  - text: \"conv1 has {conv1.parms} numbers\"\n", "error: x.yaml:4: placeholder {conv1.parms} does not resolve: unknown field 'parms'"),
        ("  - show: walk conv9\n  - text: \"{fc9.params}\"\n", "error: x.yaml:4: show: no layer 'conv9' in preset alexnet"),
        ("  - question: q\n    answer: 34848\n    check: conv1.params\n", "error: x.yaml:5: answer 34848 disagrees with the core: conv1.params is 34,944"),
    ])
    func plainRefusesALessonThatFailsTheCheck(steps: String, line: String) throws {
        let dir = makeDirectory()
        try write("title: T\npreset: alexnet\nsteps:\n" + steps, to: dir + "/x.yaml")
        let out = try alexnet("lesson --plain x.yaml", input: "\n\n", in: dir)
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(lines.first?.hasPrefix(line) == true, "\(out.stderr)")
        #expect(out.stdout.isEmpty)
        if steps.contains("fc9") { #expect(lines.first?.hasSuffix("(and 1 more: alexnet lesson --check x.yaml lists them)") == true) }
    }

    /// Yams quotes the whole file for a duplicate key; the lesson gives one line naming the file.
    /// (The exact line of the duplicate comes with the YAMLReader fix on the r-shapes branch.)
    @Test func duplicateKeyIsOneLine() throws {
        let dir = makeDirectory()
        try write("title: T\npreset: alexnet\nsteps:\n  - text: hi\n    show: walk\n    text: again\n", to: dir + "/dup.yaml")
        let out = try alexnet("lesson --check dup.yaml", in: dir)
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(out.stderr)")   // the problem, the file's count, the summary
        #expect(lines.first?.hasPrefix("dup.yaml:") == true)
        #expect(lines.dropFirst().first == "dup.yaml: 1 problem")
        #expect(lines.first?.contains("'text'") == true)
    }

    @Test func trainingWithoutDataNamesTheStep() throws {
        let dir = makeDirectory()
        try write("title: T\npreset: mini\nsteps:\n  - text: hi\n  - train: 3\n    text: after\n", to: dir + "/t.yaml")
        let out = try alexnet("lesson --plain --data /nonexistent t.yaml", input: "\n\n\n", in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("[train mini for 3 SGD steps]\nt.yaml:5: cannot train here: /nonexistent"), "\(out.stdout)")
        #expect(out.stdout.contains("\nafter\n"))
    }

    @Test func goingBackShowsWhatTheLearnerAnswered() throws {
        let dir = makeDirectory()
        try write("title: T\npreset: alexnet\nsteps:\n  - question: Which?\n    choices: [x, y, z]\n    answer: b\n  - text: after\n",
                  to: dir + "/r.yaml")
        let out = try alexnet("lesson --plain r.yaml", input: "c\nc\n\np\nq\n", in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("   c) z\n(you answered c) z: not right; the answer is b) y)\n"), "\(out.stdout)")
        #expect(!out.stdout.contains("(answered: b) y)"))
    }

    // MARK: - Quiz

    @Test(arguments: [("0", "0"), ("501", "501"), ("1000000000", "1,000,000,000"), ("-5", "-5")])
    func quizCountHasARange(count: String, shown: String) throws {
        let out = try alexnet("quiz --plain --count=\(count)", in: makeDirectory())
        expectCleanRefusal(out, status: 64, stderr: ["error: --count takes 1–500 questions, got \(shown)"], "--count \(count)")
    }

    @Test func quizCountAtTheTopOfTheRangeRuns() throws {
        let out = try alexnet("quiz --plain --count 500 --seed 1", in: makeDirectory())
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Question 1/500: "))
    }

    static let intMaxProgress = #"{"version":1,"topics":{"all":{"sessions":9223372036854775807,"correct":0,"asked":0,"bestCorrect":0,"bestOutOf":0,"lastCorrect":0,"lastOutOf":0}}}"#

    /// A counter at Int.max trapped in `record` and the result was lost: now the file is set aside
    /// as corrupt (bytes kept) and the new result is saved.
    @Test func absurdCounterIsSetAsideAndTheResultSaved() throws {
        let dir = makeDirectory()
        let path = dir + "/alexnet-explorer/progress.json"
        try write(Self.intMaxProgress, to: path)
        let out = try alexnet("quiz --plain --seed 1 --count 1", input: "1\n1\n", in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        let warning = try #require(out.stderr.split(separator: "\n").first.map(String.init))
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(warning.hasPrefix("warning: \(path): could not be read (topic 'all': sessions is 9223372036854775807, outside 0…1000000000); kept it as \(path).corrupt-"))
        let aside = try #require(warning.range(of: "kept it as ").map { String(warning[$0.upperBound...].prefix { $0 != " " }) })
        #expect(read(aside) == Self.intMaxProgress)
        #expect(read(path)?.contains("\"sessions\" : 1\n") == true)
    }

    /// Set-aside names for every second around now: `count` names each (the timestamp, then -2, -3, …).
    func takeAsideNames(of path: String, count: Int) throws -> [String: String] {
        var taken: [String: String] = [:]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let now = Date()
        for second in -2...20 {
            let stem = path + ".corrupt-" + formatter.string(from: now.addingTimeInterval(Double(second)))
            for n in 1...count {
                let name = n == 1 ? stem : "\(stem)-\(n)"
                taken[name] = "earlier \(second) \(n)"
                try write(taken[name]!, to: name)
            }
        }
        return taken
    }

    /// The set-aside name is taken: it used to say "it will not be overwritten", exit 0, then
    /// overwrite progress.json. Now the next counter name keeps the corrupt bytes.
    @Test func takenSetAsideNameGetsACounterAndNothingIsLost() throws {
        let dir = makeDirectory()
        let path = dir + "/alexnet-explorer/progress.json"
        try write("{ my history", to: path)
        let taken = try takeAsideNames(of: path, count: 1)
        let out = try alexnet("quiz --plain --seed 1 --count 1", input: "1\n1\n", in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
        let aside = try #require(out.stderr.range(of: "kept it as ").map { String(out.stderr[$0.upperBound...].prefix { $0 != " " }) })
        #expect(aside.hasSuffix("-2"))
        #expect(read(aside) == "{ my history")
        for (name, text) in taken { #expect(read(name) == text, "\(name)") }
        #expect(read(path)?.contains("\"sessions\" : 1\n") == true)
    }

    /// Every set-aside name is taken: the corrupt file stays, one line says where and that progress
    /// is not saved this time, and it is not overwritten.
    @Test func noFreeNameLeavesTheCorruptFileAndSavesNothing() throws {
        let dir = makeDirectory()
        let path = dir + "/alexnet-explorer/progress.json"
        try write("{ my history", to: path)
        let taken = try takeAsideNames(of: path, count: 100)
        let out = try alexnet("quiz --plain --seed 1 --count 1", input: "1\n1\n", in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(lines.first?.hasPrefix("warning: \(path): could not be read (not valid JSON) nor set aside (every name from progress.json.corrupt-") == true)
        #expect(lines.first?.hasSuffix("to -100 is taken); it is left as it is, and progress is not saved this time") == true)
        #expect(read(path) == "{ my history")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/alexnet-explorer").count == taken.count + 1)
    }
}
