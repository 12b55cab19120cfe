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

    /// Paths of the shipped English lessons, sorted by file name (they are numbered).
    public var files: [String] { Self.yamlFiles(in: directory) }

    /// Translations: each subfolder named for a language (`zh`) holding lessons, sorted by code.
    public var languages: [(code: String, files: [String])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            let files = Self.yamlFiles(in: directory + "/" + name)
            return files.isEmpty ? nil : (name, files)
        }
    }

    /// Every shipped lesson in every language: what `--check` with no files lints.
    public var allFiles: [String] { files + languages.flatMap(\.files) }

    private static func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    /// A shipped lesson by its file name with or without `.yaml` or its number prefix (`shapes`, `01-shapes`).
    /// A translation is named with its language folder: `zh/shape-arithmetic`.
    public func path(named name: String) -> String? {
        if let slash = name.firstIndex(of: "/") {
            let code = String(name[..<slash]), rest = String(name[name.index(after: slash)...])
            guard let language = languages.first(where: { $0.code == code }) else { return nil }
            return LessonLibrary(directory: directory + "/" + code).path(named: rest).flatMap { language.files.contains($0) ? $0 : nil }
        }
        return files.first { path in
            let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let bare = base.drop { $0.isNumber || $0 == "-" }
            // Its number alone also names it: `3` and `03` are 03-relu-vs-tanh.
            let number = base.prefix { $0.isNumber }
            let typedNumber = !name.isEmpty && name.allSatisfy(\.isNumber) && !number.isEmpty && Int(name) == Int(number)
            return base == name || String(bare) == name || (path as NSString).lastPathComponent == name || typedNumber
        }
    }
}
