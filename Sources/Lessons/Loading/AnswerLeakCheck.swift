import Foundation
import AlexNetCore

/// The `lesson --check` rule behind "predict, then see": a question whose number the student can read
/// before answering — on the question's step or the step before it, in plain mode's lines (which the
/// full-screen narrative shows too), in the student's handout, or in the full-screen pane when the
/// caller can draw it — is a copy task, not a question. One problem per question and view.
public enum AnswerLeakCheck {
    /// The text a full-screen lesson shows beside the narrative at the session's current step (the pane
    /// is drawn by ExplorerUI, which this module cannot see; the executable passes it in).
    public typealias Pane = @Sendable (LessonSession) -> [String]

    public static func problems(_ lesson: Lesson, pane: Pane? = nil) -> [ConfigError] {
        guard let contexts = try? LessonReplay.contexts(of: lesson),
              var session = try? LessonSession(lesson: lesson) else { return [] }   // reported elsewhere
        // The handout's own question numbers ("**Question 4.**") are not the lesson's numbers.
        let handout = LessonHandout.stepBlocks(lesson, contexts: contexts, answers: false).map { block in
            block.map { line in
                guard line.hasPrefix("**Question "), let end = line.range(of: ".** ") else { return line }
                return String(line[end.upperBound...])
            }
        }
        // What each step shows before any answer: plain lines and the pane, by step index.
        var plain: [[String]] = []
        var panes: [[String]] = []
        for i in lesson.steps.indices {
            if i > 0 { _ = session.next() }
            plain.append(Array(session.enter(trains: true).dropFirst()))   // less "── Step 3/12 ──"
            panes.append(pane?(session) ?? [])
        }
        var problems: [ConfigError] = []
        for (i, step) in lesson.steps.enumerated() {
            guard let q = step.question, let value = LessonSession.numericAnswer(of: lesson, at: i, in: contexts) else { continue }
            let line = q.answerLine ?? step.line
            for j in [i - 1, i] where j >= 0 {
                let which = j == i ? "its own step" : "the step before (\(j + 1))"
                // After answering the step before, its explanation is on screen too; a question's own
                // hint comes after a first wrong try, and should lead to the number, not give it.
                let extra = j < i ? lesson.steps[j].question?.explanation : q.hint
                let said = extra.flatMap { try? PlaceholderText.render($0, in: contexts[j]).get() }
                    .map { $0.split(separator: "\n").map(String.init) } ?? []
                let views: [(String, [String])] = [(j < i ? "the lesson text or its explanation (plain and full screen)" : "the lesson text or its hint (plain and full screen)", plain[j] + said),
                                                   ("the student handout", handout[j]),
                                                   ("the full-screen pane", panes[j])]
                for (name, lines) in views {
                    guard let shown = lines.first(where: { HiddenAnswer.reveals($0, value) }) else { continue }
                    let excerpt = shown.trimmingCharacters(in: .whitespaces)
                    let cut = excerpt.count > 60 ? String(excerpt.prefix(57)) + "..." : excerpt
                    problems.append(ConfigError(file: lesson.file, line: line,
                        message: "step \(i + 1) asks for \(NumberText.grouped(value)), which \(name) shows on \(which): \"\(cut)\"; ask for it before showing it"))
                }
            }
        }
        return problems
    }
}
