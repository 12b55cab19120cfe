import AlexNetCore
@testable import Lessons
import Testing

/// Broken lessons give one `file:line: message` each, never a crash.
@Suite struct MalformedLessonTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var line: Int?
        var fragment: String
        var testDescription: String { name }
    }

    static let header = "title: T\npreset: alexnet\nsteps:\n"

    static let cases: [Case] = [
        Case(name: "empty file", yaml: "", line: nil, fragment: "the file is empty"),
        Case(name: "YAML syntax", yaml: "title: T\npreset: [alexnet\nsteps: []\n", line: 3, fragment: "YAML syntax error"),
        Case(name: "not a mapping", yaml: "- a\n- b\n", line: 1, fragment: "a lesson must be a mapping"),
        Case(name: "missing title", yaml: "preset: alexnet\nsteps:\n  - text: hi\n", line: 1, fragment: "a lesson needs 'title'"),
        Case(name: "unknown top field", yaml: "title: T\nlevel: 3\npreset: alexnet\nsteps:\n  - text: hi\n", line: 2,
             fragment: "unknown field 'level' in a lesson"),
        Case(name: "unknown preset", yaml: "title: T\npreset: vgg\nsteps:\n  - text: hi\n", line: 2, fragment: "unknown preset 'vgg'"),
        Case(name: "steps not a list", yaml: "title: T\npreset: alexnet\nsteps: hello\n", line: 3, fragment: "steps must be a list"),
        Case(name: "no steps", yaml: "title: T\npreset: alexnet\nsteps: []\n", line: 1, fragment: "steps is empty"),
        Case(name: "unknown step field", yaml: header + "  - text: hi\n  - txet: typo\n", line: 5, fragment: "unknown field 'txet' in a step"),
        Case(name: "unknown screen", yaml: header + "  - show: zoom conv1\n", line: 4, fragment: "unknown screen 'zoom'"),
        Case(name: "unknown layer in show", yaml: header + "  - text: hi\n  - show: walk conv9\n", line: 5, fragment: "show: no layer 'conv9' in preset alexnet"),
        Case(name: "filters of a pool", yaml: header + "  - show: filters pool1\n", line: 4, fragment: "show: filters needs a conv layer"),
        Case(name: "unresolved placeholder", yaml: header + "  - text: \"conv1 has {conv1.parms} numbers\"\n", line: 4,
             fragment: "placeholder {conv1.parms} does not resolve: unknown field 'parms'"),
        Case(name: "placeholder on a missing layer", yaml: header + "  - text: \"{conv6.output}\"\n", line: 4,
             fragment: "placeholder {conv6.output} does not resolve: no layer 'conv6'"),
        Case(name: "unclosed placeholder", yaml: header + "  - text: \"see {conv1.output\"\n", line: 4, fragment: "unclosed placeholder"),
        Case(name: "answer disagrees", yaml: header + "  - question: conv1 params?\n    answer: 34848\n    check: conv1.params\n", line: 5,
             fragment: "answer 34848 disagrees with the core: conv1.params is 34,944"),
        Case(name: "question without answer", yaml: header + "  - question: Why?\n", line: 4, fragment: "question has no 'answer'"),
        Case(name: "hint without question", yaml: header + "  - text: hi\n    hint: h\n", line: 5, fragment: "'hint' belongs to a question"),
        Case(name: "choice out of range", yaml: header + "  - question: Which?\n    choices: [x, y]\n    answer: c\n", line: 6,
             fragment: "answer 'c' is not one of the choices (a, b)"),
        Case(name: "answer neither number nor core value", yaml: header + "  - question: How many?\n    answer: lots of them\n", line: 5,
             fragment: "neither a whole number nor a core value"),
        Case(name: "text answer", yaml: header + "  - question: Shape?\n    answer: conv1.output\n", line: 5,
             fragment: "answer conv1.output is the text '55×55×96'"),
        Case(name: "two actions", yaml: header + "  - train: 5\n    input: 224\n", line: 5, fragment: "a step can do one action"),
        Case(name: "negative train", yaml: header + "  - train: -3\n", line: 4, fragment: "train takes 1–5,000 steps, got -3"),
        Case(name: "input that breaks the network", yaml: header + "  - input: 20\n", line: 4, fragment: "this step breaks the network"),
        Case(name: "empty step", yaml: header + "  - {}\n", line: 4, fragment: "empty step"),
        Case(name: "layer gone after preset switch", yaml: header + "  - preset: torchvision\n  - text: \"{norm1.output}\"\n", line: 5,
             fragment: "no layer 'norm1' in preset torchvision"),
        Case(name: "placeholder inside a block names its own line",
             yaml: header + "  - text: |\n      first line\n      second {conv1.nope}\n", line: 6, fragment: "placeholder {conv1.nope}"),
        Case(name: "placeholder in an explanation", yaml: header + "  - question: q\n    answer: 1\n    explain: \"{fc9.params}\"\n", line: 6,
             fragment: "placeholder {fc9.params} does not resolve: no layer 'fc9'"),
        Case(name: "control characters", yaml: "title: T\u{7}\n", line: nil, fragment: "control characters"),
    ]

    @Test(arguments: cases)
    func reportsFileLineAndMessage(_ c: Case) {
        let problems = LessonChecker.check(text: c.yaml, file: "bad.yaml")
        #expect(problems.count >= 1)
        guard let first = problems.first else { return }
        #expect(first.file == "bad.yaml")
        #expect(first.line == c.line, "\(first)")
        #expect(first.description.contains(c.fragment), "\(first)")
        let prefix = c.line.map { "bad.yaml:\($0): " } ?? "bad.yaml: "
        #expect(first.description.hasPrefix(prefix))
        #expect(!first.description.contains("\n"), "one line per problem: \(first)")
    }

    @Test func theTableIsLargeEnough() { #expect(Self.cases.count >= 15) }

    @Test func missingFileIsReported() {
        let problems = LessonChecker.check(path: "/nonexistent/lesson.yaml", file: "lesson.yaml")
        #expect(problems.map(\.description) == ["lesson.yaml: cannot read the file (No such file or directory)"])
    }

    @Test func everyProblemInAFileIsReported() {
        let yaml = Self.header + "  - text: \"{conv1.nope}\"\n  - show: walk conv9\n  - question: q\n    answer: 1\n    check: fc6.params\n"
        let problems = LessonChecker.check(text: yaml, file: "x.yaml")
        #expect(problems.map(\.line) == [4, 5, 7])
    }
}
