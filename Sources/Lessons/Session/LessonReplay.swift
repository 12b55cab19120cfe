import AlexNetCore

/// Applies step actions to a lesson context. Shared by the session (forward and back) and the
/// checker, so both see the same network at every step.
enum LessonReplay {
    static func apply(_ action: LessonAction?, to context: LessonContext) throws(ShapeError) -> LessonContext {
        switch action {
        case .setInputSize(let n): try context.withInputSize(n)
        case .setPreset(let p): try context.switching(to: p)
        case .train, nil: context
        }
    }

    /// The context in force at step `index` (after that step's own action).
    static func context(of lesson: Lesson, at index: Int) throws(ShapeError) -> LessonContext {
        var context = try LessonContext(preset: lesson.preset)
        for step in lesson.steps.prefix(index + 1) { context = try apply(step.action, to: context) }
        return context
    }
}
