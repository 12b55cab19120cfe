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
    ///
    /// The temporary file is `.NAME.tmp-XXXXXX` beside the target, held under an exclusive flock(2) while
    /// it is written. A writer killed mid-write (SIGKILL, power loss) cannot remove its temporary file, but
    /// the kernel drops its lock; so each write first removes the temporary files of the same target whose
    /// lock it can take: those of dead writers, never one that a concurrent save is still writing.
    public static func write(to path: String, _ body: (inout Sink) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let base = (path as NSString).lastPathComponent
        removeStaleTemporaries(of: path)
        let (fd, temporary) = try createLockedTemporary(folder: folder, base: base, path: path)
        var sink = Sink(fd: fd, path: path)
        var closed = false
        defer {
            if !closed { unlink(temporary); close(fd) }
        }
        try body(&sink)
        guard fsync(fd) == 0 else {
            throw AtomicFileError(path: path, step: "fsync", reason: String(cString: strerror(errno)))
        }
        // mkstemp creates 0600; checkpoints and progress files are ordinary user files.
        fchmod(fd, 0o644)
        // Renamed while still locked, so no cleaner can take the file between the rename and the close.
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            closed = true
            unlink(temporary); close(fd)
            throw AtomicFileError(path: path, step: "rename over the target", reason: reason)
        }
        closed = true
        close(fd)
        // Make the rename itself durable; failure here cannot corrupt either file, so it is ignored.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    /// `.NAME.tmp-` followed by mkstemp's six characters: the only names a cleanup may touch.
    static func isTemporaryName(_ name: String, of base: String) -> Bool {
        let prefix = "." + base + ".tmp-"
        guard name.hasPrefix(prefix) else { return false }
        let suffix = name.utf8.dropFirst(prefix.utf8.count)
        return suffix.count == 6 && suffix.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// mkstemp, then the lock; if a cleaner removed the name in between (it could take the lock before we
    /// did), the file is gone from the directory and a fresh one is made.
    private static func createLockedTemporary(folder: String, base: String, path: String) throws(AtomicFileError) -> (Int32, String) {
        for _ in 0..<100 {
            var template = Array((folder + "/." + base + ".tmp-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw AtomicFileError(path: path, step: "create a temporary file", reason: String(cString: strerror(errno)))
            }
            let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var locked: Int32
            repeat { locked = flock(fd, LOCK_EX) } while locked != 0 && errno == EINTR
            if locked == 0, sameFile(fd, temporary) { return (fd, temporary) }
            close(fd)
        }
        throw AtomicFileError(path: path, step: "create a temporary file", reason: "another process kept removing it")
    }

    /// Whether `path` still names the file open as `fd`.
    private static func sameFile(_ fd: Int32, _ path: String) -> Bool {
        var a = stat(), b = stat()
        guard fstat(fd, &a) == 0, stat(path, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Removes the temporary files left by writers of `path` that died mid-write: only names of
    /// `write`'s own pattern, only regular files, and only when their lock is free (a live writer holds it).
    static func removeStaleTemporaries(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let base = (path as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isTemporaryName(name, of: base) {
            let candidate = folder + "/" + name
            let fd = open(candidate, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            // Unlinked while holding the lock, and only if the name still is this file.
            if sameFile(fd, candidate) { unlink(candidate) }
        }
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
