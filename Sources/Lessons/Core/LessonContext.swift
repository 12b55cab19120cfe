import AlexNetCore

/// The network a lesson is looking at, at one point in the lesson: a preset, perhaps with a what-if
/// input size and conv rounding, and its shape report. Placeholders and answers are evaluated against it.
public struct LessonContext: Sendable {
    public private(set) var preset: Preset
    /// The what-if input side (e.g. 224 instead of 227), or nil for the preset's own.
    public private(set) var inputSize: Int?
    /// How conv output sizes are rounded: floor (Caffe, PyTorch, this engine) or ceil (cuda-convnet).
    public private(set) var rounding: PoolRounding
    public private(set) var report: ShapeReport
    /// The training recipe `train:` steps use from here on (defaults when empty).
    public private(set) var recipe = TrainingRecipe()

    public init(preset: Preset, inputSize: Int? = nil, rounding: PoolRounding = .floor) throws(ShapeError) {
        self.preset = preset
        self.inputSize = inputSize
        self.rounding = rounding
        self.report = try Self.report(preset: preset, inputSize: inputSize, rounding: rounding)
    }

    /// The same lesson state with another preset; the what-if input size and rounding are dropped.
    public func switching(to preset: Preset) throws(ShapeError) -> LessonContext {
        try LessonContext(preset: preset)
    }

    /// The same preset fed a square input of side `size`.
    public func withInputSize(_ size: Int) throws(ShapeError) -> LessonContext {
        var next = try LessonContext(preset: preset, inputSize: size, rounding: rounding)
        next.recipe = recipe
        return next
    }

    /// What a lesson's training run belongs to: a `train:` step goes on with the run of the steps before it
    /// while this stays the same, and starts a fresh one (seeded, untrained) when it changes, in plain mode
    /// and in full screen alike.
    public struct RunIdentity: Sendable, Equatable {
        public var network: NetworkSpec
        public var rounding: PoolRounding
        public var recipe: TrainingRecipe
    }
    public var runIdentity: RunIdentity { RunIdentity(network: report.network, rounding: rounding, recipe: recipe) }

    /// The same network, trained from here on with `recipe`.
    public func withRecipe(_ recipe: TrainingRecipe) -> LessonContext {
        var copy = self
        copy.recipe = recipe
        return copy
    }

    /// The same network with conv sizes rounded the other way.
    public func withRounding(_ rounding: PoolRounding) throws(ShapeError) -> LessonContext {
        var next = try LessonContext(preset: preset, inputSize: inputSize, rounding: rounding)
        next.recipe = recipe
        return next
    }

    private static func report(preset: Preset, inputSize: Int?, rounding: PoolRounding) throws(ShapeError) -> ShapeReport {
        var spec = preset.spec
        if let inputSize {
            spec.input.height = inputSize
            spec.input.width = inputSize
        }
        return try spec.shapeReport(convolutionRounding: rounding)
    }
}
