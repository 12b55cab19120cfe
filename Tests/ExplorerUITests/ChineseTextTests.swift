import AlexNetCore
import Foundation
import Lessons
import Localization
import Testing
@testable import ExplorerUI

/// Chinese in the cell grid: text breaks between characters but never before closing or after opening
/// punctuation, joined source lines gain no space, and the explorer's own words are Chinese.
struct ChineseTextTests {
    static let closing: Set<Character> = ["，", "。", "：", "；", "？", "！", "）", "」", "、"]
    static let opening: Set<Character> = ["（", "「"]
    static let paragraph = "AlexNet 读入一张 227×227×3 的图像（高 × 宽 × 通道）。每个卷积层和池化层都用大小为 F、步长为 S 的窗口，"
        + "在边长为 W、四周填充 P 的输入上滑动，输出边长为 out = ⌊(W − F + 2P)/S⌋ + 1。「向下取整」时，只有 227 才能恰好算通；"
        + "Krizhevsky 自己的代码 cuda-convnet 用另一种方式计算：即向上取整，最后一个窗口可能越过边缘，落在隐含的零上！"

    /// The grid's row as text (a wide character's continuation cell left out).
    static func row(_ grid: CellGrid, _ y: Int, from x: Int = 0, width: Int? = nil) -> String {
        var s = ""
        for col in x..<(x + (width ?? grid.width - x)) where !grid[col, y].isWideContinuation {
            s.unicodeScalars.append(grid[col, y].character)
        }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    @Test(arguments: [44, 80, 120])
    func wrapsBetweenCharactersByThePunctuationRules(width: Int) {
        var grid = CellGrid(width: width, height: 12)
        let lines = TextWrap.wrap(Self.paragraph, width: width)
        for (y, line) in lines.enumerated() { grid.write(line, x: 0, y: y, style: CellStyle()) }
        let rows = (0..<lines.count).map { Self.row(grid, $0) }
        for (i, row) in rows.enumerated() {
            #expect(row.displayWidth <= width)
            #expect(!Self.closing.contains(row.first!), "row \(i) starts with closing punctuation: \(row)")
            #expect(!Self.opening.contains(row.last!), "row \(i) ends with opening punctuation: \(row)")
            // Filled: a row breaks only where the next piece no longer fits (a CJK line has no spaces to
            // wait for), so every row but the last reaches within a few columns of the edge.
            if i < rows.count - 1 { #expect(row.displayWidth >= width - 6, "row \(i) is short at \(width): \(row)") }
        }
        // Nothing lost or added: the rows are the paragraph, broken only at its own spaces or between characters.
        #expect(rows.joined().replacingOccurrences(of: " ", with: "") == Self.paragraph.replacingOccurrences(of: " ", with: ""))
        // The formula's brackets stay on one row, as in English text.
        #expect(rows.contains { $0.contains("⌊(W − F + 2P)/S⌋") })
    }

    @Test func englishStillBreaksOnlyAtSpaces() {
        let text = "conv1 has 96 filters of 11×11, stride 4, no padding: its output is 55×55×96."
        #expect(TextWrap.wrap(text, width: 30) == ["conv1 has 96 filters of 11×11,", "stride 4, no padding: its", "output is 55×55×96."])
    }

    @Test func joinedLinesGainNoSpaceBetweenChineseCharacters() {
        #expect(LineBreaking.join("在边长为 W 的输入上滑动，", "输出边长为") == "在边长为 W 的输入上滑动，输出边长为")
        #expect(LineBreaking.join("the windows", "slide") == "the windows slide")
        #expect(LineBreaking.join("它的输出是", "conv1") == "它的输出是conv1")
    }

    static func shipped(_ name: String) throws -> Lesson {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("lessons/\(name)").path
        return try LessonLoader(file: "lessons/\(name)").load(path: path)
    }

    /// The Chinese lesson in the full-screen panel at 44, 80 and 120 columns: the step's source lines join
    /// without the stray space (`窗口， 在`) and every row of the panel keeps the punctuation rules.
    @Test(arguments: [44, 80, 120])
    func chineseLessonPanelInTheGrid(width: Int) throws {
        try Language.with(.zh) {
            let lesson = try Self.shipped("zh/01-shape-arithmetic.yaml")
            let screen = LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
            #expect(screen.lines.contains { $0.contains("的窗口，在边长为 W") }, "\(screen.lines)")
            #expect(!screen.lines.contains { $0.contains("， ") })
            var view = screen
            view.resize(width: width, height: 24)
            var grid = CellGrid(width: width, height: 24)
            view.render(into: &grid)
            let panel = LessonScreen.layout(width: width, height: 24).panel
            for y in panel.y..<panel.maxY {
                let text = Self.row(grid, y, from: panel.x, width: panel.width).trimmingCharacters(in: CharacterSet(charactersIn: " │"))
                guard let first = text.first else { continue }
                #expect(!Self.closing.contains(first), "row \(y) at \(width): \(text)")
            }
            if width >= 80 { #expect(grid.find("第 1/14 步") != nil) }
        }
    }

    /// Every explorer screen at 80×24 in Chinese: the tab bar, the status line and the `?` key box are
    /// Chinese (names such as conv1, ReLU and keys stay as they are); in English they read as before.
    @Test(arguments: Explorer.ScreenKind.allCases)
    func explorerChromeSpeaksChinese(kind: Explorer.ScreenKind) throws {
        try Language.with(.zh) {
            var e = try explorer()
            e.show(kind)
            let grid = render(e, width: 80, height: 24)
            for y in [0, 23] {
                let text = Self.row(grid, y)
                #expect(EnglishSentence.find(in: text) == nil, "\(kind) row \(y): \(text)")
            }
            #expect(Self.row(grid, 0).contains("层"))
            press(&e, "?")
            let help = render(e, width: 80, height: 24)
            // The key box: from its title row down to its bottom corner, between its side frames.
            let title = try #require(help.find("按键："))
            var left = title.x, right = title.x
            while left > 0, help[left, title.y].character != "┌" { left -= 1 }
            while right < 79, help[right, title.y].character != "┐" { right += 1 }
            var y = title.y + 1
            while y < 24, help[left, y].character != "└" {
                let row = Self.row(help, y, from: left, width: right - left + 1)
                #expect(EnglishSentence.find(in: row) == nil, "\(kind) key box: \(row)")
                y += 1
            }
            #expect(y - title.y > 4)
        }
        try Language.with(.en) {
            var e = try explorer()
            e.show(kind)
            let grid = render(e, width: 80, height: 24)
            #expect(Self.row(grid, 0).contains("Layers"))
        }
    }
}

/// The layer walk, the screen the explorer opens on, in Chinese at 80×24: every layer of AlexNet, the
/// whole screen (its explanation scrolled through) without an English sentence.
struct ChineseLayerWalkTests {
    @Test func everyLayerOfTheWalkSpeaksChinese() throws {
        try Language.with(.zh) {
            var e = try explorer()
            let layers = try Preset.alexnet.spec.shapeReport().layers.count
            for i in 0..<layers {
                for scroll in 0..<4 {
                    let grid = render(e, width: 80, height: 24)
                    for y in 0..<24 {
                        let row = ChineseTextTests.row(grid, y)
                        #expect(EnglishSentence.find(in: row) == nil, "layer \(i), scroll \(scroll), row \(y): \(row)")
                    }
                    press(&e, ["J"])
                }
                press(&e, [.right])
            }
        }
    }
}

/// Every explorer screen of AlexNet and mini at 80×24 in Chinese, each scrolled through: no English
/// sentence anywhere on the screen (before any training: the training screens' live figures are the
/// core's comparison lines, not covered here).
struct ChineseScreensTests {
    @Test(arguments: [Preset.alexnet, .mini])
    func everyScreenSpeaksChinese(preset: Preset) throws {
        try Language.with(.zh) {
            let filters = knownFilters(count: 8, channels: preset == .mini ? 1 : 3, kernel: preset == .mini ? 5 : 11)
            var e = try explorer(preset, filters: FilterSet(layer: filters.layer, weights: filters.weights, provenance: .untrained("He")))
            for kind in Explorer.ScreenKind.allCases {
                e.show(kind)
                for scroll in 0..<3 {
                    let grid = render(e, width: 80, height: 24)
                    for y in 0..<24 {
                        let row = ChineseTextTests.row(grid, y)
                        #expect(EnglishSentence.find(in: row) == nil, "\(preset) \(kind), page \(scroll), row \(y): \(row)")
                    }
                    press(&e, ["J"])
                }
            }
        }
    }
}

/// Every step of every Chinese lesson in full screen at 80×24 (questions skipped): the panel and the
/// explorer beside it, with no English sentence.
struct ChineseLessonWalkTests {
    static let names = ["zh/01-shape-arithmetic.yaml", "zh/02-where-the-parameters-live.yaml",
                        "zh/09-watch-it-learn.yaml", "zh/14-what-conv1-learns.yaml"]

    @Test(arguments: names)
    func everyStepSpeaksChinese(name: String) throws {
        try Language.with(.zh) {
            let lesson = try ChineseTextTests.shipped(name)
            var view = LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
            view.resize(width: 80, height: 24)
            for step in 0..<lesson.steps.count {
                if view.session.awaitingAnswer { for ch in "skip" { view.update(.character(ch)) }; view.update(.enter) }
                var grid = CellGrid(width: 80, height: 24)
                view.render(into: &grid)
                for y in 0..<24 {
                    let row = ChineseTextTests.row(grid, y)
                    #expect(EnglishSentence.find(in: row) == nil, "\(name) step \(step + 1), row \(y): \(row)")
                }
                view.update(.escape)   // ends a step's training run, as the learner may
                view.update("n")
            }
        }
    }
}
