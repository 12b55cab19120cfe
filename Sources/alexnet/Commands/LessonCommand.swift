import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation
import Lessons

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Take a lesson (a YAML file, or the name of a shipped one), list them, or check them.",
        discussion: "Lessons are described in lessons/README.md. --plain runs a line-by-line text session.")

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

    func run() throws {
        if list { return try listLessons() }
        if check { return try checkLessons() }
        guard files.count == 1 else {
            throw ValidationError(files.isEmpty ? "give a lesson file or name (alexnet lesson --list shows them)"
                                                : "give one lesson to take (or --check to lint several)")
        }
        let path = resolve(files[0])
        let lesson = try CLIError.wrap { try LessonLoader(file: files[0]).load(path: path) }
        // A lesson that fails --check is not taken: halfway through, its problems would surface as raw
        // placeholders or "(no layer …)" with no file:line. One line: the first problem and a count.
        let problems = LessonChecker.check(lesson)
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more: alexnet lesson --check \(files[0]) lists them)" : ""
            CLIError.printError("error: \(first)\(more)")
            throw ExitCode.failure
        }
        let session = try CLIError.wrap { try LessonSession(lesson: lesson) }
        if !plain {
            if let terminal = try? TerminalSession(environment: ProcessEnvironment.current) {
                var view = LessonScreen(session: session, capabilities: terminal.capabilities)
                let runtime = LessonRuntime()
                let signal = ScreenLoop(session: terminal).run(&view, tick: runtime.tick)
                runtime.stop()
                terminal.close()
                if let signal { throw ExitCode(128 + signal) }
                print(view.session.summary)
                return
            }
            CLIError.printError("note: not a terminal; running the lesson as a text session (--plain)")
        }
        let training = LessonTraining(directory: data)
        let runner = PlainLessonRunner(readLine: { Swift.readLine() }, write: { print($0) },
                                       trainer: { try training.train($0, steps: $1) })
        runner.run(session)
    }

    private func listLessons() throws {
        guard let library else {
            CLIError.printError("error: cannot find the lessons folder (set ALEXNET_LESSONS to it)")
            throw ExitCode.failure
        }
        for path in library.files {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let title = (try? LessonLoader(file: path).load(path: path).title) ?? "(does not load: run --check)"
            print("\(name.padding(toLength: max(28, name.count + 2), withPad: " ", startingAt: 0))\(title)")
        }
    }

    private func checkLessons() throws {
        var targets = files
        if targets.isEmpty, let library { targets = library.files }
        guard !targets.isEmpty else { throw ValidationError("give the lesson files to check") }
        var failed = 0
        for file in targets {
            let problems = LessonChecker.check(path: resolve(file), file: file)
            problems.forEach { CLIError.printError($0.description) }
            if problems.isEmpty { print("\(file): ok") } else { failed += 1 }
        }
        if failed > 0 {
            CLIError.printError("\(failed) of \(targets.count) lesson\(targets.count == 1 ? "" : "s") failed the check")
            throw ExitCode.failure
        }
    }

    private var library: LessonLibrary? {
        LessonLibrary.locate(environment: ProcessInfo.processInfo.environment,
                             executable: Bundle.main.executablePath ?? CommandLine.arguments[0],
                             workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// A path that exists is taken as is; otherwise a shipped lesson of that name.
    private func resolve(_ name: String) -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        return library?.path(named: name) ?? name
    }
}
