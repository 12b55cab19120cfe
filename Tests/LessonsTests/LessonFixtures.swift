import Foundation

/// Paths shared by the lesson tests: the repository's `lessons/` folder, found from this file.
enum LessonFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessonsDirectory = repository.appendingPathComponent("lessons").path

    static var shippedLessons: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }
}
