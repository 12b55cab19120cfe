import Localization
import AlexNetCore

extension LessonAction {
    /// What the step does, in one clause: the plain session frames it as `[…]`, the Markdown handout as
    /// `*…*`, so both media say the same thing. `code` marks a name (backticks in Markdown). Numbers about
    /// the network come from `context`, the network after this step's action.
    public func summary(in context: LessonContext, code: (String) -> String = { $0 }) -> String {
        let reads = Messages.actionReads(input: "\(context.report.input)", output: "\(context.report.output)")
        switch self {
        case .train(let n):
            return Messages.actionTrain(code(context.preset.rawValue), steps: n)
        case .experiment(let n):
            return Messages.actionExperiment(code(ExperimentPlaceholder.network.rawValue), steps: n)
        case .setInputSize(let n):
            return Messages.actionInput(n, reads: reads)
        case .setPreset(let p):
            return Messages.actionPreset(code(p.rawValue), summary: p.summary)
        case .setRecipe(let r):
            // A new initialisation is said in full, from this network's own data (which biases start at 1).
            let how = r.initialization.map { " (\($0.summary(for: context.report.network)))" } ?? ""
            return Messages.actionRecipe(r.description.isEmpty ? Messages.recipeDefaults : r.description, how: how)
        case .setRounding(.ceil):
            return Messages.actionCeil(reads: reads)
        case .setRounding(.floor):
            return Messages.actionFloor(reads: reads)
        }
    }

    /// True for the actions that train a network (train, experiment): a medium that cannot run them says so.
    public var trains: Bool {
        switch self {
        case .train, .experiment: true
        case .setInputSize, .setPreset, .setRecipe, .setRounding: false
        }
    }
}
