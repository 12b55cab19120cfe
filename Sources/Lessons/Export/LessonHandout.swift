import AlexNetCore
import Localization

/// A lesson as a Markdown handout: every placeholder filled in from the core, the screens' facts as
/// text, the questions numbered. With `answers` each question is followed by its answer, hint and
/// worked explanation (the instructor's copy); without, students get blank lines to write on.
public enum LessonHandout {
    /// The handout in the lesson's own language: its text and the program's words around it.
    public static func markdown(_ lesson: Lesson, answers: Bool) throws(ConfigError) -> String {
        let result: Result<String, ConfigError> = Language.with(lesson.language) {
            do throws(ConfigError) { return .success(try written(lesson, answers: answers)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func written(_ lesson: Lesson, answers: Bool) throws(ConfigError) -> String {
        let contexts = try LessonReplay.contexts(of: lesson)
        var out = ["# \(lesson.title)", ""]
        out.append(Messages.handoutNetwork(lesson.preset.rawValue, summary: lesson.preset.summary))
        if answers { out.append(""); out.append(Messages.handoutInstructorCopy) }
        var questionNumber = 0
        for (i, (step, context)) in zip(lesson.steps, contexts).enumerated() {
            // The experiment's numbers are measured in the program: on paper they are blanks to fill in.
            func render(_ text: String) -> String {
                (try? PlaceholderText.render(text, in: context, unmeasured: "____").get()) ?? text
            }
            var block: [String] = []
            if let action = step.action {
                // Training is measured in the program: on paper the step only says what would run.
                let summary = action.summary(in: context, code: { "`\($0)`" })
                let note = action.trains ? Messages.handoutRunToSee : ""
                block.append(Messages.handoutAction(summary.prefix(1).uppercased() + summary.dropFirst(), note: note))
            }
            if let focus = step.show {
                let facts = LayerFacts.lines(for: focus, in: context)
                block.append(Messages.handoutOnScreen("\(focus)"))
                if facts.count > 1 { block += ["", "```"] + facts.dropFirst() + ["```"] }
            }
            if let text = step.text {
                if !block.isEmpty { block.append("") }
                block += Self.trimmed(render(text))
            }
            if let q = step.question {
                questionNumber += 1
                if !block.isEmpty { block.append("") }
                block.append(Messages.handoutQuestion(questionNumber, prompt: render(q.prompt)))
                if case .choice(let options, _) = q.answer {
                    block.append("")
                    for (j, o) in options.enumerated() { block.append("- \(LessonSession.letter(j))) \(render(o))") }
                }
                block.append("")
                if answers {
                    let expected: String
                    switch q.answer {
                    case .expression(let e): expected = (try? e.evaluate(in: context).get())?.description ?? e.description
                    case .literal(let n, _): expected = NumberText.grouped(n)
                    case .choice(let options, let correct): expected = "\(LessonSession.letter(correct))) \(render(options[correct]))"
                    }
                    block.append(Messages.handoutAnswer(expected))
                    if let hint = q.hint { block.append(">"); block.append(Messages.handoutHint(render(hint))) }
                    if let e = q.explanation { block.append(">"); block += Self.trimmed(render(e)).map { "> " + $0 } }
                } else {
                    block.append(Messages.handoutBlank)
                }
            }
            out += ["", Messages.handoutStep(i + 1), ""] + block
        }
        out += ["", "---", "", Messages.handoutFooter(questions: questionNumber, command: Self.command(for: lesson))]
        return out.joined(separator: "\n") + "\n"
    }

    /// Lines without trailing blanks; a lesson's indented formula lines stay indented.
    static func trimmed(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The command that opens this lesson in its language: `alexnet lesson 01-shape-arithmetic`, and for a
    /// translation `alexnet lesson zh/01-shape-arithmetic` (which works whatever the reader's locale).
    static func command(for lesson: Lesson) -> String {
        let folder = lesson.language == .en ? "" : lesson.language.rawValue + "/"
        return "alexnet lesson \(folder)\(name(of: lesson.file))"
    }

    /// `lessons/01-shape-arithmetic.yaml` → `01-shape-arithmetic`.
    static func name(of file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base
    }
}
