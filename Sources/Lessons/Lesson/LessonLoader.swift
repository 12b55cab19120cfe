import AlexNetCore
import Foundation
import Yams

/// Reads a lesson's YAML into a `Lesson`, reporting the first structural problem (syntax, a missing
/// field, a wrong type, an unknown key) as `file:line: message`. Whether the numbers agree with the
/// core is the checker's job.
public struct LessonLoader: Sendable {
    let reader: YAMLReader
    public var file: String { reader.file }

    public init(file: String) { reader = YAMLReader(file: file) }

    static let stepKinds = ["text", "show", "train", "set", "ask"]
    static let askFields = ["question", "answer", "check", "choices", "hint", "explain"]
    static let setFields = ["layer", "kernel", "stride", "padding", "out", "groups", "input"]

    public func load(path: String) throws(ConfigError) -> Lesson {
        try parse(try reader.compose(try YAMLReader.read(path, file: file)))
    }

    public func load(text: String) throws(ConfigError) -> Lesson {
        try parse(try reader.compose(text))
    }

    func parse(_ root: Node) throws(ConfigError) -> Lesson {
        let fields = try reader.mapping(root, what: "the lesson", allowed: ["title", "preset", "steps"])
        func field(_ name: String) throws(ConfigError) -> Node {
            guard let v = fields.first(where: { $0.key == name })?.value else {
                throw reader.error(root, "the lesson has no '\(name)' field")
            }
            return v
        }
        let title = try reader.string(try field("title"), what: "title")
        let presetNode = try field("preset")
        let presetName = try reader.string(presetNode, what: "preset")
        guard let preset = Preset(rawValue: presetName) else {
            throw reader.error(presetNode, "unknown preset '\(presetName)'; expected one of: \(Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let stepsNode = try field("steps")
        let stepNodes = try reader.sequence(stepsNode, what: "steps")
        guard !stepNodes.isEmpty else { throw reader.error(stepsNode, "the lesson has no steps") }
        var steps: [LessonStep] = []
        for node in stepNodes { steps.append(try step(node)) }
        return Lesson(title: title, preset: preset, file: file, steps: steps)
    }

    func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    func step(_ node: Node) throws(ConfigError) -> LessonStep {
        let pairs = try reader.mapping(node, what: "a step", allowed: Self.stepKinds)
        guard pairs.count == 1, let (key, _, value) = pairs.first.map({ ($0.key, $0.keyNode, $0.value) }) else {
            throw reader.error(node, "a step must have exactly one of: \(Self.stepKinds.joined(separator: ", ")), got \(pairs.count)")
        }
        let action: StepAction
        switch key {
        case "text":
            action = .text(try reader.string(value, what: "text"))
        case "show":
            action = try show(value)
        case "train":
            let n = try reader.int(value, what: "train (steps)")
            guard n > 0 else { throw reader.error(value, "train needs a positive number of steps, got \(n)") }
            action = .train(steps: n)
        case "set":
            action = .set(try whatIf(value))
        default:
            action = .ask(try question(value))
        }
        return LessonStep(line: line(node), action: action)
    }

    func show(_ node: Node) throws(ConfigError) -> StepAction {
        let words = try reader.string(node, what: "show").split(separator: " ").map(String.init)
        guard let screen = Screen(rawValue: words[0]) else {
            throw reader.error(node, "unknown screen '\(words[0])'; expected one of: \(Screen.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard words.count <= 2 else { throw reader.error(node, "show takes a screen and at most one layer, got '\(words.joined(separator: " "))'") }
        if screen.needsLayer, words.count < 2 {
            throw reader.error(node, "show \(screen.rawValue) needs a layer, e.g. 'show: \(screen.rawValue) conv1'")
        }
        return .show(screen, layer: words.count == 2 ? words[1] : nil)
    }

    func whatIf(_ node: Node) throws(ConfigError) -> WhatIf {
        if case .scalar(let s) = node, s.string == "reset" { return .reset }
        guard case .mapping = node else {
            throw reader.error(node, "set must be a mapping such as {layer: conv1, stride: 5} or {input: 224}, or 'reset'")
        }
        let pairs = try reader.mapping(node, what: "set", allowed: Self.setFields)
        func int(_ name: String) throws(ConfigError) -> Int? {
            guard let v = pairs.first(where: { $0.key == name })?.value else { return nil }
            return try reader.int(v, what: "set \(name)")
        }
        if let side = try int("input") {
            guard pairs.count == 1 else { throw reader.error(node, "set input cannot be combined with other changes") }
            return .input(side)
        }
        guard let layerNode = pairs.first(where: { $0.key == "layer" })?.value else {
            throw reader.error(node, "set needs 'layer' (with kernel, stride, padding, out or groups) or 'input'")
        }
        let change = LayerChange(kernel: try int("kernel"), stride: try int("stride"), padding: try int("padding"),
                                 out: try int("out"), groups: try int("groups"))
        guard pairs.count > 1 else { throw reader.error(node, "set names a layer but changes nothing") }
        return .layer(try reader.string(layerNode, what: "set layer"), change)
    }

    func question(_ node: Node) throws(ConfigError) -> Question {
        let pairs = try reader.mapping(node, what: "ask", allowed: Self.askFields)
        func value(_ name: String) -> Node? { pairs.first(where: { $0.key == name })?.value }
        func text(_ name: String) throws(ConfigError) -> String? {
            guard let v = value(name) else { return nil }
            return try reader.string(v, what: name)
        }
        guard let prompt = try text("question") else { throw reader.error(node, "ask has no 'question'") }
        guard let answerNode = value("answer") else { throw reader.error(node, "ask has no 'answer'") }
        let answerText = try reader.string(answerNode, what: "answer")
        let check = try text("check")
        let answer: Answer
        if let choicesNode = value("choices") {
            var choices: [String] = []
            for c in try reader.sequence(choicesNode, what: "choices") { choices.append(try reader.string(c, what: "a choice")) }
            guard choices.count >= 2 else { throw reader.error(choicesNode, "choices needs at least two entries, got \(choices.count)") }
            guard check == nil else { throw reader.error(node, "check applies to numeric answers, not to choices") }
            guard let correct = ChoiceAnswer.index(of: answerText, in: choices) else {
                throw reader.error(answerNode, "answer '\(answerText)' is not one of the choices (a letter a–\(ChoiceAnswer.letter(choices.count - 1)) or a choice's text)")
            }
            answer = .choice(choices, correct: correct)
        } else if let n = Int(answerText.replacingOccurrences(of: "_", with: "")) {
            answer = .literal(n, check: check)
        } else {
            guard check == nil else { throw reader.error(node, "check is only for literal answers; the answer \(answerText) is already an expression") }
            guard answerText.contains(".") else {
                throw reader.error(answerNode, "answer '\(answerText)' is neither a number nor a core expression like conv1.params; multiple choice needs 'choices'")
            }
            answer = .expression(answerText)
        }
        return Question(line: line(node), answerLine: line(value("check") ?? answerNode), prompt: prompt, answer: answer, hint: try text("hint"), explain: try text("explain"))
    }
}

/// Letters for multiple-choice answers: a, b, c…
enum ChoiceAnswer {
    static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(97 + index))) }

    /// The index a reply picks: a letter, a 1-based number, or a choice's text (case-insensitive).
    static func index(of reply: String, in choices: [String]) -> Int? {
        let r = reply.trimmingCharacters(in: .whitespaces).lowercased()
        if let i = (0..<choices.count).first(where: { letter($0) == r }) { return i }
        if let n = Int(r), n >= 1, n <= choices.count { return n - 1 }
        return choices.firstIndex { $0.lowercased() == r }
    }
}
