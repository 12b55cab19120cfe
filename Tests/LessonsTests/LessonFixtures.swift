import Foundation

/// Paths shared by the lesson tests: the repository's `lessons/` folder, found from this file.
enum LessonFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessonsDirectory = repository.appendingPathComponent("lessons").path

    /// Every shipped lesson, translations as `zh/01-….yaml`.
    static var shippedLessons: [String] {
        func yaml(_ dir: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory + dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        }
        return yaml("") + translations.flatMap { code in yaml("/" + code).map { code + "/" + $0 } }
    }

    static let translations = ["zh"]
}
