import AppRuntime
import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation
import Lessons
import Localization

extension QuizTopic: ExpressibleByArgument {}

/// How `quiz --plain` ends: the score line, or also one JSON result line an instructor can collect.
enum QuizResultFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
/// What `--export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case markdown }

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Generated questions on shapes, parameters, cost, dropout and LRN, answered by the core.",
        discussion: """
            Without --seed, kinds missed in earlier quizzes come first (spaced repetition, kept in the progress file). \
            With --seed the questions depend on the seed alone, so a class gets the same quiz; \
            --export markdown writes that worksheet (--answers adds answers and worked formulas).
            """)

    @OptionGroup var lang: LanguageOption

    @Option(help: "\(QuizTopic.allCases.map(\.rawValue).joined(separator: ", ")).")
    var topic: QuizTopic = .all

    @Option(help: "How many questions (\(LessonLimits.text(LessonLimits.quizQuestions))).")
    var count = 10

    @Option(help: "Seed for the questions (the same seed asks the same questions).")
    var seed: UInt64?

    @Flag(help: "Line-by-line text session on stdin/stdout (screen readers, SSH, scripts).")
    var plain = false

    @Option(help: "text, or json to end with one machine-readable result line (score, per-kind results, seed).")
    var format: QuizResultFormat = .text

    @Option(help: "Write the quiz as a worksheet instead of asking it: markdown (needs --seed).")
    var export: ExportFormat?

    @Flag(help: "With --export: include the answers and worked formulas.")
    var answers = false

    @Option(name: [.short, .customLong("output")], help: "With --export: write to this file (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        // Questions are generated up front: an unbounded count would fill memory before the first one.
        // One line, not argument-parser's usage block: the range is the whole story.
        guard LessonLimits.quizQuestions.contains(count) else {
            CLIError.printError(Messages.quizCountRange(LessonLimits.text(LessonLimits.quizQuestions), got: NumberText.grouped(count)))
            throw ExitCode.validationFailure
        }
        if export != nil, seed == nil {
            CLIError.printError(Messages.quizExportNeedsSeed)
            throw ExitCode.validationFailure
        }
        if (answers || output != nil), export == nil {
            CLIError.printError(Messages.quizAnswersNeedExport)
            throw ExitCode.validationFailure
        }
    }

    func run() throws {
        let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
        var generator = try CLIError.wrap { try QuizGenerator(seed: seed) }
        if export != nil {
            let text = QuizWorksheet.markdown(generator.questions(topic: topic, count: count), topic: topic, seed: seed, answers: answers)
            return try HandoutOutput.write(text, to: output)
        }
        let store = ProgressStore(environment: ProcessInfo.processInfo.environment)
        let loaded = store.load()
        var progress = loaded.progress
        if let note = loaded.note { CLIError.printError("warning: " + note) }
        // A class sharing a seed gets the same questions; a learner on their own gets missed kinds first.
        let due = self.seed == nil ? progress.dueKinds : []
        let questions = generator.questions(topic: topic, count: count, due: due)
        let review = due.filter(topic.kinds.contains).prefix(count)
        if !review.isEmpty {
            print(Messages.quizMissedFirst(review.map(\.title).joined(separator: Language.current == .zh ? "、" : ", ")))
        }
        let session: QuizSession
        if !plain, let terminal = try? TerminalSession(environment: ProcessEnvironment.current) {
            var view = QuizScreen(session: QuizSession(questions: questions), capabilities: terminal.capabilities)
            let signal = ScreenLoop.run(&view, in: terminal)
            terminal.close()
            if let signal { throw ExitCode(128 + signal) }
            session = view.session
            print(session.scoreLine)
        } else {
            // Piped answers are echoed, so the transcript reads as a dialogue.
            session = PlainQuizRunner(readLine: { Swift.readLine() }, write: { text in PlainLessonWrap.lines(OutputCapabilities.printable(text), width: OutputCapabilities.columns).forEach { print($0) } },
                                      echo: isatty(0) == 0)
                .runSession(questions)
        }
        save(score: (session.correct, session.asked), results: session.results, progress: &progress, store: store, maySave: loaded.maySave)
        // Printed last (after the progress notes), so `tail -n 1` collects it.
        if format == .json { print(QuizWorksheet.resultLine(session: session, topic: topic, seed: seed)) }
    }

    /// Records the quiz in the progress file as it is at the end (merged under the store's lock, so a quiz that
    /// finished meanwhile is kept), then reports the best from what was saved.
    private func save(score: (correct: Int, asked: Int), results: [QuizResult], progress: inout QuizProgress,
                      store: ProgressStore, maySave: Bool) {
        guard score.asked > 0 else { return }
        let topic = self.topic
        func record(_ p: inout QuizProgress) -> Bool {
            p.record(results: results)
            return p.record(topic: topic, correct: score.correct, outOf: score.asked)
        }
        var newBest: Bool
        // A corrupt file that could not be set aside stays where it is (the warning above said so).
        if maySave {
            do {
                let saved = try store.update(record)
                newBest = saved.result
                progress = saved.saved
            } catch {
                CLIError.printError("warning: could not save progress to \(store.path): \(error)")
                newBest = record(&progress)
            }
        } else {
            newBest = record(&progress)
        }
        if newBest { print(Messages.quizNewBest(topic.rawValue)) }
        if let best = progress.topics[topic.rawValue] {
            print(Messages.quizBest(topic.rawValue, correct: best.bestCorrect, outOf: best.bestOutOf, sessions: best.sessions))
        }
    }
}
