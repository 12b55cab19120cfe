import Foundation

/// Finds the shipped `lessons/` folder: `$ALEXNET_LESSONS`, then `./lessons`, then the first folder
/// holding `lessons/` on the way up from the executable (the package root for `swift run`).
public enum LessonLibrary {
    public static func directory(environment: [String: String], currentDirectory: String,
                                 executablePath: String) -> String? {
        var isDirectory: ObjCBool = false
        func isFolder(_ p: String) -> Bool {
            FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let env = environment["ALEXNET_LESSONS"], !env.isEmpty, isFolder(env) { return env }
        let local = currentDirectory + "/lessons"
        if isFolder(local) { return local }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent("lessons").path
            if isFolder(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The `.yaml` lesson files in a folder, sorted by name.
    public static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory + "/" + $0 }
    }
}
