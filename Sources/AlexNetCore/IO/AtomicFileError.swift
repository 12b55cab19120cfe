/// Why an atomic write failed; the target file is untouched in every case.
public struct AtomicFileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// What was being done: "create a temporary file", "write", "fsync", "rename over the target".
    public var step: String
    public var reason: String

    public init(path: String, step: String, reason: String) {
        self.path = path; self.step = step; self.reason = reason
    }

    public var description: String { "\(path): could not \(step): \(reason) (the old file, if any, is unchanged)" }
}
