import AlexNetCore

/// The network a lesson is looking at, at one point in the lesson: a preset, perhaps with a what-if
/// input size, and its shape report. Placeholders and answers are evaluated against it.
public struct LessonContext: Sendable {
    public private(set) var preset: Preset
    /// The what-if input side (e.g. 224 instead of 227), or nil for the preset's own.
    public private(set) var inputSize: Int?
    public private(set) var report: ShapeReport

    public init(preset: Preset, inputSize: Int? = nil) throws(ShapeError) {
        self.preset = preset
        self.inputSize = inputSize
        self.report = try Self.report(preset: preset, inputSize: inputSize)
    }

    /// The same lesson state with another preset; the what-if input size is dropped.
    public func switching(to preset: Preset) throws(ShapeError) -> LessonContext {
        try LessonContext(preset: preset)
    }

    /// The same preset fed a square input of side `size`.
    public func withInputSize(_ size: Int) throws(ShapeError) -> LessonContext {
        try LessonContext(preset: preset, inputSize: size)
    }

    private static func report(preset: Preset, inputSize: Int?) throws(ShapeError) -> ShapeReport {
        var spec = preset.spec
        if let inputSize {
            spec.input.height = inputSize
            spec.input.width = inputSize
        }
        return try spec.shapeReport()
    }
}
