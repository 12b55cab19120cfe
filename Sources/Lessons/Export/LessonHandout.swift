import AlexNetCore

/// A lesson as a Markdown handout: every placeholder filled in from the core, the screens' facts as
/// text, the questions numbered. With `answers` each question is followed by its answer, hint and
/// worked explanation (the instructor's copy); without, students get blank lines to write on.
public enum LessonHandout {
    public static func markdown(_ lesson: Lesson, answers: Bool) throws(ConfigError) -> String {
        let contexts = try LessonReplay.contexts(of: lesson)
        var out = ["# \(lesson.title)", ""]
        out.append("*Network: `\(lesson.preset.rawValue)` (\(lesson.preset.summary)). Numbers about the network were computed by the program; the paper's are quoted from it.*")
        if answers { out.append(""); out.append("**Instructor's copy: answers included.**") }
        let blocks = stepBlocks(lesson, contexts: contexts, answers: answers)
        for (i, block) in blocks.enumerated() { out += ["", "## Step \(i + 1)", ""] + block }
        let questionNumber = lesson.steps.filter { $0.question != nil }.count
        out += ["", "---", "", "\(questionNumber) question\(questionNumber == 1 ? "" : "s"). Take this lesson in the program: `alexnet lesson \(Self.name(of: lesson.file))`."]
        return out.joined(separator: "\n") + "\n"
    }

    /// Each step's Markdown, in order. The student's copy masks the screen facts of a question step and
    /// the step before it (`HiddenAnswer`), as the session does; `lesson --check` reads these blocks.
    static func stepBlocks(_ lesson: Lesson, contexts: [LessonContext], answers: Bool) -> [[String]] {
        var blocks: [[String]] = []
        var questionNumber = 0
        for (i, (step, context)) in zip(lesson.steps, contexts).enumerated() {
            let hidden = answers ? [] : [i, i + 1].flatMap { LessonSession.hiddenNumbers(of: lesson, at: $0, in: contexts) }
            // The experiment's numbers are measured in the program: on paper they are blanks to fill in.
            func render(_ text: String) -> String {
                (try? PlaceholderText.render(text, in: context, unmeasured: "____").get()) ?? text
            }
            var block: [String] = []
            if let action = step.action {
                // Training is measured in the program: on paper the step only says what would run.
                let summary = action.summary(in: context, code: { "`\($0)`" })
                let note = action.trains ? " (run the lesson in the program to see it)" : ""
                block.append(HiddenAnswer.masked("*\(summary.prefix(1).uppercased())\(summary.dropFirst())\(note).*", hiding: hidden))
            }
            if let focus = step.show {
                let facts = LayerFacts.lines(for: focus, in: context).map { HiddenAnswer.masked($0, hiding: hidden) }
                block.append("*On screen: \(focus).*")
                if facts.count > 1 { block += ["", "```"] + facts.dropFirst() + ["```"] }
            }
            if let text = step.text {
                if !block.isEmpty { block.append("") }
                block += Self.trimmed(render(text))
            }
            if let q = step.question {
                questionNumber += 1
                if !block.isEmpty { block.append("") }
                block.append("**Question \(questionNumber).** \(render(q.prompt))")
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
                    block.append("> **Answer:** \(expected)")
                    if let hint = q.hint { block.append(">"); block.append("> *Hint:* \(render(hint))") }
                    if let e = q.explanation { block.append(">"); block += Self.trimmed(render(e)).map { "> " + $0 } }
                } else {
                    block.append("Answer: ______________________")
                }
            }
            blocks.append(block)
        }
        return blocks
    }

    /// Lines without trailing blanks; a lesson's indented formula lines stay indented.
    static func trimmed(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `lessons/01-shape-arithmetic.yaml` → `01-shape-arithmetic`; a translation keeps its language
    /// folder (`lessons/zh/01-shape-arithmetic.yaml` → `zh/01-shape-arithmetic`), else the footer would
    /// send the student to the English lesson.
    static func name(of file: String) -> String {
        let parts = file.split(separator: "/").map(String.init)
        let base = parts.last ?? file
        let stem = base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base
        guard parts.count >= 2 else { return stem }
        let folder = parts[parts.count - 2]
        let isLanguage = (2...3).contains(folder.count) && folder.allSatisfy { $0.isLetter && $0.isLowercase }
        return isLanguage ? folder + "/" + stem : stem
    }
}
