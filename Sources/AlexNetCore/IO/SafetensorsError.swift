/// A safetensors file that cannot be read or written, naming the file and what was expected.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (reason from the operating system).
    case unreadable(file: String, reason: String)
    /// The bytes do not follow the safetensors layout.
    case malformed(file: String, message: String)
    /// The values cannot be written as asked (duplicate names, unsupported metadata).
    case invalidContents(file: String, message: String)
    /// The atomic write failed; the previous file is intact.
    case writeFailed(AtomicFileError)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .malformed(let file, let message): "\(file): not a valid safetensors file: \(message)"
        case .invalidContents(let file, let message): "\(file): \(message)"
        case .writeFailed(let error): error.description
        }
    }
}
