import AppRuntime
import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation
import Lessons
import Localization

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Take a lesson (a YAML file, or the name of a shipped one), list them, or check them.",
        discussion: "Lessons are described in lessons/README.md. --plain runs a line-by-line text session.")

    @OptionGroup var lang: LanguageOption

    @Argument(help: "A lesson file, or a shipped lesson's name (see --list). With --check: the files to lint.")
    var files: [String] = []

    @Flag(help: "Run as a line-by-line text session on stdin/stdout (screen readers, SSH, scripts).")
    var plain = false

    @Option(help: "Directory with the Fashion-MNIST IDX files (for train: steps under --plain).")
    var data: String = FashionMNIST.defaultDirectory

    @Flag(help: "List the shipped lessons.")
    var list = false

    @Flag(help: "Lint lessons: YAML errors, unknown screens or layers, placeholders, answers vs the core.")
    var check = false

    @Option(help: "Write the lesson as a handout instead of taking it: markdown (placeholders filled in, questions numbered).")
    var export: ExportFormat?

    @Flag(help: "With --export: include answers, hints and worked explanations (the instructor's copy).")
    var answers = false

    @Option(name: [.short, .customLong("output")], help: "With --export or --new: the file to write (--export writes to stdout without it).")
    var output: String?

    @Option(name: .customLong("new"), help: "Write a commented starter lesson NAME.yaml (it passes --check) to edit.")
    var newName: String?

    func run() throws {
        if list { return try listLessons() }
        if check { return try checkLessons() }
        if let newName { return try writeStarter(newName) }
        if (answers || output != nil), export == nil {
            throw ValidationError("--answers and --output go with --export markdown (or --output with --new)")
        }
        if export != nil, files.isEmpty { return try exportAll() }
        guard files.count == 1 else {
            throw ValidationError(files.isEmpty ? Messages.giveALesson : Messages.giveOneLesson)
        }
        let path = resolve(files[0])
        if let unknown = unknownLesson(files[0], resolved: path) {
            CLIError.printError(unknown)
            throw ExitCode.failure
        }
        let lesson = try CLIError.wrap { try LessonLoader(file: Self.named(files[0], resolved: path)).load(path: path) }
        // The program speaks the lesson's language while it is taken, so prompts match its text.
        Language.setProcessLanguage(lesson.language)
        // A lesson that fails --check is not taken: halfway through, its problems would surface as raw
        // placeholders or "(no layer …)" with no file:line. One line: the first problem and a count.
        let problems = LessonChecker.check(lesson)
        if let first = problems.first {
            CLIError.printError(Messages.lessonFailsCheck("\(first)", more: problems.count - 1, file: files[0]))
            throw ExitCode.failure
        }
        if export != nil {
            let text = try CLIError.wrap { try LessonHandout.markdown(lesson, answers: answers) }
            return try HandoutOutput.write(text, to: output, notOver: (path: path, shown: files[0]))
        }
        let session = try CLIError.wrap { try LessonSession(lesson: lesson) }
        if !plain {
            if let terminal = try? TerminalSession(environment: ProcessEnvironment.current) {
                var view = LessonScreen(session: session, capabilities: terminal.capabilities)
                let wakeup = EngineWakeup()
                let runtime = LessonRuntime(wake: wakeup.poster)
                let signal = ScreenLoop.run(&view, in: terminal, wakeup: wakeup, engine: runtime.tick)
                runtime.stop()
                terminal.close()
                if let signal { throw ExitCode(128 + signal) }
                print(view.session.summary)
                return
            }
            CLIError.printError(Messages.notATerminalPlain)
        }
        let training = LessonTraining(directory: data)
        // Every printed line within the terminal's columns (display width; 80 in a pipe), ASCII under LANG=C.
        let runner = PlainLessonRunner(readLine: { Swift.readLine() }, write: { text in PlainLessonWrap.lines(OutputCapabilities.printable(text), width: OutputCapabilities.columns).forEach { print($0) } },
                                       trainer: { try training.train($0, steps: $1) },
                                       experimenter: { try LessonExperiment.run(steps: $0, directory: data, progress: $1) },
                                       echo: isatty(0) == 0)  // piped answers are echoed, for a transcript that reads as a dialogue
        runner.run(session)
    }

    private func listLessons() throws {
        guard let library else {
            CLIError.printError(Messages.lessonsFolderMissing)
            throw ExitCode.failure
        }
        let groups = [("en", "", library.files)] + library.languages.map { ($0.code, $0.code + "/", $0.files) }
        func name(_ prefix: String, _ path: String) -> String {
            prefix + ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        // One title column for every group: the longest name sets it (padded by display width, so a
        // Chinese title's column lines up too).
        let column = groups.flatMap { g in g.2.map { DisplayWidth.of(name(g.1, $0)) } }.max().map { $0 + 2 } ?? 0
        for (code, prefix, files) in groups {
            print(Messages.listGroup(code, count: files.count, prefix: prefix))
            for path in files {
                let title = (try? LessonLoader(file: path).load(path: path).title) ?? Messages.listDoesNotLoad
                // Within 80 columns: a long title wraps onto lines of its own column.
                let lines = PlainLessonWrap.lines(title, width: max(PlainLessonWrap.columns - 2 - column, 20))
                print("  " + DisplayWidth.padded(name(prefix, path), to: column) + (lines.first ?? ""))
                for more in lines.dropFirst() { print(String(repeating: " ", count: 2 + column) + more) }
            }
        }
    }

    /// `--export markdown -o DIR` with no lesson: every shipped lesson, every language, as DIR/NAME.md
    /// (`zh/NAME.md` for translations), for a course's handouts in one go.
    private func exportAll() throws {
        guard let directory = output else {
            throw ValidationError("give a lesson to export, or --output DIR to export every shipped lesson into DIR")
        }
        guard let library else {
            CLIError.printError(Messages.lessonsFolderMissing)
            throw ExitCode.failure
        }
        let groups = [("", library.files)] + library.languages.map { ($0.code + "/", $0.files) }
        var written = 0
        for (prefix, files) in groups {
            for path in files {
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                let lesson = try CLIError.wrap { try LessonLoader(file: path).load(path: path) }
                if let first = LessonChecker.check(lesson).first {
                    CLIError.printError("error: \(first) (alexnet lesson --check lists every problem)")
                    throw ExitCode.failure
                }
                let text = try CLIError.wrap { try LessonHandout.markdown(lesson, answers: answers) }
                let target = directory + "/" + prefix + name + (answers ? ".answers.md" : ".md")
                do {
                    try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try AtomicFile.write(Array(text.utf8), to: target)
                } catch {
                    CLIError.printError("error: \(target): cannot write the handout: \(error)")
                    throw ExitCode.failure
                }
                written += 1
            }
        }
        print("wrote \(written) handout\(written == 1 ? "" : "s") to \(directory)")
    }

    /// `--new NAME`: the starter lesson, never over an existing file.
    private func writeStarter(_ name: String) throws {
        let path = output ?? (name.hasSuffix(".yaml") ? name : name + ".yaml")
        // `--new ''` wrote a hidden `.yaml`: a lesson needs a visible name.
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard !stem.isEmpty, !stem.hasPrefix("."), !path.hasSuffix("/") else {
            throw ValidationError("--new takes a lesson name such as 25-my-lesson (letters, digits, dashes), got '\(name)'")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            CLIError.printError("error: \(path) already exists; pick another NAME (or --output FILE)")
            throw ExitCode.failure
        }
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let title = base.drop { $0.isNumber || $0 == "-" }.replacingOccurrences(of: "-", with: " ")
        let text = LessonTemplate.starter(title: title.isEmpty ? base : title.prefix(1).uppercased() + title.dropFirst())
        do { try AtomicFile.write(Array(text.utf8), to: path) } catch {
            CLIError.printError("error: \(path): cannot write: \(error)")
            throw ExitCode.failure
        }
        print("wrote \(path); check it with: alexnet lesson --check \(path)")
    }

    private func checkLessons() throws {
        var targets = files
        if targets.isEmpty, let library { targets = library.allFiles }
        guard !targets.isEmpty else { throw ValidationError("give the lesson files to check") }
        var failed = 0
        for file in targets {
            // Every problem of the file, in line order, then how many: one run shows them all.
            let problems = LessonChecker.check(path: resolve(file), file: file, pane: { LessonScreen.paneText($0) })
            problems.forEach { CLIError.printError($0.description) }
            // Warnings (a glossary term spelled another way) are shown but do not fail the check.
            LessonChecker.warnings(path: resolve(file), file: file).forEach { CLIError.printError($0.description) }
            if problems.isEmpty { print(Messages.checkOK(file)) } else {
                CLIError.printError(Messages.checkProblems(file, count: problems.count))
                failed += 1
            }
        }
        if failed > 0 {
            CLIError.printError(Messages.checkFailed(failed, of: targets.count))
            throw ExitCode.failure
        }
    }

    private var library: LessonLibrary? {
        LessonLibrary.locate(environment: ProcessInfo.processInfo.environment,
                             executable: Bundle.main.executablePath ?? CommandLine.arguments[0],
                             workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// `alexnet lesson nonexistent`: a word that is neither a file nor a shipped lesson gets the names there
    /// are (the nearest first, when it looks like a typo), not "cannot read the file". A name that looks like
    /// a file (`.yaml`, a folder in it) keeps the file error.
    private func unknownLesson(_ name: String, resolved: String) -> String? {
        guard !FileManager.default.fileExists(atPath: resolved), !name.hasSuffix(".yaml"), !name.hasSuffix(".yml"),
              !name.contains("/") || library?.languages.contains(where: { name.hasPrefix($0.code + "/") }) == true
        else { return nil }
        guard let library else {
            return "error: no lesson named '\(name)', and the lessons folder cannot be found (set ALEXNET_LESSONS to it)"
        }
        // Among the lessons of the language asked for (`zh/…`), else the English ones.
        let language = library.languages.first { name.hasPrefix($0.code + "/") }
        // The names as users type them: with their numbers, as `--list` and the README show them.
        let names = (language?.files ?? library.files).map { path in
            (language.map { $0.code + "/" } ?? "") + ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        // A typo is measured against the name without its number ('dropuot' is near 'dropout'), and the
        // suggestion is the numbered name.
        func bare(_ n: String) -> String {
            let slash = n.lastIndex(of: "/").map { n.index(after: $0) } ?? n.startIndex
            return String(n[..<slash]) + String(n[slash...].drop { $0.isNumber || $0 == "-" })
        }
        let near = Spelling.closest(to: bare(name), among: names.map(bare), within: max(2, name.count / 3))
            .flatMap { match in names.first { bare($0) == match } }
            .map { " (did you mean '\($0)'?)" } ?? ""
        let first = names.first ?? "01-shape-arithmetic"
        return "error: no lesson named '\(name)'\(near); the shipped lessons are \(names.joined(separator: ", ")) "
            + "(type a name or its number, e.g. alexnet lesson \(first) or alexnet lesson 1; alexnet lesson --list "
            + "shows their titles)"
    }

    /// A path that exists is taken as is; otherwise a shipped lesson of that name, in the user's language
    /// when it has a translation there (`shape-arithmetic` under `--lang zh` is `zh/shape-arithmetic`).
    private func resolve(_ name: String) -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        let language = Language.current
        if language != .en, !name.contains("/"), let translated = library?.path(named: language.rawValue + "/" + name) {
            return translated
        }
        return library?.path(named: name) ?? name
    }

    /// The lesson's name in messages, as typed; a name that resolved to a translation gets its language
    /// folder (`zh/shape-arithmetic`), which is also how the lesson knows its language.
    static func named(_ typed: String, resolved: String) -> String {
        let language = Lesson.language(ofFile: resolved)
        guard language != .en, Lesson.language(ofFile: typed) != language else { return typed }
        return language.rawValue + "/" + typed
    }
}
