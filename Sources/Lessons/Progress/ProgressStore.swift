import AlexNetCore
import Foundation

/// Why progress could not be read or saved.
public struct ProgressError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Quiz progress on disk at `<data home>/alexnet-explorer/progress.json`, written atomically. A file
/// that cannot be read as progress is renamed `progress.json.corrupt-<unix time>` and reported, so it
/// is never silently overwritten.
public struct ProgressStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_DATA_HOME/alexnet-explorer/progress.json`, or `~/.local/share/...` when it is unset.
    public init(environment: [String: String]) {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        path = base + "/alexnet-explorer/progress.json"
    }

    /// What loading found: the progress, and a note when a corrupt file was moved aside.
    public struct Loaded: Sendable, Equatable {
        public var progress: QuizProgress
        public var note: String?
    }

    public func load(now: Date = Date()) throws(ProgressError) -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { return Loaded(progress: QuizProgress(), note: nil) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ProgressError(path: path, message: "cannot read progress (\(error.localizedDescription))")
        }
        do {
            let progress = try JSONDecoder().decode(QuizProgress.self, from: data)
            return Loaded(progress: progress, note: nil)
        } catch {
            let aside = path + ".corrupt-\(Int(now.timeIntervalSince1970))"
            do { try FileManager.default.moveItem(atPath: path, toPath: aside) } catch {
                throw ProgressError(path: path, message: "progress is corrupt and could not be moved aside (\(error.localizedDescription))")
            }
            return Loaded(progress: QuizProgress(),
                          note: "\(path): progress was not valid JSON progress; kept it as \(aside) and started afresh")
        }
    }

    public func save(_ progress: QuizProgress) throws(ProgressError) {
        let directory = (path as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw ProgressError(path: path, message: "cannot create \(directory) (\(error.localizedDescription))")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let data = try encoder.encode(progress)
            try AtomicFile.write(Array(data) + [10], to: path)
        } catch {
            throw ProgressError(path: path, message: "cannot save progress (\(error))")
        }
    }
}
