import AlexNetCore

/// Something a lesson step does to the live model.
public enum LessonAction: Sendable, Equatable {
    /// Train the current network for this many SGD steps.
    case train(steps: Int)
    /// What-if: feed a square input of this side (224 vs 227).
    case setInputSize(Int)
    /// Look at another preset from here on.
    case setPreset(Preset)
    /// Round conv output sizes down (Caffe, PyTorch: the engine) or up (cuda-convnet) from here on:
    /// the 224 puzzle taught in both conventions. Shapes only; a `train:` needs floor.
    case setRounding(PoolRounding)
}
