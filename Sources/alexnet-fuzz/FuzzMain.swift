#if canImport(Glibc)
import Glibc
#endif
import ChildProcessModule
import Foundation
import Synchronization

/// `alexnet-fuzz`: feeds generated inputs to the release `alexnet` binary, two at a time, and fails on
/// crashes, hangs, silent failures, backtraces, multi-line errors, unnamed files and changed inputs.
/// See docs/fuzzing.md. `--seed S --case N` reruns one case and keeps its files.
@main
struct FuzzMain {
    static let generators = [ConfigCases.generator, LessonCases.generator, CheckpointCases.generator, ImageCases.generator,
                             IDXCases.generator, FolderCases.generator, ProgressCases.generator, OptionCases.generator,
                             HostileCases.generator]

    struct Settings: Sendable {
        var binary = FileManager.default.currentDirectoryPath + "/.build/release/alexnet"
        var lessons = FileManager.default.currentDirectoryPath + "/lessons"
        var data = "/usr/share/datasets/fashion-mnist"
        var seed: UInt64 = 1
        var single: Int?
        var jobs = 2
        var budget = 170.0
        var hang = 20.0
        var memoryMiB = 4096
        var only: String?
        var list = false
        var keep = false
        var selfTest = false
    }

    struct Result: Sendable {
        var number: Int
        var kind: String
        var fuzzCase: FuzzCase
        var problems: [String]
        var outcome: RunOutcome?
    }

    static func main() {
        let settings = parse(Array(CommandLine.arguments.dropFirst()))
        if settings.selfTest {
            let root = makeTemporaryDirectory()
            let failures = SelfTest.run(root: root, settings: settings)
            removeTree(root)
            failures.forEach { print($0) }
            print("self-test: \(SelfTest.probes.count - failures.count) of \(SelfTest.probes.count) verdict rules work")
            exit(failures.isEmpty ? 0 : 1)
        }
        var numbered: [(number: Int, generator: Generator, index: Int)] = []
        for g in generators {
            for i in 0..<g.count { numbered.append((numbered.count, g, i)) }
        }
        if let only = settings.only { numbered = numbered.filter { $0.generator.kind == only } }
        if let single = settings.single { numbered = numbered.filter { $0.number == single } }
        guard !numbered.isEmpty else { fail("no such case") }
        guard access(settings.binary, X_OK) == 0 else { fail("no executable at \(settings.binary) (build it: swift build -c release --product alexnet)") }

        let root = makeTemporaryDirectory()
        let context = prepare(settings, root: root)
        if settings.list {
            for n in numbered {
                var r = FuzzRandom(seed: settings.seed, case: n.number)
                let folder = CaseFolder(path: root + "/list")
                try? FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
                let c = (try? n.generator.make(&r, folder, context, n.index))
                print("#\(n.number) [\(n.generator.kind)] \(c?.title ?? "?")\(c?.known.map { " (\($0))" } ?? "")")
            }
            removeTree(root)
            return
        }

        let started = ChildProcess.monotonicSeconds()
        let cases = numbered
        let next = Mutex(0)
        let results = Mutex([Result]())
        let workers = max(1, min(settings.jobs, numbered.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k: Int? = next.withLock { i in
                    guard i < cases.count else { return nil }
                    defer { i += 1 }
                    return i
                }
                guard let k else { return }
                let n = cases[k]
                let result: Result
                if ChildProcess.monotonicSeconds() - started > settings.budget {
                    result = Result(number: n.number, kind: n.generator.kind,
                                    fuzzCase: FuzzCase(title: "(not run)", arguments: [], expect: .either),
                                    problems: ["not run: the \(Int(settings.budget)) s time budget was used up"])
                } else {
                    result = run(n.number, n.generator, n.index, settings: settings, context: context, root: root)
                }
                results.withLock { $0.append(result) }
                if settings.single == nil {
                    let done = results.withLock { $0.count }
                    if done % 200 == 0 { FileHandle.standardError.write(Data("… \(done)/\(cases.count) cases\n".utf8)) }
                }
            }
        }
        let elapsed = ChildProcess.monotonicSeconds() - started
        let all = results.withLock { $0 }.sorted { $0.number < $1.number }
        report(all, settings: settings, elapsed: elapsed, root: root)
        if settings.single == nil && !settings.keep { removeTree(root) }
        exit(all.contains { !$0.problems.isEmpty } ? 1 : 0)
    }

    /// Builds, runs and judges one case in its own folder.
    static func run(_ number: Int, _ generator: Generator, _ index: Int, settings: Settings, context: FuzzContext, root: String) -> Result {
        let folder = CaseFolder(path: root + "/case-\(number)")
        let home = root + "/home-\(number)"
        try? FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var random = FuzzRandom(seed: settings.seed, case: number)
        let fuzzCase: FuzzCase
        do { fuzzCase = try generator.make(&random, folder, context, index) } catch {
            return Result(number: number, kind: generator.kind, fuzzCase: FuzzCase(title: "(generator failed)", arguments: [], expect: .either),
                          problems: ["harness: the generator failed: \(error)"])
        }
        let stdinPath = root + "/stdin-\(number)"
        FileManager.default.createFile(atPath: stdinPath, contents: Data(fuzzCase.stdin.utf8))
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "XDG_DATA_HOME": home + "/share",
                           "LANG": "C.UTF-8", "NO_COLOR": "1", "TERM": "dumb", "ALEXNET_LESSONS": context.lessonsDirectory]
        environment.merge(fuzzCase.environment) { $1 }
        let before = FileSnapshot(folder: folder.path)
        let companionOutcome = Mutex<RunOutcome?>(nil)
        let companionDone = DispatchSemaphore(value: 0)
        if let companion = fuzzCase.companion {
            let shared = environment
            Thread.detachNewThread {
                let o = ChildProcess.run([context.binary] + companion, environment: shared, stdinPath: stdinPath,
                                         timeout: settings.hang, memoryLimitKiB: settings.memoryMiB * 1024)
                companionOutcome.withLock { $0 = o }
                companionDone.signal()
            }
        }
        let outcome = ChildProcess.run([context.binary] + fuzzCase.arguments, environment: environment, stdinPath: stdinPath,
                                       timeout: settings.hang, memoryLimitKiB: settings.memoryMiB * 1024,
                                       fileSizeBlocks: fuzzCase.fileSizeBlocks)
        if fuzzCase.companion != nil { companionDone.wait() }
        let after = FileSnapshot(folder: folder.path)
        var problems = Verdict.problems(fuzzCase, outcome, hangLimit: settings.hang)
        if let other = companionOutcome.withLock({ $0 }) {
            problems += Verdict.problems(fuzzCase, other, hangLimit: settings.hang).map { "companion run: " + $0 }
        }
        problems += after.problems(since: before, inputs: fuzzCase.inputs, outputs: fuzzCase.outputs, folder: folder.path)
        if !outcome.timedOut, outcome.signal == nil, let extra = fuzzCase.check?(outcome, folder) { problems.append(extra) }
        if settings.single == nil && !settings.keep {
            removeTree(folder.path); removeTree(home); unlink(stdinPath)
        }
        return Result(number: number, kind: generator.kind, fuzzCase: fuzzCase, problems: problems, outcome: outcome)
    }

    static func report(_ results: [Result], settings: Settings, elapsed: Double, root: String) {
        if settings.single != nil, let r = results.first {
            print("case \(r.number) [\(r.kind)]: \(r.fuzzCase.title)\(r.fuzzCase.known.map { " (\($0))" } ?? "")")
            print("expect: \(r.fuzzCase.expect.rawValue)")
            print("files: \(root)/case-\(r.number)")
            print("command: \(shellQuoted([settings.binary] + r.fuzzCase.arguments))"
                  + (r.fuzzCase.stdin.isEmpty ? "" : " < \(root)/stdin-\(r.number)")
                  + (r.fuzzCase.environment.isEmpty ? "" : "  (environment: \(r.fuzzCase.environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")))"))
            if let o = r.outcome {
                print("exit: \(o.exitCode.map(String.init) ?? "signal \(o.signal ?? 0)")\(o.timedOut ? " (killed: hang)" : ""), "
                      + "\(String(format: "%.2f", o.seconds)) s, peak RSS \(o.maxRSSKiB / 1024) MiB")
                print("--- stderr\n\(o.stderr.suffix(3000))--- stdout (last 2000 bytes)\n\(o.stdout.suffix(2000))---")
            }
        }
        let failed = results.filter { !$0.problems.isEmpty }
        for r in failed {
            print("FAIL #\(r.number) [\(r.kind)] \(r.fuzzCase.title): \(r.problems.joined(separator: "; "))"
                  + (r.fuzzCase.known.map { " [known: \($0)]" } ?? " [new]")
                  + " — rerun: alexnet-fuzz --seed \(settings.seed) --case \(r.number)")
        }
        let slowest = results.compactMap { r in r.outcome.map { (r.number, $0.seconds) } }.sorted { $0.1 > $1.1 }.prefix(5)
        if settings.single == nil, !slowest.isEmpty {
            print("slowest: " + slowest.map { "#\($0.0) \(String(format: "%.1f", $0.1)) s" }.joined(separator: ", "))
        }
        if let heaviest = results.compactMap({ r in r.outcome.map { (r.number, $0.maxRSSKiB) } }).max(by: { $0.1 < $1.1 }) {
            print("peak RSS \(heaviest.1 / 1024) MiB (case #\(heaviest.0)); \(results.count) cases in \(String(format: "%.1f", elapsed)) s, seed \(settings.seed)")
        }
        print("\(results.count - failed.count) passed, \(failed.count) failed")
    }

    /// The shared fixtures: a tiny data set and a real checkpoint of the mini network trained on it.
    static func prepare(_ settings: Settings, root: String) -> FuzzContext {
        let tiny = TinyDataset(seed: 12)
        let fixture = CaseFolder(path: root + "/fixture")
        _ = fixture.writeData("data", tiny, gzip: false)
        let checkpointPath = fixture.file("base.safetensors")
        let stdin = fixture.file("stdin")
        FileManager.default.createFile(atPath: stdin, contents: Data())
        let probe = FuzzContext(binary: settings.binary, lessonsDirectory: settings.lessons, dataDirectory: settings.data,
                                checkpoint: [], tinyData: tiny)
        let made = ChildProcess.run([settings.binary] + probe.quickTrain(data: fixture.file("data"), extra: ["--save", checkpointPath]),
                                    environment: ["PATH": "/usr/bin:/bin", "HOME": root, "LANG": "C.UTF-8"], stdinPath: stdin,
                                    timeout: 60, memoryLimitKiB: settings.memoryMiB * 1024)
        guard made.exitCode == 0, let bytes = FileManager.default.contents(atPath: checkpointPath) else {
            fail("setup: could not make the base checkpoint (exit \(made.exitCode.map(String.init) ?? "signal")): \(made.stderr)")
        }
        return FuzzContext(binary: settings.binary, lessonsDirectory: settings.lessons, dataDirectory: settings.data,
                           checkpoint: [UInt8](bytes), tinyData: tiny)
    }

    static func parse(_ args: [String]) -> Settings {
        var s = Settings()
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--binary": s.binary = value()
            case "--lessons": s.lessons = value()
            case "--seed": guard let v = UInt64(value()) else { fail("--seed takes an unsigned integer") }; s.seed = v
            case "--case": guard let v = Int(value()), v >= 0 else { fail("--case takes a case number") }; s.single = v
            case "--jobs": guard let v = Int(value()), v >= 1 else { fail("--jobs takes a positive number") }; s.jobs = v
            case "--budget": guard let v = Double(value()), v > 0 else { fail("--budget takes seconds") }; s.budget = v
            case "--hang": guard let v = Double(value()), v > 0 else { fail("--hang takes seconds") }; s.hang = v
            case "--memory": guard let v = Int(value()), v >= 64 else { fail("--memory takes MiB (at least 64)") }; s.memoryMiB = v
            case "--only": s.only = value()
            case "--list": s.list = true
            case "--keep": s.keep = true
            case "--self-test": s.selfTest = true
            case "--help", "-h":
                print("""
                    usage: alexnet-fuzz [--binary PATH] [--seed S] [--case N] [--only KIND] [--jobs 2] [--budget 170]
                                        [--hang 20] [--memory 4096] [--lessons DIR] [--list] [--keep] [--self-test]
                    kinds: \(generators.map(\.kind).joined(separator: ", "))
                    """)
                exit(0)
            default: fail("unknown argument \(args[i]) (see --help)")
            }
            i += 1
        }
        return s
    }

    static func makeTemporaryDirectory() -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array((base + "/alexnet-fuzz-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { fail("cannot make a temporary folder in \(base)") }
        return String(cString: made)
    }

    static func removeTree(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func shellQuoted(_ words: [String]) -> String {
        words.map { w in
            w.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,".contains($0) }) && !w.isEmpty ? w : "'" + w.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("alexnet-fuzz: \(message)\n".utf8))
        exit(2)
    }
}
