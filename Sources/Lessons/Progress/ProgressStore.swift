import AlexNetCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes quiz progress under the XDG data directory
/// (`$XDG_DATA_HOME` or `~/.local/share`, then `alexnet-explorer/progress.json`). Writes are atomic;
/// a file that does not parse is renamed `progress.json.corrupt-<timestamp>` (with `-2`, `-3`, … when
/// that name is taken) and reported. A corrupt file is never overwritten: if it cannot be set aside,
/// progress is not saved that time, so a learner's history is never silently lost.
public struct ProgressStore: Sendable {
    public let path: String
    /// Set-aside names tried for one corrupt file: the timestamp, then `-2` … `-100`.
    static let asideAttempts = 100

    public init(path: String) { self.path = path }

    /// The store at the XDG location for this environment.
    public init(environment: [String: String]) {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        path = base + "/alexnet-explorer/progress.json"
    }

    /// What `load` found.
    public struct Loaded: Sendable {
        /// The saved progress, or empty when there is none yet or it was corrupt.
        public var progress: QuizProgress
        /// One line to show when a corrupt file was set aside, or could not be.
        public var note: String?
        /// False when a corrupt file is still at `path`: saving would destroy it, so the caller must not.
        public var maySave: Bool
    }

    public func load(now: Date = Date()) -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { return Loaded(progress: QuizProgress(), note: nil, maySave: true) }
        let why: String
        switch Self.decode(path) {
        case .success(let progress): return Loaded(progress: progress, note: nil, maySave: true)
        case .failure(let reason): why = reason.text
        }
        switch setAside(now: now) {
        case .success(let aside):
            return Loaded(progress: QuizProgress(), note: "\(path): could not be read (\(why)); kept it as \(aside) and started afresh", maySave: true)
        case .failure(let reason):
            return Loaded(progress: QuizProgress(),
                          note: "\(path): could not be read (\(why)) nor set aside (\(reason.text)); it is left as it is, and progress is not saved this time",
                          maySave: false)
        }
    }

    /// Writes the progress atomically, creating the folder if needed. Refuses to replace a file that
    /// is not valid progress: that file is the learner's only copy until it has been set aside.
    public func save(_ progress: QuizProgress) throws {
        try update { $0 = progress }
    }

    /// Applies `change` to the progress as it is in the file *now* and writes the result, holding an exclusive
    /// lock (`flock` on `progress.json.lock` beside it) from the read to the rename. Two quizzes finishing together
    /// each add their result to what the other saved, instead of the later one writing back the copy it loaded
    /// at its start. Returns what `change` returns, and the progress as saved.
    @discardableResult
    public func update<T>(_ change: (inout QuizProgress) -> T) throws -> (result: T, saved: QuizProgress) {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            throw ProgressStoreError(path: path + ".lock", message: "cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw ProgressStoreError(path: path + ".lock", message: "cannot lock (\(String(cString: strerror(errno))))")
            }
        }
        defer { flock(lock, LOCK_UN) }
        var progress = QuizProgress()
        if FileManager.default.fileExists(atPath: path) {
            switch Self.decode(path) {
            case .success(let current): progress = current
            case .failure(let why):
                throw ProgressStoreError(path: path, message: "holds unreadable progress (\(why.text)); it was not overwritten")
            }
        }
        let result = change(&progress)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(progress)) + [10], to: path)
        return (result, progress)
    }

    /// The progress in the file at `path`, or why it is not progress.
    static func decode(_ path: String) -> Result<QuizProgress, Reason> {
        do {
            let data = Data(try FileBytes.read(path, limit: FileBytes.Limit.text))
            return .success(try JSONDecoder().decode(QuizProgress.self, from: data))
        } catch {
            return .failure(Reason(text: reason(error)))
        }
    }

    /// Moves the corrupt file to the first free `…corrupt-<stamp>[-N]` name. `link` fails on an existing
    /// name instead of replacing it, so a set-aside file is never overwritten even by a racing program.
    private func setAside(now: Date) -> Result<String, Reason> {
        let stem = path + ".corrupt-" + Self.timestamp(now)
        let allTaken = "every name from \((stem as NSString).lastPathComponent) to -\(Self.asideAttempts) is taken"
        for attempt in 1...Self.asideAttempts {
            let aside = attempt == 1 ? stem : "\(stem)-\(attempt)"
            if link(path, aside) == 0 {
                guard unlink(path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(aside)
                    return .failure(Reason(text: reason))
                }
                return .success(aside)
            }
            switch errno {
            case EEXIST: continue
            case EPERM, EXDEV, ENOTSUP, EMLINK:
                // A file system without hard links: a checked rename (moveItem refuses an existing name).
                if FileManager.default.fileExists(atPath: aside) { continue }
                do { try FileManager.default.moveItem(atPath: path, toPath: aside); return .success(aside) } catch {
                    return .failure(Reason(text: error.localizedDescription))
                }
            default:
                return .failure(Reason(text: String(cString: strerror(errno))))
            }
        }
        return .failure(Reason(text: allTaken))
    }

    /// Why a file is not progress, or could not be set aside: a phrase for the one-line note.
    struct Reason: Error { var text: String }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c) where !c.codingPath.isEmpty: return c.debugDescription
        case DecodingError.dataCorrupted: return "not valid JSON"
        case is DecodingError: return "not a progress file"
        case let failure as FileBytes.Failure: return failure.reason
        default: return error.localizedDescription
        }
    }
}

/// Why progress was not saved, as one line naming the file.
public struct ProgressStoreError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
