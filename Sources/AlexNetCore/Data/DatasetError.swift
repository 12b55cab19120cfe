/// A dataset file that is missing or not what was expected, named with the expectation.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    /// The data directory does not exist; `hint` says how to get it (for the default directory).
    case missingDirectory(path: String, hint: String?)
    /// A file the dataset needs is not there.
    case missingFile(path: String, expected: String)
    /// The file exists but cannot be read or decompressed.
    case unreadable(path: String, reason: String)
    /// The file's contents do not match the format or the other files.
    case malformed(path: String, message: String)
    /// Image files of a folder that do not decode: the first one's error, and how many others failed.
    case badImages(first: String, others: Int)

    public var description: String {
        switch self {
        case .missingDirectory(let path, let hint):
            "\(path): no such directory" + (hint.map { "; \($0)" } ?? "")
        case .missingFile(let path, let expected):
            "\(path): no such file (expected \(expected))"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .malformed(let path, let message):
            "\(path): \(message)"
        case .badImages(let first, let others):
            first + (others > 0 ? " (and \(others) more bad \(others == 1 ? "file" : "files"))" : "")
                + "; the folder is refused: fix or remove \(others > 0 ? "them" : "it"), or give --skip-bad to leave bad files out"
        }
    }
}
