import Foundation

/// The lessons that ship with the program: the `*.yaml` files of the `lessons/` folder.
public struct LessonLibrary: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Finds `lessons/` from `$ALEXNET_LESSONS`, then beside or above the executable, then the working
    /// directory, so it works from a checkout, an install prefix (`share/alexnet/lessons`) and tests.
    public static func locate(environment: [String: String], executable: String, workingDirectory: String) -> LessonLibrary? {
        if let dir = environment["ALEXNET_LESSONS"], !dir.isEmpty { return LessonLibrary(directory: dir) }
        var candidates: [String] = []
        var dir = (executable as NSString).deletingLastPathComponent
        for _ in 0..<6 where !dir.isEmpty && dir != "/" {
            candidates += [dir + "/lessons", dir + "/share/alexnet/lessons"]
            dir = (dir as NSString).deletingLastPathComponent
        }
        candidates.append(workingDirectory + "/lessons")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/README.md") }
            .map(LessonLibrary.init(directory:))
    }

    /// Paths of the shipped lessons, sorted by file name (they are numbered).
    public var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    /// A shipped lesson by its file name with or without `.yaml` or its number prefix (`shapes`, `01-shapes`).
    public func path(named name: String) -> String? {
        files.first { path in
            let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let bare = base.drop { $0.isNumber || $0 == "-" }
            return base == name || String(bare) == name || (path as NSString).lastPathComponent == name
        }
    }
}
