/// An image file that cannot be read or written, naming the file and what was expected.
public enum ImageError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    /// The bytes are damaged or do not follow the format.
    case malformed(file: String, message: String)
    /// A valid file of a kind this program does not handle (e.g. PBM, GIF).
    case unsupported(file: String, message: String)
    /// The image cannot be written (wrong channel count, unknown extension, I/O failure).
    case unwritable(file: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .malformed(let file, let message): "\(file): \(message)"
        case .unsupported(let file, let message): "\(file): unsupported image: \(message)"
        case .unwritable(let file, let reason): "\(file): cannot write: \(reason)"
        }
    }
}
