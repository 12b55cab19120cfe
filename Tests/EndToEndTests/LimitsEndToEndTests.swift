#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Sizes past what the program can count or hold, through the real binary: one line on stderr naming
/// the file (and line), exit 1, never a backtrace or an allocation that kills the process.
@Suite struct LimitsEndToEndTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var arguments: String
        /// Files to write in the test's directory first: name → text.
        var files: [String: String]
        /// The whole stderr line, or (when `exact` is false) pieces it must contain.
        var expected: [String]
        var exact = true
        var testDescription: String { label }
    }

    static let huge = "name: huge\ninput: [3, 100000, 100000]\nlayers:\n  - conv: {out: 8, kernel: 3}\n  - relu\n"
    static let needs = ["huge.yaml: network 'huge' needs about ", " GiB", "more than the "]

    static let cases: [Case] = [
        Case(label: "shapes: 2^62 output channels", arguments: "shapes --config net.yaml",
             files: ["net.yaml": "name: x\ninput: [1, 28, 28]\nlayers:\n  - relu\n  - conv: {out: 4611686018427387904, kernel: 3}\n"],
             expected: ["error: net.yaml:5: layer conv1: out channels must be in 1…1,000,000, got 4611686018427387904"]),
        Case(label: "shapes: Int.max input", arguments: "shapes --config net.yaml",
             files: ["net.yaml": "name: x\ninput: [1, 28, 9223372036854775807]\nlayers: [relu]\n"],
             expected: ["error: net.yaml:2: layer input: input width must be in 1…1,000,000, got 9223372036854775807"]),
        Case(label: "shapes: linear parameters past 2^63", arguments: "shapes --config net.yaml",
             files: ["net.yaml": "input: [1000000, 1000000, 1000000]\nlayers:\n  - flatten\n  - linear: 1000000\n"],
             expected: ["error: net.yaml:4: layer fc1: 1000000000000000000 inputs × 1000000 outputs make the parameter count overflow 64-bit integers"]),
        Case(label: "features: too large for the machine", arguments: "features --config huge.yaml",
             files: ["huge.yaml": huge], expected: needs, exact: false),
        Case(label: "filters: too large for the machine", arguments: "filters --config huge.yaml",
             files: ["huge.yaml": huge], expected: needs, exact: false),
        Case(label: "explore: too large for the machine", arguments: "explore --config huge.yaml",
             files: ["huge.yaml": huge], expected: needs, exact: false),
        Case(label: "train: too large for the machine", arguments: "train --config huge.yaml --epochs 1",
             files: ["huge.yaml": huge], expected: needs + ["for training at batch 64"], exact: false),
        Case(label: "bench: too large for the machine", arguments: "bench --config huge.yaml",
             files: ["huge.yaml": huge], expected: needs + ["for training at batch 16"], exact: false),
        Case(label: "features: --max-memory", arguments: "features --preset mini --max-memory 2MiB", files: [:],
             expected: ["error: network 'mini' needs about 50.6 MiB for one example (weights 1.7 MiB, activations 495.2 KiB, workspace 186.2 KiB, rest of the process 48.2 MiB), more than the 2.0 MiB of --max-memory 2MiB"]),
        Case(label: "train: --max-memory at batch 128", arguments: "train --preset alexnet --batch 128 --epochs 1 --max-memory 2GiB", files: [:],
             expected: ["error: network 'alexnet' needs about 3.02 GiB for training at batch 128 (weights 697.7 MiB, activations 1.99 GiB, workspace 32.5 MiB, rest of the process 325.1 MiB), more than the 2.00 GiB of --max-memory 2GiB"]),
        Case(label: "features: a 19-byte P3 header of 16384²", arguments: "features --preset mini --image big.ppm",
             files: ["big.ppm": "P3 16384 16384 255\n"],
             expected: ["error: big.ppm: unsupported image: size 16384×16384 is more than the limit of 64 megapixels (67,108,864 pixels, e.g. 8192×8192)"]),
        Case(label: "shapes: duplicate key", arguments: "shapes --config dup.yaml",
             files: ["dup.yaml": "name: x\ninput: [1, 28, 28]\nlayers:\n  - conv:\n      out: 4\n      kernel: 3\n      kernel: 5\n"],
             expected: ["error: dup.yaml:7: duplicate key 'kernel' (first at line 6)"]),
        Case(label: "filters: no conv layer", arguments: "filters --config flat.yaml",
             files: ["flat.yaml": "name: flat\ninput: [1, 28, 28]\nlayers: [flatten, {linear: 10}]\n"],
             expected: ["error: flat.yaml: network 'flat' has no conv layer, so it has no filters to show"]),
        Case(label: "features: no layer with maps", arguments: "features --config flat.yaml",
             files: ["flat.yaml": "name: flat\ninput: [1, 28, 28]\nlayers: [flatten, {linear: 10}]\n"],
             expected: ["error: flat.yaml: network 'flat' has no layer with feature maps (every layer's output is flat), so it has no maps to show"]),
        Case(label: "lesson --check: 2^62 input side", arguments: "lesson --check big.yaml",
             files: ["big.yaml": "title: t\npreset: mini\nsteps:\n  - text: hi\n  - input: 4611686018427387904\n    text: big\n"],
             expected: ["big.yaml:5: ", "input takes a side of 1–1,024 pixels, got 4,611,686,018,427,387,904"], exact: false),
        Case(label: "lesson --check: duplicate key", arguments: "lesson --check dup.yaml",
             files: ["dup.yaml": "title: t\npreset: mini\nsteps:\n  - text: hi\n    text: again\n"],
             expected: ["dup.yaml:5: duplicate key 'text' (first at line 4)"], exact: false),
    ]

    @Test(arguments: cases)
    func refusedInOneLine(c: Case) throws {
        let out = try run(c.arguments, files: c.files)
        #expect(out.status == 1, "\(out.stdout)\n\(out.stderr)")
        #expect(!out.stderr.contains("Backtrace") && !out.stderr.contains("Fatal error"))
        let all = out.stdout + out.stderr
        if c.exact {
            #expect(out.stderr == c.expected[0] + "\n")
        } else {
            let line = all.split(separator: "\n").first { l in c.expected.allSatisfy { l.contains($0) } }
            #expect(line != nil, "expected a line with \(c.expected), got: \(all)")
        }
    }

    @Test func thirtyUnnamedRelusAreFine() throws {
        let text = "name: r\ninput: [1, 8, 8]\nlayers:\n" + String(repeating: "  - relu\n", count: 30)
        let out = try run("shapes --config r.yaml", files: ["r.yaml": text])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("relu0z ") && out.stdout.contains("relu0ad "))
    }

    /// Writes `files` to a fresh directory and runs the binary there.
    func run(_ arguments: String, files: [String: String]) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        let dir = EndToEnd.makeDirectory("alexnet-limits-e2e")
        for (name, text) in files {
            let f = fopen(dir + "/" + name, "w")!
            fputs(text, f)
            fclose(f)
        }
        return Spawn.run(["/bin/sh", "-c", "cd '\(dir)' && '\(binary)' \(arguments) </dev/null"],
                         environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "XDG_DATA_HOME": dir, "TERM": "xterm-256color"])
    }
}
