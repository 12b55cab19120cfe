import AlexNetCore
import Foundation

/// Reads lesson YAML into a `Lesson`. Problems are `file:line: message`; `read` finds every one in a
/// file in one pass (for `--check`), `load` throws the first of them. The format is described in
/// `lessons/README.md`.
public struct LessonLoader: Sendable {
    static let topFields = ["title", "preset", "steps"]
    static let stepFields = ["text", "show", "train", "experiment", "input", "preset", "rounding", "recipe", "question", "answer", "check",
                             "choices", "hint", "explain"]
    static let questionOnlyFields = ["answer", "check", "choices", "hint", "explain"]

    let reader: YAMLReader

    /// `file` is the name used in messages (usually the path as the user typed it).
    public init(file: String) { reader = YAMLReader(file: file) }

    /// What a read found: the lesson as far as it could be built (nil when its preset or steps could not
    /// be read, so nothing can be checked against the core) and every problem, in line order.
    public struct Reading: Sendable {
        public var lesson: Lesson?
        public var problems: [ConfigError]
    }

    /// The lesson, or its first problem in line order.
    public func load(path: String) throws(ConfigError) -> Lesson {
        try lesson(of: read(path: path))
    }

    public func load(text: String) throws(ConfigError) -> Lesson {
        try lesson(of: read(text: text))
    }

    /// Every structural problem of the file (a YAML syntax error stops the read: nothing after it is known).
    public func read(path: String) -> Reading {
        do {
            let data = try YAMLReader.read(path, file: reader.file)
            return read(try oneLine { () throws(ConfigError) in try reader.compose(data) })
        } catch { return Reading(lesson: nil, problems: [error]) }
    }

    public func read(text: String) -> Reading {
        do { return read(try oneLine { () throws(ConfigError) in try reader.compose(text) }) } catch {
            return Reading(lesson: nil, problems: [error])
        }
    }

    /// Whatever the YAML layer reports stays one line naming the file: a message that spans lines
    /// (Yams' duplicate-key error quotes the whole file) would bury the `file:line:` under the file.
    private func oneLine(_ compose: () throws(ConfigError) -> YAMLNode) throws(ConfigError) -> YAMLNode {
        do { return try compose() } catch {
            guard error.message.contains(where: \.isNewline) else { throw error }
            let first = error.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "YAML error"
            throw ConfigError(file: error.file, line: error.line, message: first)
        }
    }

    func read(_ root: YAMLNode) -> Reading {
        let parse = LessonParse(reader: reader)
        let lesson = parse.lesson(root)
        return Reading(lesson: lesson, problems: parse.problems.inLineOrder)
    }

    private func lesson(of reading: Reading) throws(ConfigError) -> Lesson {
        if let first = reading.problems.first { throw first }
        // Every path that leaves the lesson out notes why; should one not, this is still one line, not a trap.
        guard let lesson = reading.lesson else { throw ConfigError(file: reader.file, line: nil, message: "the lesson could not be read") }
        return lesson
    }
}

/// One pass over a lesson's YAML that notes each problem and goes on with the next field or step, so
/// `--check` lists a file's mistakes in one run. A field that fails is left out of the lesson it builds.
private final class LessonParse {
    let reader: YAMLReader
    private(set) var problems: [ConfigError] = []

    init(reader: YAMLReader) { self.reader = reader }

    private func note(_ problem: ConfigError) { problems.append(problem) }

    /// The body's value, or nil with its problem noted.
    private func attempt<T>(_ body: () throws(ConfigError) -> T) -> T? {
        do { return try body() } catch { note(error); return nil }
    }

    /// A mapping's fields; each key outside `allowed` is noted and left out.
    private func fields(_ node: YAMLNode, what: String, allowed: [String]) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let pairs = attempt({ () throws(ConfigError) in try reader.mapping(node, what: what) }) else { return nil }
        for unknown in pairs where !allowed.contains(unknown.key) {
            note(reader.error(unknown.keyNode, "unknown field '\(unknown.key)' in \(what); expected one of: \(allowed.joined(separator: ", "))"))
        }
        return pairs.filter { allowed.contains($0.key) }
    }

    func lesson(_ root: YAMLNode) -> Lesson? {
        guard let fields = fields(root, what: "a lesson", allowed: LessonLoader.topFields) else { return nil }
        func field(_ name: String) -> YAMLNode? {
            guard let f = fields.first(where: { $0.key == name }) else {
                note(reader.error(root, "a lesson needs '\(name)'"))
                return nil
            }
            return f.value
        }
        let title = field("title").flatMap { node in attempt { () throws(ConfigError) in try reader.string(node, what: "title") } }
        let preset = field("preset").flatMap { node in attempt { () throws(ConfigError) in try self.preset(node) } }
        guard let stepNodes = field("steps").flatMap({ node in attempt { () throws(ConfigError) in try reader.sequence(node, what: "steps") } }) else { return nil }
        if stepNodes.isEmpty {
            note(reader.error(root, "steps is empty: a lesson needs at least one step"))
            return nil
        }
        guard LessonLimits.lessonSteps.contains(stepNodes.count) else {
            note(reader.error(stepNodes[LessonLimits.lessonSteps.upperBound],
                              "a lesson takes \(LessonLimits.text(LessonLimits.lessonSteps)) steps, got \(NumberText.grouped(stepNodes.count)); split it into several lessons"))
            return nil
        }
        let steps = stepNodes.compactMap(step)
        // Without its preset the lesson cannot be replayed, so nothing past the structure is checked.
        guard let preset else { return nil }
        return Lesson(title: title ?? "", preset: preset, steps: steps, file: reader.file)
    }

    private func preset(_ node: YAMLNode) throws(ConfigError) -> Preset {
        let name = try reader.string(node, what: "preset")
        guard let preset = Preset(rawValue: name) else {
            throw reader.error(node, "unknown preset '\(name)'; expected one of: \(Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return preset
    }

    /// The step, or nil when nothing of it could be read. Each broken field is noted and left out.
    private func step(_ node: YAMLNode) -> LessonStep? {
        let problemsBefore = problems.count
        guard let fields = fields(node, what: "a step", allowed: LessonLoader.stepFields) else { return nil }
        var step = LessonStep(line: node.line)
        func value(_ name: String) -> (keyNode: YAMLNode, value: YAMLNode)? {
            fields.first { $0.key == name }.map { ($0.keyNode, $0.value) }
        }
        let actions = fields.filter { ["train", "experiment", "input", "preset", "rounding", "recipe"].contains($0.key) }
        if actions.count > 1 {
            note(reader.error(actions[1].keyNode, "a step can do one action, got both '\(actions[0].key)' and '\(actions[1].key)'; split it into two steps"))
        }
        // The first action only: a second one is the mistake noted above.
        if let first = actions.first {
            let v = first.value
            let action = attempt { () throws(ConfigError) in try self.action(first.key, v) }
            if let action { step.action = action; step.actionLine = v.line }
        }
        if let (_, v) = value("show") {
            let focus = attempt { () throws(ConfigError) -> ScreenFocus in
                switch ScreenFocus.parse(try reader.string(v, what: "show")) {
                case .success(let focus): return focus
                case .failure(let e): throw reader.error(v, e.message)
                }
            }
            if let focus { step.show = focus; step.showLine = v.line }
        }
        if let (_, v) = value("text") {
            step.text = attempt { () throws(ConfigError) in try reader.string(v, what: "text") }
            step.textLine = v.line
        }
        if let (_, v) = value("question") {
            if let prompt = attempt({ () throws(ConfigError) in try reader.string(v, what: "question") }) {
                step.question = question(prompt: prompt, node: node, value: value)
            }
        } else {
            for stray in fields where LessonLoader.questionOnlyFields.contains(stray.key) {
                note(reader.error(stray.keyNode, "'\(stray.key)' belongs to a question, but this step has no 'question'"))
            }
        }
        for key in ["text", "question", "hint", "explain"] {
            guard let (_, v) = value(key), let line = v.line, v.scalar != nil else { continue }
            step.textLocations[key] = LessonStep.TextLocation(line: line, isLiteralBlock: v.isLiteralBlock)
        }
        // A step whose only fields were broken is not also "empty": its own problems say what is wrong.
        if step.action == nil, step.show == nil, step.text == nil, step.question == nil, problems.count == problemsBefore {
            note(reader.error(node, "empty step: give it text, show, an action (train, experiment, input, preset, rounding, recipe) or a question"))
        }
        return step
    }

    private func action(_ key: String, _ v: YAMLNode) throws(ConfigError) -> LessonAction {
        switch key {
        case "train":
            let n = try reader.int(v, what: "train (steps)")
            guard LessonLimits.trainSteps.contains(n) else {
                throw reader.error(v, "train takes \(LessonLimits.text(LessonLimits.trainSteps)) steps, got \(NumberText.grouped(n))")
            }
            return .train(steps: n)
        case "experiment":
            let n = try reader.int(v, what: "experiment (steps per run)")
            guard LessonLimits.experimentSteps.contains(n) else {
                throw reader.error(v, "experiment takes \(LessonLimits.text(LessonLimits.experimentSteps)) steps per run, got \(NumberText.grouped(n))")
            }
            return .experiment(steps: n)
        case "input":
            let n = try reader.int(v, what: "input (the what-if input side)")
            guard LessonLimits.inputSide.contains(n) else {
                throw reader.error(v, "input takes a side of \(LessonLimits.text(LessonLimits.inputSide)) pixels, got \(NumberText.grouped(n))")
            }
            return .setInputSize(n)
        case "preset":
            return .setPreset(try preset(v))
        case "rounding":
            let word = try reader.string(v, what: "rounding")
            guard let r = PoolRounding(rawValue: word) else {
                throw reader.error(v, "rounding takes floor (Caffe, PyTorch) or ceil (cuda-convnet), got '\(word)'")
            }
            return .setRounding(r)
        default:
            return .setRecipe(try recipe(v))
        }
    }

    /// A `recipe:` mapping: `lr` (a learning rate) and `init` (an initialisation), either or both.
    private func recipe(_ v: YAMLNode) throws(ConfigError) -> TrainingRecipe {
        var recipe = TrainingRecipe()
        for f in try reader.mapping(v, what: "a recipe", allowed: ["lr", "init"]) {
            if f.key == "lr" {
                let lr = try reader.double(f.value, what: "lr (learning rate)")
                guard TrainingRecipe.learningRates.contains(lr) else {
                    throw reader.error(f.value, "lr takes a learning rate from 0.000001 to 1, got \(lr)")
                }
                recipe.learningRate = lr
            } else {
                let word = try reader.string(f.value, what: "init")
                guard let i = Initialization(rawValue: word) else {
                    throw reader.error(f.value, "init takes \(Initialization.allCases.map(\.rawValue).joined(separator: " or ")), got '\(word)'")
                }
                recipe.initialization = i
            }
        }
        return recipe
    }

    /// The question, or nil (its problems noted) when its answer cannot be read.
    private func question(prompt: String, node: YAMLNode,
                          value: (String) -> (keyNode: YAMLNode, value: YAMLNode)?) -> LessonQuestion? {
        let hint = value("hint").flatMap { v in attempt { () throws(ConfigError) in try reader.string(v.value, what: "hint") } }
        let explain = value("explain").flatMap { v in attempt { () throws(ConfigError) in try reader.string(v.value, what: "explain") } }
        guard let (_, answerNode) = value("answer") else {
            note(reader.error(node, "question has no 'answer'"))
            return nil
        }
        guard let answerText = attempt({ () throws(ConfigError) in try reader.string(answerNode, what: "answer") }) else { return nil }
        let answerLine = answerNode.line
        if let (_, choicesNode) = value("choices") {
            if let (checkKey, _) = value("check") {
                note(reader.error(checkKey, "'check' applies to numeric answers, not to multiple choice"))
            }
            guard let choiceNodes = attempt({ () throws(ConfigError) in try reader.sequence(choicesNode, what: "choices") }) else { return nil }
            let choices = choiceNodes.compactMap { c in attempt { () throws(ConfigError) in try reader.string(c, what: "a choice") } }
            guard choices.count == choiceNodes.count else { return nil }
            // One letter per option, a to z: the range is checked before any letter is made.
            guard LessonLimits.choices.contains(choices.count) else {
                note(reader.error(choicesNode, "choices takes \(LessonLimits.text(LessonLimits.choices)) options (letters a–z), got \(NumberText.grouped(choices.count))"))
                return nil
            }
            let letters = choices.indices.map(LessonSession.letter)
            let index = letters.firstIndex(of: answerText.lowercased()) ?? Int(answerText).map { $0 - 1 }
            guard let index, choices.indices.contains(index) else {
                note(reader.error(answerNode, "answer '\(answerText)' is not one of the choices (\(letters.joined(separator: ", ")))"))
                return nil
            }
            return LessonQuestion(prompt: prompt, answer: .choice(choices, correct: index), hint: hint,
                                  explanation: explain, answerLine: answerLine)
        }
        var check: CoreExpression?
        var checkLine: Int?
        if let (_, checkNode) = value("check"), let text = attempt({ () throws(ConfigError) in try reader.string(checkNode, what: "check") }) {
            if let e = CoreExpression(text) {
                check = e; checkLine = checkNode.line
            } else {
                note(reader.error(checkNode, "check '\(text)' is not of the form layer.field (e.g. conv1.params)"))
            }
        }
        let answer: LessonQuestion.Answer
        if let n = Int(answerText.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")) {
            answer = .literal(n, check: check)
        } else if let e = CoreExpression(answerText) {
            if check != nil { note(reader.error(value("check")!.keyNode, "'check' is only for literal answers; this answer is already computed by the core")) }
            answer = .expression(e)
        } else {
            note(reader.error(answerNode, "answer '\(answerText)' is neither a whole number nor a core value like conv1.params"))
            return nil
        }
        return LessonQuestion(prompt: prompt, answer: answer, hint: hint, explanation: explain,
                              answerLine: answerLine, checkLine: checkLine)
    }
}
