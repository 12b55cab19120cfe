import AlexNetCore

/// Something a lesson step does to the live model.
public enum LessonAction: Sendable, Equatable {
    /// Train the current network for this many SGD steps.
    case train(steps: Int)
    /// Run the paper's Figure 1 comparison (figure1, ReLU against tanh, the explorer's screen 6 settings)
    /// with at most this many SGD steps per run; later steps read its result through `{experiment.…}`.
    case experiment(steps: Int)
    /// What-if: feed a square input of this side (224 vs 227).
    case setInputSize(Int)
    /// Look at another preset from here on.
    case setPreset(Preset)
    /// Round conv output sizes down (Caffe, PyTorch: the engine) or up (cuda-convnet) from here on:
    /// the 224 puzzle taught in both conventions. Shapes only; a `train:` needs floor.
    case setRounding(PoolRounding)
    /// Change the training recipe from here on (`recipe: {lr: 0.001, init: paper}`): the next `train:`
    /// starts a fresh network with it, so a lesson can show each ingredient's effect.
    case setRecipe(TrainingRecipe)
}
