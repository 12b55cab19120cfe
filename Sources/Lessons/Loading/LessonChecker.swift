import AlexNetCore

/// Lints lessons: YAML errors, unknown screens or layers, placeholders that do not resolve and
/// answers that disagree with the core, each as a `file:line: message`.
public enum LessonChecker {
    /// Every problem found in the file at `path` (named `file` in messages), in line order; empty when
    /// it is fine. Structural and core problems come from one run: what parsed is still checked, and
    /// so is whether a question's answer shows before it is asked (`AnswerLeakCheck`; `pane` draws the
    /// full-screen view, when the caller can).
    public static func check(path: String, file: String? = nil, pane: AnswerLeakCheck.Pane? = nil) -> [ConfigError] {
        check(LessonLoader(file: file ?? path).read(path: path), pane: pane)
    }

    public static func check(text: String, file: String, pane: AnswerLeakCheck.Pane? = nil) -> [ConfigError] {
        check(LessonLoader(file: file).read(text: text), pane: pane)
    }

    private static func check(_ reading: LessonLoader.Reading, pane: AnswerLeakCheck.Pane?) -> [ConfigError] {
        var problems = reading.problems
        if let lesson = reading.lesson {
            let core = check(lesson)
            problems += core
            // Leaks are judged on a lesson that otherwise works (a broken step has no views to read).
            if core.isEmpty, reading.problems.isEmpty { problems += AnswerLeakCheck.problems(lesson, pane: pane) }
        }
        return problems.inLineOrder
    }

    /// Problems that need the core, in line order: the lesson parsed, but does it agree with the network?
    public static func check(_ lesson: Lesson) -> [ConfigError] {
        problems(lesson).inLineOrder
    }

    private static func problems(_ lesson: Lesson) -> [ConfigError] {
        var problems: [ConfigError] = []
        func report(_ line: Int?, _ message: String) {
            problems.append(ConfigError(file: lesson.file, line: line, message: message))
        }
        var context: LessonContext
        do { context = try LessonReplay.start(of: lesson) } catch { return [error] }
        for step in lesson.steps {
            do { context = try LessonReplay.apply(step.action, to: context) } catch {
                // The same words the session refuses the lesson with, so --check predicts --plain.
                problems.append(LessonReplay.breaks(step, of: lesson, error))
                continue
            }
            if let problem = LessonReplay.cannotTrain(step, in: context, of: lesson) { problems.append(problem) }
            if let focus = step.show, let layer = focus.layer {
                if let l = context.report.layer(named: layer) {
                    if focus.screen == .filters, !l.kind.isLearned || l.formula == nil {
                        report(step.showLine, "show: filters needs a conv layer, but \(layer) is a \(l.kind.word) layer")
                    }
                    if let unit = focus.unit {
                        do { _ = try context.report.checkedIndex(of: unit) } catch { report(step.showLine, "show: \(error.message)") }
                    }
                } else {
                    report(step.showLine, "show: " + ExpressionError.unknownLayer(layer, preset: context.preset, known: context.report.layers.map(\.name)).description)
                }
            }
            for (key, text) in [("text", step.text), ("question", step.question?.prompt),
                                ("hint", step.question?.hint), ("explain", step.question?.explanation)] {
                guard let text else { continue }
                let location = step.textLocations[key]
                // A `|` block starts on the line after its indicator, one file line per text line.
                let lines = location?.isLiteralBlock == true ? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [text]
                for (i, part) in lines.enumerated() {
                    if case .failure(let e) = PlaceholderText.render(part, in: context) {
                        let line = location.map { $0.isLiteralBlock ? $0.line + 1 + i : $0.line } ?? step.line
                        e.messages.forEach { report(line, $0) }
                    }
                }
            }
            guard let q = step.question else { continue }
            switch q.answer {
            case .expression(let e):
                switch e.evaluate(in: context) {
                case .success(.number): break
                case .success(.text(let t)):
                    report(q.answerLine, "answer \(e) is the text '\(t)'; a typed-in answer needs a number (use it as a {placeholder} or a choice instead)")
                case .failure(let err): report(q.answerLine, "answer \(e) does not resolve: \(err)")
                }
            case .literal(let n, let check):
                guard let check else { break }
                switch check.evaluate(in: context) {
                case .success(.number(let truth)) where truth != n:
                    report(q.answerLine, "answer \(n) disagrees with the core: \(check) is \(NumberText.grouped(truth))")
                case .success(.number): break
                case .success(.text(let t)): report(q.checkLine, "check \(check) is the text '\(t)', not a number")
                case .failure(let err): report(q.checkLine, "check \(check) does not resolve: \(err)")
                }
            case .choice: break
            }
        }
        return problems
    }
}
