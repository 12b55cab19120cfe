import AlexNetCore

/// A lesson read from a YAML file: a title, the preset its numbers come from, and its steps in order.
public struct Lesson: Sendable, Equatable {
    public var title: String
    public var preset: Preset
    /// The file name used in messages (`shapes.yaml`).
    public var file: String
    public var steps: [LessonStep]

    public init(title: String, preset: Preset, file: String, steps: [LessonStep]) {
        self.title = title; self.preset = preset; self.file = file; self.steps = steps
    }
}

/// One step of a lesson and the line it was written on.
public struct LessonStep: Sendable, Equatable {
    public var line: Int
    public var action: StepAction

    public init(line: Int, action: StepAction) { self.line = line; self.action = action }
}

/// What a step does.
public enum StepAction: Sendable, Equatable {
    /// Text with `{layer.property}` placeholders filled in from the core.
    case text(String)
    /// Focus a screen of the explorer, optionally on one layer.
    case show(Screen, layer: String?)
    /// Train for this many steps (only in the explorer; plain mode says where to go).
    case train(steps: Int)
    /// Change the network (a what-if) for the steps that follow.
    case set(WhatIf)
    case ask(Question)
}

/// The explorer's screens a lesson can point at.
public enum Screen: String, Sendable, CaseIterable {
    case walk, filters, features, whatif, compare, shapes, training

    /// Whether `show:` must name a layer for this screen.
    var needsLayer: Bool { self == .walk || self == .features }
}

/// A question and how its answer is known.
public struct Question: Sendable, Equatable {
    public var line: Int
    /// The line of `answer:` (or `check:`), where a disagreement with the core is reported.
    public var answerLine: Int
    public var prompt: String
    public var answer: Answer
    public var hint: String?
    public var explain: String?

    public init(line: Int, answerLine: Int? = nil, prompt: String, answer: Answer, hint: String? = nil,
                explain: String? = nil) {
        self.line = line; self.answerLine = answerLine ?? line; self.prompt = prompt; self.answer = answer; self.hint = hint; self.explain = explain
    }
}

/// Where a question's right answer comes from.
public enum Answer: Sendable, Equatable {
    /// A core expression such as `conv1.params`, computed when the question is asked.
    case expression(String)
    /// A number written in the lesson; `check` names the core expression that must agree with it.
    case literal(Int, check: String?)
    /// Multiple choice: the choices and the index of the right one.
    case choice([String], correct: Int)
}
