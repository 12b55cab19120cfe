import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation
import Lessons

extension QuizTopic: ExpressibleByArgument {}

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Generated questions on shapes, parameters and receptive fields, answered by the core.")

    @Option(help: "shapes, params, receptive or all.")
    var topic: QuizTopic = .all

    @Option(help: "How many questions.")
    var count = 10

    @Option(help: "Seed for the questions (the same seed asks the same questions).")
    var seed: UInt64?

    @Flag(help: "Line-by-line text session on stdin/stdout (screen readers, SSH, scripts).")
    var plain = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        var generator = try CLIError.wrap { try QuizGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max)) }
        let questions = generator.questions(topic: topic, count: count)
        let store = ProgressStore(environment: ProcessInfo.processInfo.environment)
        var (progress, note) = store.load()
        if let note { CLIError.printError("warning: " + note) }
        let score: (correct: Int, asked: Int)
        if !plain, let terminal = try? TerminalSession(environment: ProcessEnvironment.current) {
            var view = QuizScreen(session: QuizSession(questions: questions), capabilities: terminal.capabilities)
            let signal = ScreenLoop(session: terminal).run(&view)
            terminal.close()
            if let signal { throw ExitCode(128 + signal) }
            score = (view.session.correct, view.session.asked)
            print(view.session.scoreLine)
        } else {
            let runner = PlainQuizRunner(readLine: { Swift.readLine() }, write: { print($0) })
            score = runner.run(questions)
        }
        guard score.asked > 0 else { return }
        if progress.record(topic: topic, correct: score.correct, outOf: score.asked) {
            print("New best for \(topic.rawValue)!")
        }
        if let best = progress.topics[topic.rawValue] {
            print("Best for \(topic.rawValue): \(best.bestCorrect)/\(best.bestOutOf) over \(best.sessions) quiz\(best.sessions == 1 ? "" : "zes")")
        }
        do { try store.save(progress) } catch {
            CLIError.printError("warning: could not save progress to \(store.path): \(error)")
        }
    }
}
