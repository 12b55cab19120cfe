import AlexNetCore

extension LessonAction {
    /// What the step does, in one clause: the plain session frames it as `[…]`, the Markdown handout as
    /// `*…*`, so both media say the same thing. `code` marks a name (backticks in Markdown). Numbers about
    /// the network come from `context`, the network after this step's action.
    public func summary(in context: LessonContext, code: (String) -> String = { $0 }) -> String {
        let reads = "the network now reads \(context.report.input) → \(context.report.output)"
        switch self {
        case .train(let n):
            return "train \(code(context.preset.rawValue)) for \(n) SGD steps"
        case .experiment(let n):
            return "experiment: \(code(ExperimentPlaceholder.network.rawValue)) trained with ReLU and with tanh, "
                + "at most \(n) SGD steps each"
        case .setInputSize(let n):
            return "what-if: a \(n)×\(n) input; \(reads)"
        case .setPreset(let p):
            return "network \(code(p.rawValue)): \(p.summary)"
        case .setRecipe(let r):
            // A new initialisation is said in full, from this network's own data (which biases start at 1).
            let how = r.initialization.map { " (\($0.summary(for: context.report.network)))" } ?? ""
            return "training recipe from here on: \(r.description.isEmpty ? "the program's defaults" : r.description)\(how); "
                + "the next training starts a fresh network"
        case .setRounding(.ceil):
            return "what-if: conv sizes rounded up, 1 + ⌈(2P + W − F)/S⌉, as cuda-convnet does; \(reads)"
        case .setRounding(.floor):
            return "what-if: conv sizes rounded down, ⌊(W − F + 2P)/S⌋ + 1, as Caffe and PyTorch do; \(reads)"
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
