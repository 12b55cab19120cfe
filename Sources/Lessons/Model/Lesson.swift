import AlexNetCore

/// A lesson file: a title, the preset it starts on, and its steps.
public struct Lesson: Sendable, Equatable {
    public var title: String
    public var preset: Preset
    public var steps: [LessonStep]
    /// The file it came from, for `file:line:` messages.
    public var file: String

    public init(title: String, preset: Preset, steps: [LessonStep], file: String) {
        self.title = title; self.preset = preset; self.steps = steps; self.file = file
    }
}
