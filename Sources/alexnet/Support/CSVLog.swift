import Foundation

/// A CSV file written row by row as training goes, each row handed to the system at once, so an interrupted run
/// keeps its log up to the last step. Write failures (a full disk) are errors with the system's reason, never a trap:
/// Foundation's `FileHandle.write` stopped a whole training run with `try!` when the disk filled.
struct CSVLog {
    private let fd: Int32
    let path: String

    init(path: String, header: String) throws {
        self.path = path
        // Non-blocking, so a FIFO without a reader fails at once (ENXIO) instead of hanging here.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else { throw CSVLogError(path: path, doing: "cannot create the log file", code: errno) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        try append(header)
    }

    func append(_ row: String) throws {
        var bytes = Array((row + "\n").utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CSVLogError(path: path, doing: "cannot write the log", code: errno)
            }
            bytes = bytes.dropFirst(n)
        }
    }

    func close() { _ = Foundation.close(fd) }
}

struct CSVLogError: Error, CustomStringConvertible {
    var path: String
    var doing: String
    var code: Int32
    var description: String { "\(path): \(doing) (\(String(cString: strerror(code))))" }
}
