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

    @Option(help: "How many questions (\(LessonLimits.text(LessonLimits.quizQuestions))).")
    var count = 10

    @Option(help: "Seed for the questions (the same seed asks the same questions).")
    var seed: UInt64?

    @Flag(help: "Line-by-line text session on stdin/stdout (screen readers, SSH, scripts).")
    var plain = false

    func validate() throws {
        // Questions are generated up front: an unbounded count would fill memory before the first one.
        // One line, not argument-parser's usage block: the range is the whole story.
        guard LessonLimits.quizQuestions.contains(count) else {
            CLIError.printError("error: --count takes \(LessonLimits.text(LessonLimits.quizQuestions)) questions, got \(NumberText.grouped(count))")
            throw ExitCode.validationFailure
        }
    }

    func run() throws {
        var generator = try CLIError.wrap { try QuizGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max)) }
        let questions = generator.questions(topic: topic, count: count)
        let store = ProgressStore(environment: ProcessInfo.processInfo.environment)
        let loaded = store.load()
        var progress = loaded.progress
        if let note = loaded.note { CLIError.printError("warning: " + note) }
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
        // A corrupt file that could not be set aside stays where it is (the warning above said so).
        guard loaded.maySave else { return }
        do { try store.save(progress) } catch {
            CLIError.printError("warning: could not save progress to \(store.path): \(error)")
        }
    }
}
