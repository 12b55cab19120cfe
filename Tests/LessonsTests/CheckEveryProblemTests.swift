import AlexNetCore
@testable import Lessons
import Testing

/// `lesson --check` lists every mistake of a file in one run, structural and semantic alike, in the order
/// of the file's lines (it used to stop at the first structural one: seven mistakes took six runs).
@Suite struct CheckEveryProblemTests {
    /// Nine mistakes of different kinds, one per marked line.
    static let yaml = """
        title: [a, list]
        preset: alexnet
        level: 3
        steps:
          - text: "conv1 has {conv1.parms} numbers"
          - txet: a typo for text
          - train: many
          - question: conv1 params?
            answer: 34848
            check: conv1.params
          - question: Which?
            choices: [x, y]
            answer: c
          - question: Why?
          - show: walk conv9
          - text: fine
          - input: 20
        """

    static let expected: [(line: Int, fragment: String)] = [
        (1, "title must be text, got a list"),                                   // wrong type
        (3, "unknown field 'level' in a lesson"),                                // unknown top-level key
        (5, "placeholder {conv1.parms} does not resolve"),                       // bad placeholder
        (6, "unknown field 'txet' in a step"),                                   // unknown step kind
        (7, "train (steps) must be a whole number, got 'many'"),                 // wrong type
        (9, "answer 34848 disagrees with the core: conv1.params is 34,944"),     // wrong answer number
        (13, "answer 'c' is not one of the choices (a, b)"),                     // out-of-range choice
        (14, "question has no 'answer'"),                                        // missing key
        (15, "show: no layer 'conv9' in preset alexnet"),                        // unknown layer
        (17, "this step breaks the network"),                                    // an action the network refuses
    ]

    @Test func everyMistakeIsReportedOnceInLineOrder() {
        let problems = LessonChecker.check(text: Self.yaml, file: "seven.yaml")
        #expect(problems.map(\.line) == Self.expected.map(\.line), "\(problems.map(\.description))")
        for (problem, want) in zip(problems, Self.expected) {
            #expect(problem.description.hasPrefix("seven.yaml:\(want.line): "), "\(problem)")
            #expect(problem.message.contains(want.fragment), "line \(want.line): \(problem)")
            #expect(!problem.description.contains("\n"))
        }
    }

    /// The loader alone finds the structural ones, and `load` still throws the first of them.
    @Test func loaderCollectsStructuralProblemsAndThrowsTheFirst() {
        let reading = LessonLoader(file: "seven.yaml").read(text: Self.yaml)
        #expect(reading.problems.map(\.line) == [1, 3, 6, 7, 13, 14])
        #expect(reading.lesson?.preset == .alexnet)
        #expect(throws: ConfigError(file: "seven.yaml", line: 1, message: "title must be text, got a list")) {
            _ = try LessonLoader(file: "seven.yaml").load(text: Self.yaml)
        }
    }

    /// A broken field does not also make its step "empty", and a lesson without a usable preset is not
    /// replayed (its placeholders would all be reported against a network it does not have).
    @Test func noFollowOnProblems() {
        let typoOnly = LessonChecker.check(text: "title: T\npreset: alexnet\nsteps:\n  - txet: hi\n", file: "t.yaml")
        #expect(typoOnly.map(\.description) == ["t.yaml:4: unknown field 'txet' in a step; expected one of: "
            + LessonLoader.stepFields.joined(separator: ", ")])
        let badPreset = LessonChecker.check(text: "title: T\npreset: vgg\nsteps:\n  - text: \"{conv1.nope}\"\n  - trian: 3\n", file: "p.yaml")
        #expect(badPreset.map(\.line) == [2, 5])
    }

    /// Several mistakes in one step, and two stray question fields, each get their own line.
    @Test func severalMistakesInOneStep() {
        let yaml = "title: T\npreset: alexnet\nsteps:\n  - text: hi\n    hint: h\n    explain: e\n    bogus: 1\n"
        let problems = LessonChecker.check(text: yaml, file: "s.yaml")
        #expect(problems.map(\.line) == [5, 6, 7])
        #expect(problems.map(\.message).allSatisfy { $0.contains("belongs to a question") || $0.contains("unknown field 'bogus'") })
    }

    @Test func lineOrderKeepsWholeFileProblemsFirstAndTiesInOrder() {
        let p = { (line: Int?, m: String) in ConfigError(file: "f", line: line, message: m) }
        let sorted = [p(9, "a"), p(2, "b"), p(nil, "c"), p(2, "d"), p(1, "e")].inLineOrder
        #expect(sorted.map(\.message) == ["c", "e", "b", "d", "a"])
    }
}
