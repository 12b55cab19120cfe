#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A lesson's `experiment: N` through the real binary in plain mode: the real Figure 1 comparison with
/// screen 6's settings, its result line, and the numbers read back by later steps' placeholders.
@Suite struct LessonDrivesExperimentEndToEndTests {
    static var hasData: Bool { FashionMNISTFiles.installed }

    static let lesson = """
    title: E
    preset: figure1
    steps:
      - text: "before: {experiment.tanh.steps}"
      - experiment: 16
      - text: "read back: relu {experiment.relu.steps} / tanh {experiment.tanh.error} / {experiment.tanh.saturation.conv2}"
    """

    func run(_ extra: String) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        let dir = EndToEnd.makeDirectory("alexnet-experiment-e2e")
        let file = dir + "/e.yaml"
        let f = fopen(file, "w"); fputs(Self.lesson, f); fclose(f)
        let script = "cd '\(dir)' && printf '\\n\\n\\n\\n' | '\(binary)' lesson --plain e.yaml \(extra)"
        return Spawn.run(["/bin/sh", "-c", script], environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "XDG_DATA_HOME": dir,
                                                                       "LANG": "C.UTF-8", "COLUMNS": "200"])
    }

    @Test(.enabled(if: hasData)) func theExperimentRunsAndLaterStepsReadItsResult() throws {
        let out = try run("")
        #expect(out.status == 0, "\(out.stderr)")
        // Plain output wraps at 80 columns: read it with the wrapped lines joined again.
        let t = out.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(t.contains("before: (run the experiment step first)"))
        #expect(t.contains("[experiment: figure1 trained with ReLU and with tanh, at most 16 SGD steps each]"))
        #expect(t.contains("(relu at lr 0.005, tanh at lr 0.02, targets 25%, 15%, 10% training error, no weight decay, no augmentation)"))
        // 16 steps are far too few to reach 25%: both runs stop at the budget, and the text says so.
        #expect(t.contains("Result: neither reached 25% yet: ReLU "))
        let line = try #require(out.stdout.split(separator: "\n").first { $0.hasPrefix("read back: ") })
        #expect(line.hasPrefix("read back: relu more than 16 / tanh "))
        #expect(!line.contains("run the experiment step first"))
        #expect(line.hasSuffix("%"))
    }

    @Test func withoutDataTheStepNamesFileAndLineAndTheLessonGoesOn() throws {
        let out = try run("--data /nonexistent-fashion-mnist")
        #expect(out.status == 0, "\(out.stderr)")
        let t = out.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")   // wrapped at 80 columns
        #expect(t.contains("e.yaml:5: cannot run the experiment here: Fashion-MNIST is not in /nonexistent-fashion-mnist"))
        #expect(t.contains("read back: relu (run the experiment step first)"))
    }
}
