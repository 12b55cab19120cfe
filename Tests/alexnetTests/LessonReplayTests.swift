import AlexNetCore
@testable import alexnet
@testable import AppRuntime
import ExplorerUI
import Foundation
import Lessons
import Testing

/// Plain and full screen are the same lesson: every shipped lesson (English and `lessons/zh`) is taken in
/// plain mode (`PlainLessonRunner` with the real `LessonTraining` and `LessonExperiment`) and in the
/// full-screen `LessonScreen` with the real `LessonRuntime` (its explorer runtime, workers and threads), from
/// the same answers ("skip" at every question). At every step each number of the full-screen narrative
/// (text, result lines, placeholders, "Trained N steps …: loss …") must be one plain mode printed for that
/// step, the pane beside a layer's step must show the shapes plain mode prints for it, and the training
/// screen must show the lesson's learning rate.
///
/// To stay in the default test run, `train:` steps run 3 SGD steps and `experiment:` steps 8 per run, on the
/// first 640 training images, in both modes: the numbers compared still come from the one recipe, the
/// same seeds and the same code paths as a full run.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct LessonReplayTests {
    static let data = "/usr/share/datasets/fashion-mnist"
    static var dataInstalled: Bool { FileManager.default.fileExists(atPath: data + "/train-images-idx3-ubyte.gz") }
    static let limit = 640
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var lessonFiles: [String] {
        let fm = FileManager.default
        let dir = root.appendingPathComponent("lessons").path
        func yamls(_ d: String) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: d)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { d + "/" + $0 }
        }
        return yamls(dir) + yamls(dir + "/zh")
    }

    /// The lesson with reduced budgets (`train: 3`, `experiment: 8`).
    static func reduced(_ path: String) throws -> Lesson {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (key, budget) in [("train", 3), ("experiment", 8)] {
            text = text.replacingOccurrences(of: "(?m)^(\\s*-?\\s*)\(key): *\\d+", with: "$1\(key): \(budget)",
                                              options: .regularExpression)
        }
        return try LessonLoader(file: path).load(text: text)
    }

    /// Numbers as shown: `55`, `1,234`, `0.625`, `87.5%`, `-0.81`; not the digits of names such as `conv1`.
    static func numbers(_ lines: [String]) -> [String] {
        let regex = try! NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}_.])-?\\d[\\d,]*(?:\\.\\d+)?%?")
        return lines.flatMap { line -> [String] in
            let ns = line as NSString
            return regex.matches(in: line, range: NSRange(location: 0, length: ns.length)).map {
                var n = ns.substring(with: $0.range)
                while n.hasSuffix(",") { n.removeLast() }
                return n
            }
        }
    }

    /// `224×224×3 → 55×55×96` shapes in a line.
    static func shapeArrows(_ lines: [String]) -> [String] {
        let regex = try! NSRegularExpression(pattern: "\\d+(?:×\\d+)* → \\d+(?:×\\d+)*")
        return lines.flatMap { line -> [String] in
            let ns = line as NSString
            return regex.matches(in: line, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
        }
    }

    final class Transcript: @unchecked Sendable {
        var lines: [String] = []
    }

    /// Plain mode's lines, step by step (index = step).
    static func plain(_ lesson: Lesson) throws -> [[String]] {
        let transcript = Transcript()
        let training = LessonTraining(directory: data, limit: limit)
        let runner = PlainLessonRunner(
            readLine: { transcript.lines.last == "answer> " ? "skip" : "" },
            write: { transcript.lines.append($0) },
            trainer: { try training.train($0, steps: $1) },
            experimenter: { try LessonExperiment.run(steps: $0, directory: data, limit: limit, progress: $1) })
        runner.run(try LessonSession(lesson: lesson))
        var steps: [[String]] = []
        for line in transcript.lines {
            if line.hasPrefix("── Step ") { steps.append([]) }
            if !steps.isEmpty { steps[steps.count - 1].append(line) }
        }
        return steps
    }

    struct FullScreenStep {
        var lines: [String]
        var pane: String
        var context: LessonContext
        var action: LessonAction?
        var show: ScreenFocus?
    }

    /// The full-screen lesson, driven by keys and its runtime, the lines and pane of each step when it settled.
    static func fullScreen(_ lesson: Lesson) throws -> [FullScreenStep] {
        var screen = LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
        screen.resize(width: 120, height: 40)
        let runtime = LessonRuntime(dataDirectory: data, trainLimit: limit)
        defer { runtime.stop() }
        var steps: [FullScreenStep] = []
        while true {
            // Let the runtime attach its engine and carry out the step's training or experiment.
            let deadline = ContinuousClock.now + .seconds(120)
            repeat {
                _ = runtime.tick(&screen)
                var experimentStep = false
                if case .experiment = screen.session.step.action { experimentStep = true }
                let busy = screen.training.map { !$0.finished } ?? false
                    || (experimentStep && screen.experiment.map { !$0.finished } ?? false)
                if !busy { break }
                usleep(5_000)
            } while ContinuousClock.now < deadline
            _ = runtime.tick(&screen)
            if screen.session.awaitingAnswer {
                for c in "skip" { screen.update(.character(c)) }
                screen.update(.enter)
            }
            var grid = CellGrid(width: 120, height: 40)
            screen.render(into: &grid)
            steps.append(FullScreenStep(lines: screen.lines, pane: grid.text, context: screen.session.context,
                                        action: screen.session.step.action, show: screen.session.step.show))
            if screen.session.isLast { break }
            screen.update("n")
        }
        return steps
    }

    @Test(.enabled(if: dataInstalled, "needs Debian's dataset-fashion-mnist"), arguments: lessonFiles)
    func plainAndFullScreenShowTheSameNumbers(path: String) throws {
        let lesson = try Self.reduced(path)
        let name = (path as NSString).lastPathComponent
        let plain = try Self.plain(lesson)
        let full = try Self.fullScreen(lesson)
        try #require(plain.count == lesson.steps.count && full.count == lesson.steps.count, "\(name): steps taken")
        for (i, (p, f)) in zip(plain, full).enumerated() {
            let plainNumbers = Set(Self.numbers(p))
            let missing = Self.numbers(f.lines).filter { !plainNumbers.contains($0) }
            #expect(missing.isEmpty, "\(name) step \(i + 1): full screen shows \(missing) that plain mode does not\nfull: \(f.lines)\nplain: \(p)")
            // The pane beside a layer's step shows the shapes plain mode prints for that layer.
            // (Not on a question step or the step before it: there the pane hides the value asked for, issue 22.)
            let asks = lesson.steps[i].question != nil || (i + 1 < lesson.steps.count && lesson.steps[i + 1].question != nil)
            if !asks, let focus = f.show, focus.layer != nil, [.walk, .whatif, .shapes].contains(focus.screen) {
                let facts = LayerFacts.lines(for: focus, in: f.context)
                for shape in Self.shapeArrows(facts) {
                    #expect(f.pane.contains(shape), "\(name) step \(i + 1): the pane does not show \(shape)\n\(f.pane)")
                }
            }
            // The training screen beside a train step runs the lesson's recipe.
            if case .train = f.action {
                let rate = "lr \(NumberText.shortDecimal(f.context.recipe.rate))"
                #expect(f.pane.contains(rate), "\(name) step \(i + 1): the training screen does not show \(rate)\n\(f.pane)")
                #expect(f.lines.contains { $0.hasPrefix("Trained 3 steps") }, "\(name) step \(i + 1): \(f.lines)")
            }
        }
    }
}
