import AlexNetCore
import ArgumentParser
import Foundation
import Lessons

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Take a lesson (YAML in lessons/), list the shipped lessons, or check lesson files.")

    @Argument(help: "Lesson files (a name such as 'shapes' is looked up in the shipped lessons).")
    var files: [String] = []

    @Flag(help: "List the shipped lessons.")
    var list = false

    @Flag(help: "Check the lesson files and print each problem as file:line: message.")
    var check = false

    @Flag(help: "Plain text questions and answers on stdin/stdout instead of the explorer.")
    var plain = false

    func validate() throws {
        if !list && files.isEmpty { throw ValidationError("give a lesson file, --list, or --check FILE…") }
        if !check && !list && files.count > 1 { throw ValidationError("take one lesson at a time (--check accepts several)") }
    }

    func run() throws {
        if list { return try listLessons() }
        if check { return try checkLessons() }
        try takeLesson(resolve(files[0]))
    }

    private var library: String? {
        LessonLibrary.directory(environment: ProcessInfo.processInfo.environment,
                                currentDirectory: FileManager.default.currentDirectoryPath,
                                executablePath: CommandLine.arguments[0].contains("/")
                                    ? CommandLine.arguments[0] : (Bundle.main.executablePath ?? ""))
    }

    /// A path as given, or a shipped lesson's short name (`shapes` → lessons/shapes.yaml).
    private func resolve(_ name: String) -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        if let dir = library, FileManager.default.fileExists(atPath: "\(dir)/\(name).yaml") { return "\(dir)/\(name).yaml" }
        return name
    }

    private func listLessons() throws {
        guard let dir = library else {
            CLIError.printError("error: no lessons/ folder found (set ALEXNET_LESSONS, or run from the package folder)")
            throw ExitCode.failure
        }
        for path in LessonLibrary.files(in: dir) {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let title = (try? LessonLoader(file: name).load(path: path).title) ?? "(does not load: run lesson --check)"
            print("\(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(title)")
        }
        print("Take one with: alexnet lesson NAME --plain (e.g. alexnet lesson \(LessonLibrary.files(in: dir).first.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "shapes") --plain)")
    }

    private func checkLessons() throws {
        var problems = 0
        for name in files {
            let path = resolve(name)
            let found = LessonChecker.check(path: path, file: name)
            found.forEach { print($0) }
            problems += found.count
        }
        if problems > 0 {
            CLIError.printError("\(problems) problem\(problems == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        print("\(files.count) lesson file\(files.count == 1 ? "" : "s") checked: no problems")
    }

    private func takeLesson(_ path: String) throws {
        let name = (path as NSString).lastPathComponent
        let problems = LessonChecker.check(path: path, file: name)
        guard problems.isEmpty else {
            problems.forEach { CLIError.printError("\($0)") }
            throw ExitCode.failure
        }
        let lesson = try CLIError.wrap { try LessonLoader(file: name).load(path: path) }
        var session = try CLIError.wrap { try LessonSession(lesson: lesson) }
        if !plain {
            CLIError.printError("(the lesson screen is not ready yet: running in plain mode)")
        }
        PlainRunner().run(&session, input: { readLine() }, output: { print($0) })
    }
}
