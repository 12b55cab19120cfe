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
    /// Where each text field's value starts (`text`, `question`, `hint`, `explain`), and whether it is a
    /// `|` block, whose lines then map one to one onto the file's, so `--check` can name the exact line.
    public var textLocations: [String: TextLocation] = [:]

    public struct TextLocation: Sendable, Equatable {
        public var line: Int
        public var isLiteralBlock: Bool
    }

    public init(line: Int? = nil) { self.line = line }
}
