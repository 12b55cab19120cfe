import AlexNetCore

/// Finds every problem in a lesson: YAML and structure first (the loader's first error), then each step
/// against the core (unknown layers, unresolvable placeholders, literal answers that disagree).
public enum LessonChecker {
    /// All problems in the file at `path`, reported under the name `file`.
    public static func check(path: String, file: String) -> [ConfigError] {
        do { return check(try LessonLoader(file: file).load(path: path)) } catch { return [error] }
    }

    public static func check(text: String, file: String) -> [ConfigError] {
        do { return check(try LessonLoader(file: file).load(text: text)) } catch { return [error] }
    }

    /// The network is followed through the `set:` steps, so later placeholders see the what-if.
    public static func check(_ lesson: Lesson) -> [ConfigError] {
        var problems: [ConfigError] = []
        var network = lesson.preset.spec
        var report: ShapeReport? = try? network.shapeReport()
        func problem(_ line: Int, _ message: String) {
            problems.append(ConfigError(file: lesson.file, line: line, message: message))
        }
        for step in lesson.steps {
            guard let current = report else { break }
            let facts = CoreFacts(report: current)
            switch step.action {
            case .text(let text):
                do { _ = try facts.fill(text) } catch { problem(step.line, error.message) }
            case .show(let screen, let layer):
                guard let layer else { break }
                guard let r = current.layer(named: layer) else {
                    problem(step.line, "show \(screen.rawValue): no layer '\(layer)' in \(current.network.name)")
                    break
                }
                if screen == .whatif, r.kernel == nil {
                    problem(step.line, "show whatif: \(layer) is a \(r.kind.word) layer; expected a conv or pool layer")
                }
                if screen == .filters, r.groups == nil {
                    problem(step.line, "show filters: \(layer) is a \(r.kind.word) layer; expected a conv layer")
                }
            case .train:
                break
            case .set(let change):
                do {
                    network = try change.apply(to: network, preset: lesson.preset)
                    do { report = try network.shapeReport() } catch {
                        problem(step.line, "this what-if breaks the network: \(error)")
                        report = nil
                    }
                } catch { problem(step.line, error.message) }
            case .ask(let q):
                problems += checkQuestion(q, facts: facts, file: lesson.file)
            }
        }
        return problems
    }

    static func checkQuestion(_ q: Question, facts: CoreFacts, file: String) -> [ConfigError] {
        var problems: [ConfigError] = []
        func problem(_ message: String, line: Int? = nil) {
            problems.append(ConfigError(file: file, line: line ?? q.line, message: message))
        }
        var texts = [("question", q.prompt), ("hint", q.hint), ("explain", q.explain)]
        if case .choice(let choices, _) = q.answer { texts += choices.map { ("choice", Optional($0)) } }
        for (name, text) in texts {
            guard let text else { continue }
            do { _ = try facts.fill(text) } catch { problem("\(name): \(error.message)") }
        }
        switch q.answer {
        case .expression(let e):
            do { _ = try facts.number(e) } catch { problem("answer: \(error.message)", line: q.answerLine) }
        case .literal(let n, let check?):
            do {
                let core = try facts.number(check)
                if core != n {
                    problem("answer \(n) disagrees with the core: \(check) is \(NumberText.grouped(core))", line: q.answerLine)
                }
            } catch { problem("check: \(error.message)", line: q.answerLine) }
        case .literal, .choice:
            break
        }
        return problems
    }
}
