#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Issue 28 through the real binary: a FIFO as an input, a full disk under `train --log`, two quizzes finishing
/// together, control characters in checkpoint metadata and file names, resume with options changed, the memory
/// budget under `ulimit -v`, and the small ones (`lesson --new ''`, a handout over its lesson, an uninstall manifest
/// pointing outside the prefix, a missing `--data` folder).
@Suite(.serialized) struct HostileInputEndToEndTests {
    /// Runs a shell command with `$A` set to the binary, in `directory`.
    func sh(_ command: String, in directory: String) throws -> Spawn.Output {
        let binary = try EndToEnd.binary()
        return Spawn.run(["/bin/sh", "-c", "cd '\(directory)' && A='\(binary)' && \(command)"],
                         environment: ["PATH": "/usr/bin:/bin", "HOME": directory, "XDG_DATA_HOME": directory, "LANG": "C.UTF-8",
                                       "NO_COLOR": "1", "TERM": "dumb"])
    }

    static func folder() -> String {
        var template = Array("/tmp/alexnet-hostile-e2e-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static let quickTrain = "train --preset mini --limit 64 --test-limit 32 --batch 32 --threads 1 --epochs 1"

    @Test func aFIFOAsAnImageIsOneLineNotAHang() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        // `timeout` turns the old hang into a failure of this test instead of a stuck suite.
        let out = try sh("mkfifo f.jpg && timeout 60 \"$A\" predict --image f.jpg", in: dir)
        #expect(out.status == 1)
        #expect(out.stderr == "error: f.jpg: cannot read: this is a FIFO (named pipe), expected a regular file\n")
    }

    @Test func aFullDiskLosesTheLogNotTheRun() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        // ulimit -f 1: files stop at 512 bytes, as on a full disk; 32 steps of batch 2 write about 1.3 KB of log.
        let out = try sh("ulimit -f 1 && \"$A\" train --preset mini --limit 64 --test-limit 8 --batch 2 --lr 0.002 --threads 1 --epochs 1 --log log.csv",
                         in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("warning: log.csv: cannot write the log (File too large); training goes on without the log\n"), "\(out.stderr)")
        #expect(out.stdout.contains("epoch 1/1: loss "))
        let created = try sh("\"$A\" train --preset mini --epochs 1 --log no-such-dir/log.csv", in: dir)
        #expect(created.stderr.hasSuffix("error: no-such-dir/log.csv: cannot create the log file (No such file or directory)\n"), "\(created.stderr)")
    }

    @Test func twoQuizzesFinishingTogetherKeepBothResults() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        // Both load the (empty) progress at start and save at the end; before, the later save dropped the other's result.
        let quiz = "printf '1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n' | \"$A\" quiz --plain --count 1 --seed 1 > /dev/null"
        for round in 0..<4 {
            let out = try sh("rm -rf alexnet-explorer; \(quiz) & \(quiz) & \(quiz) & wait; cat alexnet-explorer/progress.json", in: dir)
            #expect(out.stdout.contains("\"sessions\" : 3"), "round \(round): \(out.stdout) \(out.stderr)")
        }
    }

    @Test func checkpointMetadataAndFileNamesCannotDriveTheTerminal() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        let made = try sh("\"$A\" \(Self.quickTrain) --save-weights w.safetensors --data /usr/share/datasets/fashion-mnist", in: dir)
        try #require(made.status == 0, "\(made.stderr)")
        // Rewrite the metadata: the header is JSON, so an escaped control character is one JSON string.
        let path = dir + "/w.safetensors"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let length = Int(bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        var header = try #require(try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + length))) as? [String: Any])
        var meta = try #require(header["__metadata__"] as? [String: String])
        meta["test_accuracy"] = "\r\n\r\nfake line"
        meta["source"] = "\u{1B}]0;owned\u{07}\u{1B}[2J"
        header["__metadata__"] = meta
        var json = try JSONSerialization.data(withJSONObject: header)
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var out = Data((0..<8).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) })
        out.append(json)
        out.append(bytes.subdata(in: (8 + length)..<bytes.count))
        try out.write(to: URL(fileURLWithPath: path))
        let filters = try sh("\"$A\" filters --weights w.safetensors", in: dir)
        #expect(filters.status == 0, "\(filters.stderr)")
        #expect(!filters.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{07}" })
        #expect(filters.stdout.contains("\\e]0;owned\\u{7}\\e[2J") && filters.stdout.contains("test accuracy \\r\\n\\r\\nfake line"))
        // A file name with escapes, in an error.
        let missing = try sh("\"$A\" predict --image \"$(printf 'x\\033[2J.png')\"", in: dir)
        #expect(missing.stderr == "error: x\\e[2J.png: cannot read: No such file or directory\n")
    }

    @Test func resumeHonoursTheCheckpointsActivationAndANewRate() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        func meta(_ file: String) throws -> [String: String] {
            let bytes = try #require(FileManager.default.contents(atPath: dir + "/" + file))
            let length = Int(bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
            let header = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + length))) as? [String: Any]
            return try #require(header?["__metadata__"] as? [String: String])
        }
        let first = try sh("\"$A\" \(Self.quickTrain) --activation tanh --lr 0.05 --schedule constant --save t.safetensors", in: dir)
        try #require(first.status == 0, "\(first.stderr)")
        // Nothing given again: tanh, 0.05 and the constant schedule continue, without notes (before: ReLU, silently).
        let kept = try sh("\"$A\" \(Self.quickTrain.replacingOccurrences(of: "--epochs 1", with: "--epochs 2")) --resume t.safetensors --save t2.safetensors", in: dir)
        #expect(kept.status == 0 && kept.stderr.isEmpty, "\(kept.stderr)")
        // The header wraps at words to the terminal's width (issue 27): read it as one line.
        #expect(kept.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("lr 0.05 (constant schedule)"))
        #expect(try meta("t2.safetensors")["activation"] == "tanh")
        // A new --lr under the constant schedule is used and saved (before: printed, but 0.05 trained and saved).
        let rate = try sh("\"$A\" \(Self.quickTrain.replacingOccurrences(of: "--epochs 1", with: "--epochs 2")) --resume t.safetensors --lr 0.001 --seed 5 --save t3.safetensors", in: dir)
        #expect(rate.status == 0)
        #expect(rate.stderr == "note: t.safetensors: --seed 5 replaces the checkpoint's 1 from here on\n"
                + "note: t.safetensors: --lr 0.001 replaces the checkpoint's learning rate 0.05 from here on\n", "\(rate.stderr)")
        #expect(try meta("t3.safetensors")["learning_rate"] == "0.001")
        #expect(try meta("t3.safetensors")["seed"] == "5")
    }

    @Test func theMemoryBudgetHonoursUlimitV() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        // Before: an allocation failure and a backtrace (or minutes in OpenBLAS's allocator under 2 GiB).
        let out = try sh("ulimit -v 1500000 && \"$A\" train --preset mini --batch 4096 --epochs 1 --limit 4096", in: dir)
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("error: network 'mini' needs about "), "\(out.stderr)")
        #expect(out.stderr.hasSuffix("of the address-space limit (ulimit -v) left to this process\n"), "\(out.stderr)")
        let huge = try sh("\"$A\" shapes --preset mini --max-memory 9223372036854775807B", in: dir)
        #expect(huge.status == 0, "\(huge.stderr)")
    }

    @Test func smallOnes() throws {
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        // `lesson --new ''` wrote a hidden `.yaml`.
        let empty = try sh("\"$A\" lesson --new ''; ls -A", in: dir)
        #expect(empty.stderr.hasPrefix("Error: --new takes a lesson name such as 25-my-lesson"), "\(empty.stderr)")
        #expect(!empty.stdout.contains(".yaml"))
        // A handout written over its own lesson replaced the lesson.
        let made = try sh("\"$A\" lesson --new 25-mine > /dev/null && cp 25-mine.yaml before.yaml && \"$A\" lesson 25-mine.yaml --export markdown -o 25-mine.yaml; cmp 25-mine.yaml before.yaml && echo same", in: dir)
        #expect(made.stderr == "error: 25-mine.yaml: --output is the lesson itself; the handout would replace it\n", "\(made.stderr)")
        #expect(made.stdout.hasSuffix("same\n"))
        // --data naming a missing folder is an error, as in train, not a silent switch to the pattern.
        for command in ["features --preset mini", "neuron --preset mini --layer conv1 --channel 0"] {
            let out = try sh("\"$A\" \(command) --data /nonexistent-folder", in: dir)
            #expect(out.status == 1 && out.stderr.contains("/nonexistent-folder"), "\(command): \(out.stderr)")
        }
    }

    @Test func uninstallRefusesAManifestEntryOutsideThePrefix() throws {
        guard let binary = AlexNetBinary.path, let root = InstallEndToEndTests.packageRoot(of: binary) else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary in a checkout's .build (run `swift build` first)", screen: "")
        }
        let dir = Self.folder()
        defer { _ = Spawn.run(["/bin/rm", "-rf", dir], environment: [:]) }
        let out = Spawn.run(["/bin/sh", "-c", "cd '\(dir)' && mkdir -p p/share/alexnet && echo keep > victim.txt && "
                             + "printf 'share/alexnet/install-manifest.txt\\n../victim.txt\\n' > p/share/alexnet/install-manifest.txt && "
                             + "make -s -C '\(root)' uninstall PREFIX='\(dir)/p'; cat victim.txt"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.stderr.contains("install-manifest.txt:2: entry '../victim.txt' is outside \(dir)/p; nothing was removed"), "\(out.stderr)")
        #expect(out.stdout == "keep\n")
    }
}
