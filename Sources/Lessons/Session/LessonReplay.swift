import AlexNetCore

/// Applies step actions to a lesson context. Shared by the session (forward and back) and the
/// checker, so both see the same network at every step and word a broken step the same way.
enum LessonReplay {
    static func apply(_ action: LessonAction?, to context: LessonContext) throws(ShapeError) -> LessonContext {
        switch action {
        case .setInputSize(let n): try context.withInputSize(n)
        case .setPreset(let p): try context.switching(to: p)
        case .setRounding(let r): try context.withRounding(r)
        case .setRecipe(let r): context.withRecipe(r)
        case .train, .experiment, nil: context
        }
    }

    /// The context in force at every step (after that step's own action). A step whose action breaks
    /// the network is reported at its own line, so a lesson is refused before it starts rather than
    /// stopping (or silently ending) halfway.
    static func contexts(of lesson: Lesson) throws(ConfigError) -> [LessonContext] {
        var context = try start(of: lesson)
        var contexts: [LessonContext] = []
        for step in lesson.steps {
            do { context = try apply(step.action, to: context) } catch {
                throw breaks(step, of: lesson, error)
            }
            if let problem = cannotTrain(step, in: context, of: lesson) { throw problem }
            contexts.append(context)
        }
        return contexts
    }

    /// The lesson's preset before any step; built-in presets always build, but say where if not.
    static func start(of lesson: Lesson) throws(ConfigError) -> LessonContext {
        do { return try LessonContext(preset: lesson.preset) } catch {
            throw ConfigError(file: lesson.file, line: nil, message: "preset \(lesson.preset.rawValue): layer \(error.layer): \(error.message)")
        }
    }

    /// A `train:` step whose network cannot train on Fashion-MNIST here, at the step's line.
    static func cannotTrain(_ step: LessonStep, in context: LessonContext, of lesson: Lesson) -> ConfigError? {
        guard case .train = step.action else { return nil }
        if context.rounding == .ceil {
            return ConfigError(file: lesson.file, line: step.actionLine ?? step.line,
                               message: "train: needs floor rounding (the engine's convolutions round down); add 'rounding: floor' before it")
        }
        guard let problem = TrainingFit.problem(in: context) else { return nil }
        return ConfigError(file: lesson.file, line: step.actionLine ?? step.line, message: problem)
    }

    /// `lesson.yaml:5: this step breaks the network: layer conv1: kernel 11 is larger than …`
    static func breaks(_ step: LessonStep, of lesson: Lesson, _ error: ShapeError) -> ConfigError {
        ConfigError(file: lesson.file, line: step.actionLine ?? step.line,
                    message: "this step breaks the network: layer \(error.layer): \(error.message)")
    }
}
