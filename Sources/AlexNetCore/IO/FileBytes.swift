import Foundation

/// Whole-file reads with the operating system's reason on failure, for the readers' typed errors.
enum FileBytes {
    /// The reason a file could not be read: `strerror` text, e.g. "No such file or directory".
    struct Failure: Error, Equatable {
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
        var isMissing: Bool { code == ENOENT }
    }

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(code: errno) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw Failure(code: EISDIR) }
        var out = [UInt8]()
        out.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
