/// `alexnet-fuzz --self-test`: the harness judged against `/bin/sh` scripts that misbehave on purpose, so a
/// verdict rule that stopped working (a crash not seen, a hang not killed, a stray file not noticed) fails
/// loudly instead of letting every case pass. `make fuzz` runs it first.
enum SelfTest {
    struct Probe {
        let script: String
        let expect: Expectation
        /// A word the problems must contain; nil = the run must pass.
        let finds: String?
        var mustName: [String] = []
        var usageAllowed = false
    }

    static let probes: [Probe] = [
        Probe(script: "echo \"error: $F: bad\" >&2; exit 1", expect: .failure, finds: nil, mustName: ["$F"]),
        Probe(script: "echo fine", expect: .success, finds: nil),
        Probe(script: "kill -SEGV $$", expect: .either, finds: "crash: signal 11"),
        Probe(script: "exit 134", expect: .either, finds: "crash: exit 134"),
        Probe(script: "exec sleep 30", expect: .either, finds: "hang"),
        Probe(script: "echo 'Fatal error: boom' >&2; exit 1", expect: .failure, finds: "backtrace"),
        Probe(script: "echo one >&2; echo two >&2; exit 1", expect: .failure, finds: "multi-line"),
        Probe(script: "printf 'Error: bad\\nUsage: x\\n  See x\\n' >&2; exit 64", expect: .failure, finds: nil, usageAllowed: true),
        Probe(script: "printf 'Error: bad\\nUsage: x\\n' >&2; exit 64", expect: .failure, finds: "multi-line"),
        Probe(script: "exit 0", expect: .failure, finds: "silent failure"),
        Probe(script: "exit 1", expect: .success, finds: "rejected a valid input"),
        Probe(script: "exit 2", expect: .either, finds: "unexpected exit status 2"),
        Probe(script: "exit 1", expect: .failure, finds: "without a message"),
        Probe(script: "echo 'error: something' >&2; exit 1", expect: .failure, finds: "does not name the file", mustName: ["$F"]),
        Probe(script: "echo x >> \"$F\"", expect: .either, finds: "was changed"),
        Probe(script: "touch \"$D/.in.tmp-abc123\"", expect: .either, finds: "unexpected file"),
        Probe(script: "[ \"$(ulimit -v)\" = 262144 ] || { echo \"limit $(ulimit -v)\" >&2; exit 3; }", expect: .success, finds: nil),
    ]

    /// Runs every probe; returns the failures (empty when the harness judges right).
    static func run(root: String, settings: FuzzMain.Settings) -> [String] {
        var failures: [String] = []
        var limited = settings
        limited.hang = 2
        limited.memoryMiB = 256
        limited.binary = "/bin/sh"
        for (i, probe) in probes.enumerated() {
            let generator = Generator(kind: "self-test", count: 1) { _, folder, _, _ in
                let input = folder.write("in.txt", text: "input\n")
                let script = "F=\(input); D=\(folder.path); " + probe.script
                return FuzzCase(title: probe.script, arguments: ["-c", script], expect: probe.expect,
                                inputs: [input],
                                mustName: probe.mustName.map { $0 == "$F" ? input : $0 }, usageAllowed: probe.usageAllowed)
            }
            let context = FuzzContext(binary: "/bin/sh", lessonsDirectory: "", dataDirectory: "", checkpoint: [], tinyData: TinyDataset(seed: 1))
            let result = FuzzMain.run(100_000 + i, generator, 0, settings: limited, context: context, root: root)
            let text = result.problems.joined(separator: "; ")
            if let word = probe.finds {
                if !text.contains(word) { failures.append("self-test: `\(probe.script)` should give '\(word)', got: \(text.isEmpty ? "a pass" : text)") }
            } else if !text.isEmpty {
                failures.append("self-test: `\(probe.script)` should pass, got: \(text)")
            }
        }
        return failures
    }
}
