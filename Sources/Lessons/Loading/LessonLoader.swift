import AlexNetCore
import Foundation

/// Reads lesson YAML into a `Lesson`, reporting the first problem as `file:line: message`.
/// The format is described in `lessons/README.md`.
public struct LessonLoader: Sendable {
    static let topFields = ["title", "preset", "steps"]
    static let stepFields = ["text", "show", "train", "experiment", "input", "preset", "rounding", "recipe", "question", "answer", "check",
                             "choices", "hint", "explain"]
    static let questionOnlyFields = ["answer", "check", "choices", "hint", "explain"]

    let reader: YAMLReader

    /// `file` is the name used in messages (usually the path as the user typed it).
    public init(file: String) { reader = YAMLReader(file: file) }

    public func load(path: String) throws(ConfigError) -> Lesson {
        let data = try YAMLReader.read(path, file: reader.file)
        return try parse(try oneLine { () throws(ConfigError) in try reader.compose(data) })
    }

    public func load(text: String) throws(ConfigError) -> Lesson {
        try parse(try oneLine { () throws(ConfigError) in try reader.compose(text) })
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

    func parse(_ root: YAMLNode) throws(ConfigError) -> Lesson {
        let fields = try reader.mapping(root, what: "a lesson", allowed: Self.topFields)
        func field(_ name: String) throws(ConfigError) -> YAMLNode {
            guard let f = fields.first(where: { $0.key == name }) else {
                throw reader.error(root, "a lesson needs '\(name)'")
            }
            return f.value
        }
        let title = try reader.string(try field("title"), what: "title")
        let presetNode = try field("preset")
        let preset = try self.preset(presetNode)
        let stepNodes = try reader.sequence(try field("steps"), what: "steps")
        if stepNodes.isEmpty { throw reader.error(root, "steps is empty: a lesson needs at least one step") }
        guard LessonLimits.lessonSteps.contains(stepNodes.count) else {
            throw reader.error(stepNodes[LessonLimits.lessonSteps.upperBound],
                               "a lesson takes \(LessonLimits.text(LessonLimits.lessonSteps)) steps, got \(NumberText.grouped(stepNodes.count)); split it into several lessons")
        }
        var steps: [LessonStep] = []
        for node in stepNodes { steps.append(try step(node)) }
        return Lesson(title: title, preset: preset, steps: steps, file: reader.file)
    }

    private func preset(_ node: YAMLNode) throws(ConfigError) -> Preset {
        let name = try reader.string(node, what: "preset")
        guard let preset = Preset(rawValue: name) else {
            throw reader.error(node, "unknown preset '\(name)'; expected one of: \(Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return preset
    }

    private func step(_ node: YAMLNode) throws(ConfigError) -> LessonStep {
        let fields = try reader.mapping(node, what: "a step", allowed: Self.stepFields)
        var step = LessonStep(line: node.line)
        func value(_ name: String) -> (keyNode: YAMLNode, value: YAMLNode)? {
            fields.first { $0.key == name }.map { ($0.keyNode, $0.value) }
        }
        let actions = fields.filter { ["train", "experiment", "input", "preset", "rounding", "recipe"].contains($0.key) }
        if actions.count > 1 {
            throw reader.error(actions[1].keyNode, "a step can do one action, got both '\(actions[0].key)' and '\(actions[1].key)'; split it into two steps")
        }
        if let (_, v) = value("train") {
            let n = try reader.int(v, what: "train (steps)")
            guard LessonLimits.trainSteps.contains(n) else {
                throw reader.error(v, "train takes \(LessonLimits.text(LessonLimits.trainSteps)) steps, got \(NumberText.grouped(n))")
            }
            step.action = .train(steps: n); step.actionLine = v.line
        }
        if let (_, v) = value("experiment") {
            let n = try reader.int(v, what: "experiment (steps per run)")
            guard LessonLimits.experimentSteps.contains(n) else {
                throw reader.error(v, "experiment takes \(LessonLimits.text(LessonLimits.experimentSteps)) steps per run, got \(NumberText.grouped(n))")
            }
            step.action = .experiment(steps: n); step.actionLine = v.line
        }
        if let (_, v) = value("input") {
            let n = try reader.int(v, what: "input (the what-if input side)")
            guard LessonLimits.inputSide.contains(n) else {
                throw reader.error(v, "input takes a side of \(LessonLimits.text(LessonLimits.inputSide)) pixels, got \(NumberText.grouped(n))")
            }
            step.action = .setInputSize(n); step.actionLine = v.line
        }
        if let (_, v) = value("preset") {
            step.action = .setPreset(try preset(v)); step.actionLine = v.line
        }
        if let (_, v) = value("rounding") {
            let word = try reader.string(v, what: "rounding")
            guard let r = PoolRounding(rawValue: word) else {
                throw reader.error(v, "rounding takes floor (Caffe, PyTorch) or ceil (cuda-convnet), got '\(word)'")
            }
            step.action = .setRounding(r); step.actionLine = v.line
        }
        if let (_, v) = value("recipe") {
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
            step.action = .setRecipe(recipe); step.actionLine = v.line
        }
        if let (_, v) = value("show") {
            switch ScreenFocus.parse(try reader.string(v, what: "show")) {
            case .success(let focus): step.show = focus
            case .failure(let e): throw reader.error(v, e.message)
            }
            step.showLine = v.line
        }
        if let (_, v) = value("text") {
            step.text = try reader.string(v, what: "text")
            step.textLine = v.line
        }
        if let (_, v) = value("question") {
            step.question = try question(prompt: try reader.string(v, what: "question"), node: node, value: value)
        } else if let stray = fields.first(where: { Self.questionOnlyFields.contains($0.key) }) {
            throw reader.error(stray.keyNode, "'\(stray.key)' belongs to a question, but this step has no 'question'")
        }
        for key in ["text", "question", "hint", "explain"] {
            guard let (_, v) = value(key), let line = v.line, v.scalar != nil else { continue }
            step.textLocations[key] = LessonStep.TextLocation(line: line, isLiteralBlock: v.isLiteralBlock)
        }
        if step.action == nil, step.show == nil, step.text == nil, step.question == nil {
            throw reader.error(node, "empty step: give it text, show, an action (train, experiment, input, preset, rounding, recipe) or a question")
        }
        return step
    }

    private func question(prompt: String, node: YAMLNode,
                          value: (String) -> (keyNode: YAMLNode, value: YAMLNode)?) throws(ConfigError) -> LessonQuestion {
        guard let (_, answerNode) = value("answer") else {
            throw reader.error(node, "question has no 'answer'")
        }
        let hint = try value("hint").map { v throws(ConfigError) in try reader.string(v.value, what: "hint") }
        let explain = try value("explain").map { v throws(ConfigError) in try reader.string(v.value, what: "explain") }
        let answerText = try reader.string(answerNode, what: "answer")
        let answerLine = answerNode.line
        if let (_, choicesNode) = value("choices") {
            var choices: [String] = []
            for c in try reader.sequence(choicesNode, what: "choices") { choices.append(try reader.string(c, what: "a choice")) }
            // One letter per option, a to z: the range is checked before any letter is made.
            guard LessonLimits.choices.contains(choices.count) else {
                throw reader.error(choicesNode, "choices takes \(LessonLimits.text(LessonLimits.choices)) options (letters a–z), got \(NumberText.grouped(choices.count))")
            }
            if let (checkKey, _) = value("check") {
                throw reader.error(checkKey, "'check' applies to numeric answers, not to multiple choice")
            }
            let letters = choices.indices.map(LessonSession.letter)
            let index = letters.firstIndex(of: answerText.lowercased()) ?? Int(answerText).map { $0 - 1 }
            guard let index, choices.indices.contains(index) else {
                throw reader.error(answerNode, "answer '\(answerText)' is not one of the choices (\(letters.joined(separator: ", ")))")
            }
            return LessonQuestion(prompt: prompt, answer: .choice(choices, correct: index), hint: hint,
                                  explanation: explain, answerLine: answerLine)
        }
        var check: CoreExpression?
        var checkLine: Int?
        if let (_, checkNode) = value("check") {
            let text = try reader.string(checkNode, what: "check")
            guard let e = CoreExpression(text) else {
                throw reader.error(checkNode, "check '\(text)' is not of the form layer.field (e.g. conv1.params)")
            }
            check = e; checkLine = checkNode.line
        }
        let answer: LessonQuestion.Answer
        if let n = Int(answerText.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")) {
            answer = .literal(n, check: check)
        } else if let e = CoreExpression(answerText) {
            if check != nil { throw reader.error(value("check")!.keyNode, "'check' is only for literal answers; this answer is already computed by the core") }
            answer = .expression(e)
        } else {
            throw reader.error(answerNode, "answer '\(answerText)' is neither a whole number nor a core value like conv1.params")
        }
        return LessonQuestion(prompt: prompt, answer: answer, hint: hint, explanation: explain,
                              answerLine: answerLine, checkLine: checkLine)
    }
}
