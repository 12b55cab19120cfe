import Foundation

/// Whole-file reads with the operating system's reason on failure, for the readers' typed errors.
///
/// Only regular files are inputs: a FIFO would block `open()` forever and a device such as /dev/zero never ends,
/// so the file is opened without blocking, checked with `fstat` before a byte is read, and read no further than the
/// size `fstat` gave (a file growing meanwhile is cut there) and never past the caller's `limit`.
public enum FileBytes {
    /// Why a file could not be read, in words for an error message, e.g. "No such file or directory".
    public struct Failure: Error, Equatable {
        public var reason: String
        public var isMissing = false
        /// The operating system's words (`strerror`), as opposed to our own sentence about the file.
        public var fromSystem = false

        init(code: Int32) {
            reason = String(cString: strerror(code)); isMissing = code == ENOENT; fromSystem = true
        }

        init(reason: String) { self.reason = reason }
    }

    /// A file descriptor opened on a regular file, with its size; closed by the caller.
    static func openRegular(_ path: String, limit: Int) throws(Failure) -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(code: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw Failure(code: code)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            throw Failure(reason: "this is \(kindName(type)), expected a regular file")
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            close(fd)
            throw Failure(reason: "the file is \(NumberText.grouped(size)) bytes, more than the \(NumberText.grouped(limit))-byte limit for this kind of file")
        }
        // Regular files never block; clear the flag so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return (fd, size)
    }

    /// The bytes of a regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let (fd, size) = try openRegular(path, limit: limit)
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = out.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, size - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < size { out.removeLast(size - filled) }
        return out
    }

    /// "a directory", "a FIFO (named pipe)", … for the refusal of anything but a regular file.
    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Limits on whole-file reads, one per kind of file, each far above any real file of its kind.
    public enum Limit {
        /// Images: 8192×8192 RGB at 16 bits in an uncompressed PPM is 402 MB; compressed formats are smaller.
        public static let image = 512 << 20
        /// Safetensors: the paper's AlexNet in F64 with its momentum is about 1 GB.
        public static let safetensors = 2 << 30
        /// YAML configs and lessons: the shipped ones are a few kilobytes.
        public static let yaml = 4 << 20
        /// Small text files: the class names (30 KB), the progress file.
        public static let text = 16 << 20
    }
}
