/// One step of a lesson. A step may combine an action, a screen focus, text and a question; they
/// happen in that order, so text and questions see the network the action produced.
public struct LessonStep: Sendable, Equatable {
    /// Line of the step in its file.
    public var line: Int?
    public var action: LessonAction?
    public var actionLine: Int?
    public var show: ScreenFocus?
    public var showLine: Int?
    public var text: String?
    public var textLine: Int?
    public var question: LessonQuestion?

    public init(line: Int? = nil) { self.line = line }
}
