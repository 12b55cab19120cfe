import AlexNetCore
import Foundation

/// Reads and writes quiz progress under the XDG data directory
/// (`$XDG_DATA_HOME` or `~/.local/share`, then `alexnet-explorer/progress.json`). Writes are atomic;
/// a file that does not parse is renamed `progress.json.corrupt-<timestamp>` and reported, so a
/// learner's history is never silently lost.
public struct ProgressStore: Sendable {
    public let path: String

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

    /// The saved progress (empty when there is none yet), and a note when a corrupt file was set aside.
    public func load(now: Date = Date()) -> (progress: QuizProgress, note: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (QuizProgress(), nil) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return (try JSONDecoder().decode(QuizProgress.self, from: data), nil)
        } catch {
            let stamp = Self.timestamp(now)
            let aside = path + ".corrupt-" + stamp
            do {
                try FileManager.default.moveItem(atPath: path, toPath: aside)
                return (QuizProgress(), "\(path): could not be read (\(Self.reason(error))); kept it as \(aside) and started afresh")
            } catch {
                return (QuizProgress(), "\(path): could not be read, nor set aside (\(error.localizedDescription)); it will not be overwritten")
            }
        }
    }

    /// Writes the progress atomically, creating the folder if needed.
    public func save(_ progress: QuizProgress) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(progress)) + [10], to: path)
    }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    private static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted = error { return "not valid JSON" }
        if error is DecodingError { return "not a progress file" }
        return error.localizedDescription
    }
}
