import Foundation

/// Replaces a file all at once: the new contents go to a temporary file in the same directory, are
/// flushed to disk, and only then renamed over the target.
///
/// rename(2) within one file system is atomic, so a crash or error at any point leaves either the old
/// file or the complete new one, never a half-written checkpoint or progress file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        do {
            try write(to: path) { sink in try sink.write(bytes) }
        } catch let error as AtomicFileError {
            throw error
        } catch {
            throw AtomicFileError(path: path, step: "write", reason: "\(error)")
        }
    }

    /// Streams the contents through `body`; if `body` throws, the temporary file is removed, the
    /// target is untouched and the error is rethrown.
    public static func write(to path: String, _ body: (inout Sink) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + base + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw AtomicFileError(path: path, step: "create a temporary file", reason: String(cString: strerror(errno)))
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var sink = Sink(fd: fd, path: path)
        var closed = false
        defer {
            if !closed { close(fd); unlink(temporary) }
        }
        try body(&sink)
        guard fsync(fd) == 0 else {
            throw AtomicFileError(path: path, step: "fsync", reason: String(cString: strerror(errno)))
        }
        // mkstemp creates 0600; checkpoints and progress files are ordinary user files.
        fchmod(fd, 0o644)
        closed = true
        guard close(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(path: path, step: "close", reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(path: path, step: "rename over the target", reason: reason)
        }
        // Make the rename itself durable; failure here cannot corrupt either file, so it is ignored.
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    /// Where `write(to:_:)`'s body puts the new contents.
    public struct Sink {
        let fd: Int32
        let path: String

        public mutating func write(_ bytes: [UInt8]) throws(AtomicFileError) {
            let failure: Int32 = bytes.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    done += n
                }
                return 0
            }
            guard failure == 0 else {
                throw AtomicFileError(path: path, step: "write", reason: String(cString: strerror(failure)))
            }
        }
    }
}
