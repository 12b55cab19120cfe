import AlexNetCore

/// A value the core computed for a lesson placeholder or answer: a count, or a text such as a shape.
public enum CoreValue: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case text(String)

    /// Counts with thousands separators ("34,944"), texts as they are ("96×55×55").
    public var description: String {
        switch self {
        case .number(let n): NumberText.grouped(n)
        case .text(let s): s
        }
    }

    public var number: Int? {
        if case .number(let n) = self { return n }
        return nil
    }
}
