import Localization
import AlexNetCore
import Foundation

/// Runs a lesson as a line-by-line text session: for screen readers, SSH and scripts, and what the
/// tests drive. Input comes from `readLine` (nil = end of input, which ends the lesson cleanly).
public struct PlainLessonRunner {
    /// Runs a `train N` action on the network of that step and returns lines to print (progress,
    /// loss, error); a thrown error (no data, say) is printed with the step's `file:line` and the
    /// lesson goes on. Without a trainer (tests) the step is skipped with a note.
    public typealias Trainer = (_ context: LessonContext, _ steps: Int) throws -> [String]

    /// Runs an `experiment: N` action (the Figure 1 comparison, at most N steps per run), printing its
    /// progress through `progress`, and returns the measured result, which later steps read through
    /// `{experiment.…}`. Tests pass a fake result so they stay fast.
    public typealias Experimenter = (_ steps: Int, _ progress: (String) -> Void) throws -> ComparisonSummary

    let readLine: () -> String?
    let write: (String) -> Void
    let trainer: Trainer?
    let experimenter: Experimenter?
    /// Whether to write back each line read (when stdin is not a terminal, nothing else shows what was
    /// typed, and a saved transcript would read as answers to unasked questions).
    let echo: Bool

    public init(readLine: @escaping () -> String?, write: @escaping (String) -> Void, trainer: Trainer? = nil,
                experimenter: Experimenter? = nil, echo: Bool = false) {
        self.readLine = readLine; self.write = write; self.trainer = trainer; self.experimenter = experimenter
        self.echo = echo
    }

    /// Reads an answer after `answer> `: echoed, the prompt and the input make one line of the transcript.
    private func readAnswer() -> String? {
        if !echo { write(Messages.answerPrompt) }
        let line = readLine()?.trimmingCharacters(in: .whitespaces)
        if echo, let line { write(Messages.answerPrompt + line) }
        return line
    }

    /// Reads a navigation key (a bare Enter is not echoed: the next step shows it was pressed).
    private func readCommand() -> String? {
        let line = readLine()?.trimmingCharacters(in: .whitespaces)
        if echo, let line, !line.isEmpty { write("> " + line) }
        return line?.lowercased()
    }

    public func run(_ session: LessonSession) {
        var session = session
        write("# \(session.lesson.title)")
        write(Messages.plainLessonKeys)
        var show = true
        while true {
            if show {
                let runs: Bool = switch session.step.action {
                case .experiment: experimenter != nil
                case .train: trainer != nil
                default: false
                }
                let lines = session.enter(trains: runs)
                if case .experiment(let n) = session.step.action, let experimenter {
                    write(lines[0]); write(lines[1])
                    // Run once: going back and forth over the step reads the recorded result again.
                    if session.experiment == nil {
                        do {
                            let result = try experimenter(n, write)
                            session.record(experiment: result)
                            write(Messages.experimentResult(ComparisonVerdict(summary: result).winnerLine + "."))
                        } catch {
                            let step = session.step
                            write(ConfigError(file: session.lesson.file, line: step.actionLine ?? step.line, message: Messages.cannotRunExperimentHere("\(error)")).description)
                        }
                    } else {
                        write(Messages.experimentResultAgain(ComparisonVerdict(summary: session.experiment!).winnerLine + "."))
                    }
                    lines.dropFirst(2).forEach(write)
                } else if case .train(let n) = session.step.action, let trainer {
                    // The action comes first, as in the TUI: print its header, train, then the rest.
                    write(lines[0]); write(lines[1])
                    do { try trainer(session.context, n).forEach(write) } catch {
                        let step = session.step
                        let place = ConfigError(file: session.lesson.file, line: step.actionLine ?? step.line, message: Messages.cannotTrainHere("\(error)"))
                        write(place.description)
                    }
                    lines.dropFirst(2).forEach(write)
                } else {
                    lines.forEach(write)
                }
            }
            show = true
            if session.awaitingAnswer {
                guard let line = readAnswer() else { break }
                switch line.lowercased() {
                case "q", "quit": return finish(session)
                case "hint", "h", "?", "提示": write(session.hint.map { Messages.hintLine($0) } ?? Messages.noHint); show = false
                case "skip", "s", "跳过": session.skip().forEach(write); show = false
                case "": show = false
                default: session.answer(line).forEach(write); show = false
                }
                continue
            }
            write(session.isLast ? Messages.endKeys : Messages.stepKeys)
            guard let line = readCommand() else { break }
            switch line {
            case "q", "quit": return finish(session)
            case "p", "previous", "b":
                if !session.previous() { write(Messages.firstStepAlready); show = false }
            case "", "n", "next":
                if !session.next() { return finish(session) }
            default:
                // Typed text here answers nothing: say so rather than drop it and move on.
                write(session.step.question == nil ? Messages.noQuestionOnStep : Messages.answeredAlready)
                show = false
            }
        }
        finish(session)
    }

    private func finish(_ session: LessonSession) {
        write(session.summary)
    }
}
