import AlexNetCore
import ArgumentParser
import Foundation
import Lessons

extension QuizTopic: ExpressibleByArgument {}

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Answer generated questions on output sizes, parameters and receptive fields.")

    @Option(help: "shapes, params, receptive or all.")
    var topic: QuizTopic = .all

    @Option(help: "How many questions.")
    var count = 5

    @Option(help: "Seed for the questions (default: from the clock).")
    var seed: UInt64?

    @Flag(help: "Plain text questions and answers on stdin/stdout.")
    var plain = false

    func validate() throws {
        guard count > 0, count <= 100 else { throw ValidationError("--count must be between 1 and 100, got \(count)") }
    }

    func run() throws {
        let store = ProgressStore(environment: ProcessInfo.processInfo.environment)
        var progress = QuizProgress()
        do {
            let loaded = try store.load()
            progress = loaded.progress
            if let note = loaded.note { CLIError.printError("warning: \(note)") }
        } catch {
            CLIError.printError("warning: \(error); this quiz's score will not be saved")
        }
        let seed = seed ?? UInt64(Date().timeIntervalSince1970)
        var generator = QuizGenerator(seed: seed)
        var session = QuizSession(topic: topic, questions: generator.questions(topic: topic, count: count))
        if !plain {
            CLIError.printError("(the quiz screen is not ready yet: running in plain mode)")
        }
        PlainRunner().run(&session, input: { readLine() }, output: { print($0) })
        guard session.isFinished else { return }
        progress.record(topic: topic, score: session.score, outOf: session.questions.count)
        do { try store.save(progress) } catch {
            CLIError.printError("warning: \(error)")
            return
        }
        if let r = progress.topics[topic.rawValue] {
            print("Best on \(topic.rawValue): \(r.bestScore) of \(r.bestOutOf) over \(r.attempts) attempt\(r.attempts == 1 ? "" : "s") (seed \(seed)).")
        }
    }
}
