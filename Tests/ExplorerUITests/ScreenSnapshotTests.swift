import AlexNetCore
import Foundation
@testable import ExplorerUI
@testable import Lessons
import Testing

/// Every screen as a whole at the design size, 80×24, compared character for character with a file in
/// `Snapshots/` (text only; colours have their own tests). A change to any screen shows up here as a diff to
/// read. Re-record all of them with
///
///     RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests
///
/// and read `git diff Tests/ExplorerUITests/Snapshots` before committing: every number on them comes from
/// the core (the paper's shapes, parameter counts, the filters of `knownFilters`).
@Suite struct ScreenSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path
    static let size = (width: 80, height: 24)

    /// The grid as lines of text, trailing spaces removed.
    static func text(_ grid: CellGrid) -> String {
        grid.region(x: 0, y: 0, width: grid.width, height: grid.height).joined(separator: "\n") + "\n"
    }

    static func compare(_ grid: CellGrid, with name: String) throws {
        let path = directory + "/" + name + ".txt"
        let text = Self.text(grid)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, """
            \(name) at 80×24 differs from Snapshots/\(name).txt; if the change is meant, re-record with \
            RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests and read the diff. Now:
            \(text)
            """)
    }

    /// The explorer's screens: number key, then the keys that bring each into the state shown.
    static let explorerScreens: [(name: String, keys: [Key])] = [
        ("1-layers", []),
        ("1-layers-conv2", [.right, .right, .right, .right]),
        ("2-what-if", ["2"]),
        ("2-what-if-stride-5", ["2", "S"]),
        ("3-filters", ["3"]),
        ("3-filters-zoom", ["3", .enter]),
        ("4-features", ["4"]),
        ("5-training", ["5"]),
        ("6-relu-vs-tanh", ["6"]),
        ("help", ["?"]),
    ]

    @Test(arguments: explorerScreens.map(\.name))
    func explorerScreen(_ name: String) throws {
        var e = try explorer(.alexnet, filters: knownFilters(count: 96, channels: 3, kernel: 11))
        press(&e, Self.explorerScreens.first { $0.name == name }!.keys)
        try Self.compare(render(e, width: Self.size.width, height: Self.size.height), with: "explorer-" + name)
    }

    /// Without UTF-8 (LANG=C) the backend draws one-cell ASCII stand-ins, where ⌊ and ⌈ would both be `[`:
    /// the screens spell the rounding out, floor(…) and ceil(…).
    @Test func layersWithoutUTF8SpellFloor() throws {
        var e = try explorer(.alexnet, filters: nil, capabilities: .ascii)
        let grid = render(e, width: Self.size.width, height: Self.size.height)
        #expect(grid.text.contains("= floor((227 − 11 + 2·0)/4) + 1") && !grid.text.contains("⌊"))
        try Self.compare(grid, with: "explorer-1-layers-ascii")
        press(&e, "2")
        try Self.compare(render(e, width: Self.size.width, height: Self.size.height), with: "explorer-2-what-if-ascii")
    }

    @Test func miniFiltersScreen() throws {
        var e = try explorer(.mini, filters: knownFilters(count: 32, channels: 1, kernel: 5))
        press(&e, "3")
        try Self.compare(render(e, width: Self.size.width, height: Self.size.height), with: "explorer-3-filters-mini")
    }

    @Test func lessonScreen() throws {
        let lesson = try LessonLoader(file: "lessons/01-shape-arithmetic.yaml")
            .load(path: Self.repository + "/lessons/01-shape-arithmetic.yaml")
        var s = LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
        s.resize(width: Self.size.width, height: Self.size.height)
        var grid = CellGrid(width: Self.size.width, height: Self.size.height)
        s.render(into: &grid)
        try Self.compare(grid, with: "lesson-01-step-1")
        s.update("n")
        grid = CellGrid(width: Self.size.width, height: Self.size.height)
        s.render(into: &grid)
        try Self.compare(grid, with: "lesson-01-step-2")
    }

    @Test func quizScreen() throws {
        var generator = try QuizGenerator(seed: 42)
        let questions = generator.questions(topic: .all, count: 3)
        var s = QuizScreen(session: QuizSession(questions: questions), capabilities: .standard)
        var grid = CellGrid(width: Self.size.width, height: Self.size.height)
        s.render(into: &grid)
        try Self.compare(grid, with: "quiz-question-1")
        for c in "1" { s.update(.character(c)) }
        s.update(.enter)
        grid = CellGrid(width: Self.size.width, height: Self.size.height)
        s.render(into: &grid)
        try Self.compare(grid, with: "quiz-wrong-once")
    }

    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()
}
