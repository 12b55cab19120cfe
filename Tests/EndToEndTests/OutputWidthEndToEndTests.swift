#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Printed output fits the design width: with COLUMNS=80 no line of `shapes` (every preset), `train`, `compare`,
/// `lesson --plain` or `quiz --plain` is wider than 80 display columns, and `LANG=C` output is plain ASCII
/// with `floor(…)`/`ceil(…)` instead of brackets the terminal would mangle.
@Suite(.timeLimit(.minutes(5)))
struct OutputWidthEndToEndTests {
    static let presets = ["alexnet", "alexnet-1tower", "torchvision", "mini", "figure1"]
    static let narrow = ["COLUMNS": "80", "LANG": "C.UTF-8"]

    /// The lines of `output` wider than `columns`, for the failure message.
    static func tooWide(_ output: String, columns: Int = 80) -> [String] {
        output.split(separator: "\n").filter { EndToEnd.displayWidth($0) > columns }
            .map { "\(EndToEnd.displayWidth($0)) columns: \($0)" }
    }

    @Test(arguments: presets)
    func shapesFitsEightyColumns(_ preset: String) throws {
        let out = try EndToEnd.run(["shapes", "--preset", preset], environment: Self.narrow)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Total params:"))
        #expect(Self.tooWide(out.stdout).isEmpty, "shapes --preset \(preset): \(Self.tooWide(out.stdout))")
    }

    /// The formula is never cut: each conv row's whole formula is on one line (the terminal would otherwise
    /// wrap it in the middle); torchvision's conv1 (inexact) puts its tag on the next line instead.
    @Test func shapesKeepsEachFormulaWhole() throws {
        let out = try EndToEnd.run(["shapes", "--preset", "torchvision"], environment: Self.narrow).stdout
        let lines = out.split(separator: "\n").map(String.init)
        let conv1 = try #require(lines.firstIndex { $0.hasPrefix("conv1 ") })
        #expect(lines[conv1].hasSuffix("⌊(224 − 11 + 2·2)/4⌋ + 1 = 55"), "\(lines[conv1])")
        #expect(lines[conv1 + 1].trimmingPrefixSpaces == "(inexact)")
        // Wider terminals get the Kind column back, and the tag on the row.
        let wide = try EndToEnd.run(["shapes", "--preset", "torchvision"], environment: ["COLUMNS": "120", "LANG": "C.UTF-8"])
        #expect(wide.stdout.contains("conv1    conv     55×55×64"))
        #expect(wide.stdout.contains("⌊(224 − 11 + 2·2)/4⌋ + 1 = 55  (inexact)"))
    }

    @Test func shapesUnderLangCIsASCIIWithFloorAndCeil() throws {
        let dir = TemporaryDirectory()
        let config = dir.write("ceil.yaml", "input: [1, 51, 51]\nlayers:\n  - maxpool: {kernel: 2, stride: 3, rounding: ceil}\n"
                                             + "  - maxpool: {kernel: 3, stride: 2}\n")
        let out = try EndToEnd.run(["shapes", "--config", config], environment: ["COLUMNS": "80", "LANG": "C"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(out.stdout)")
        // 51 with kernel 2 stride 3, ceil: ⌈49/3⌉ + 1 = 18, less the window past the input: 17; then ⌊(17 − 3)/2⌋ + 1 = 8.
        #expect(out.stdout.contains("ceil((51 - 2 + 2*0)/3) + 1 = 18"), "\(out.stdout)")
        #expect(out.stdout.contains("floor((17 - 3 + 2*0)/2) + 1 = 8"), "\(out.stdout)")
        #expect(out.stdout.contains("17x17x1"))
    }

    /// A plain lesson and quiz under LANG=C (or no locale at all) are ASCII too, formulas spelled floor(…).
    @Test(arguments: [["LANG": "C"], [:]])
    func plainLessonAndQuizUnderLangCAreASCII(_ locale: [String: String]) throws {
        let lesson = try EndToEnd.run(["lesson", "01-shape-arithmetic", "--plain"], input: "\n\n", environment: locale)
        #expect(lesson.status == 0, "\(lesson.stderr)")
        #expect(lesson.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(lesson.stdout)")
        #expect(lesson.stdout.contains("floor((227 - 11 + 2*0)/4) + 1"), "\(lesson.stdout)")
        let quiz = try EndToEnd.run(["quiz", "--plain", "--seed", "3", "--count", "17"],
                                    input: String(repeating: "1\n", count: 40), environment: locale)
        #expect(quiz.stdout.contains("Question 17/17") && quiz.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(quiz.stdout)")
    }

    @Test(.enabled(if: FashionMNISTFiles.installed))
    func trainFitsEightyColumns() throws {
        let out = try EndToEnd.run(["train", "--preset", "mini", "--epochs", "1", "--limit", "640", "--test-limit", "200"],
                                   environment: Self.narrow)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("test accuracy"))
        #expect(Self.tooWide(out.stdout).isEmpty, "\(Self.tooWide(out.stdout))")
    }

    @Test(.enabled(if: FashionMNISTFiles.installed))
    func compareFitsEightyColumns() throws {
        let out = try EndToEnd.run(["compare", "--preset", "figure1", "--limit", "640", "--epochs", "1"],
                                   environment: Self.narrow)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("wall time"))
        #expect(Self.tooWide(out.stdout).isEmpty, "\(Self.tooWide(out.stdout))")
    }

    /// Every shipped lesson that does not train, in every language, walked to its end: Enter at a step, and
    /// a question answered with Enter (asked again) then `skip`. Lessons with `train:` or `experiment:`
    /// steps take minutes in a debug build; their text goes through the same wrapping.
    @Test func plainLessonsFitEightyColumns() throws {
        let list = try EndToEnd.run(["lesson", "--list"], environment: Self.narrow)
        let names = list.stdout.split(separator: "\n").compactMap { line -> String? in
            let word = line.split(separator: " ").first.map(String.init) ?? ""
            return line.hasPrefix("  ") && word.contains("-") ? word : nil
        }
        #expect(names.count >= 17, "\(list.stdout)")
        let input = String(repeating: "\nskip\n", count: 150)
        var walked = 0
        for name in names {
            let file = EndToEnd.repository + "/lessons/" + name + ".yaml"
            if let text = try? String(contentsOfFile: file), text.contains("train:") || text.contains("experiment:") { continue }
            let out = try EndToEnd.run(["lesson", name, "--plain"], input: input, environment: Self.narrow)
            #expect(out.status == 0, "lesson \(name): \(out.stderr)")
            #expect(Self.tooWide(out.stdout).isEmpty, "lesson \(name): \(Self.tooWide(out.stdout))")
            walked += 1
        }
        #expect(walked >= 10)
    }

    @Test(arguments: [1, 2, 3])
    func plainQuizFitsEightyColumns(_ seed: Int) throws {
        let out = try EndToEnd.run(["quiz", "--plain", "--seed", "\(seed)", "--count", "30"],
                                   input: String(repeating: "1\n", count: 80), environment: Self.narrow)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Question 30/30"))
        #expect(Self.tooWide(out.stdout).isEmpty, "\(Self.tooWide(out.stdout))")
    }
}

extension String {
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
