/// A question-and-answer exchange the plain runner (or a screen) can drive: it says something, then
/// waits for a reply until it is finished.
public protocol Conversation {
    /// The lines up to the first question (or the end).
    mutating func start() -> [String]
    /// The lines that answer a reply, up to the next question (or the end).
    mutating func reply(_ line: String) -> [String]
    var isFinished: Bool { get }
    /// One line for when the input ends before the conversation does.
    var endOfInputNote: String { get }
}

/// Drives a conversation from a line source (nil at end of input) into an output sink, so the
/// executable passes stdin/stdout and tests pass scripted lines and a transcript.
public struct PlainRunner {
    public init() {}

    public func run<C: Conversation>(_ conversation: inout C, input: () -> String?, output: (String) -> Void) {
        conversation.start().forEach(output)
        while !conversation.isFinished {
            guard let line = input() else {
                output(conversation.endOfInputNote)
                return
            }
            conversation.reply(line).forEach(output)
        }
    }
}
