import AlexNetCore
import Localization

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

    /// The language the lesson is written in: a translation lives in a folder named for its language
    /// (`lessons/zh/01-shape-arithmetic.yaml`, or `zh/shape-arithmetic` as typed); anything else is English.
    /// The program speaks it while the lesson is taken or exported, so prompts match the text.
    public var language: Language { Self.language(ofFile: file) }

    public static func language(ofFile file: String) -> Language {
        let folders = file.split(separator: "/").dropLast()
        return folders.reversed().lazy.compactMap { Language(rawValue: String($0)) }.first ?? .en
    }
}
