/// Why a core expression or a what-if cannot be resolved; the caller adds the file and line.
public struct FactError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
