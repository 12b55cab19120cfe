import Foundation

/// Command-line values: every numeric option of every command with negative, zero, huge, overflowing,
/// NaN/infinite and non-numeric values, plus text options, unknown options and unwritable output paths.
enum OptionCases {
    enum Kind: Sendable { case int, uint, real }

    struct Option: Sendable {
        let command: String
        let name: String
        let kind: Kind
        /// Values the option accepts (as documented by its help and validation).
        let valid: @Sendable (Double) -> Bool
        /// Accepted values above this legitimately run for minutes (`--epochs 300`): replaced by 2.
        var slowAbove: Double = .infinity
        /// A huge accepted value has no stated range yet, so it may be refused or handled (`either`).
        var hugeIsEither = true
        /// Huge accepted values are tried (off where one known cause would only repeat a 20 s hang).
        var huge = true
        /// Accepted values above this may be refused in one line: many threads' memory reserves count against the
        /// harness's 256 MiB address-space limit (`ulimit -v`), which the memory check takes into its budget.
        var eitherAbove: Double = .infinity
        var known: [String: String] = [:]
    }

    static let options: [Option] = [
        Option(command: "train", name: "epochs", kind: .int, valid: { $0 >= 1 }, slowAbove: 8),
        Option(command: "train", name: "batch", kind: .int, valid: { $0 >= 1 }),
        Option(command: "train", name: "lr", kind: .real, valid: { $0 > 0 && $0.isFinite },
               known: ["300": "issue12 crash 4: --lr 300 in ProgressLine", "100000": "issue12 crash 4: --lr 300 in ProgressLine"]),
        Option(command: "train", name: "seed", kind: .uint, valid: { _ in true }, hugeIsEither: false),
        Option(command: "train", name: "limit", kind: .int, valid: { $0 >= 1 }, hugeIsEither: false),
        Option(command: "train", name: "test-limit", kind: .int, valid: { $0 >= 1 }, hugeIsEither: false,
               known: ["0": "issue12 wrong: --test-limit 0 reports 100% accuracy"]),
        Option(command: "train", name: "threads", kind: .int, valid: { $0 >= 1 && $0 <= 256 }, eitherAbove: 16),
        Option(command: "compare", name: "target", kind: .real, valid: { $0 > 0 && $0 < 1 }),
        Option(command: "compare", name: "epochs", kind: .int, valid: { $0 >= 1 }, slowAbove: 8),
        Option(command: "compare", name: "batch", kind: .int, valid: { $0 >= 1 }),
        Option(command: "compare", name: "lr", kind: .real, valid: { $0 > 0 && $0.isFinite }),
        Option(command: "compare", name: "seed", kind: .uint, valid: { _ in true }, hugeIsEither: false),
        Option(command: "compare", name: "limit", kind: .int, valid: { $0 >= 1 }, hugeIsEither: false),
        Option(command: "compare", name: "threads", kind: .int, valid: { $0 >= 1 && $0 <= 256 }, huge: false, eitherAbove: 16),
        Option(command: "bench", name: "batch", kind: .int, valid: { $0 >= 1 }, slowAbove: 1000,
               known: ["100000": "issue12 memory: bench --batch 100000"]),
        Option(command: "bench", name: "steps", kind: .int, valid: { $0 >= 1 }, slowAbove: 8),
        Option(command: "bench", name: "threads", kind: .int, valid: { $0 >= 1 && $0 <= 256 }, huge: false, eitherAbove: 16),
        Option(command: "features", name: "index", kind: .int, valid: { $0 >= 0 && $0 < Double(TinyDataset.testCount) }, hugeIsEither: false,
               known: Dictionary(uniqueKeysWithValues: values.filter { Int($0).map { $0 < 0 || $0 >= TinyDataset.testCount } ?? false }
                   .map { ($0, "issue12 crash 3: out-of-range --index wraps or crashes") })),
        Option(command: "quiz", name: "count", kind: .int, valid: { $0 >= 1 },
               known: ["1000000000": "issue12 hang: quiz --count 1000000000", "9223372036854775807": "issue12 hang: quiz --count 1000000000"]),
        Option(command: "quiz", name: "seed", kind: .uint, valid: { _ in true }, hugeIsEither: false),
        Option(command: "explore", name: "train-limit", kind: .int, valid: { $0 >= 1 }),
    ]

    /// One of each kind of trouble: out of range, at the edges of Int/UInt64, overflowing, not finite, not a number.
    static let values = ["-1", "0", "1", "64", "300", "100000", "1000000000", "9223372036854775807", "9223372036854775808",
                         "-9223372036854775808", "18446744073709551616", "nan", "inf", "2.5", "abc", ""]

    static var table: [(option: Option, value: String)] {
        var rows: [(Option, String)] = []
        for o in options {
            for v in values {
                if !o.huge, let n = Double(v), n >= 100_000, n <= 1e19 { continue }
                rows.append((o, v))
            }
        }
        return rows
    }

    static let misc = 40
    static let generator = Generator(kind: "options", count: table.count + misc) { random, folder, context, index in
        let rows = table
        if index < rows.count { return make(rows[index].option, rows[index].value, random: &random, folder: folder, context: context) }
        return makeMisc(index - rows.count, random: &random, folder: folder, context: context)
    }

    static func base(_ command: String, folder: CaseFolder, context: FuzzContext) -> (args: [String], inputs: [String]) {
        let files = folder.writeData("data", context.tinyData, gzip: false)
        let dir = folder.file("data")
        switch command {
        case "train": return (context.quickTrain(data: dir), files)
        case "compare": return (["compare", "--preset", "mini", "--data", dir, "--limit", "64", "--epochs", "1", "--batch", "32",
                                 "--threads", "1", "--target", "0.9"], files)
        case "bench": return (["bench", "--preset", "mini", "--batch", "2", "--steps", "1", "--no-render", "--threads", "1"], files)
        case "features": return (["features", "--preset", "mini", "--data", dir], files)
        case "quiz": return (["quiz", "--plain", "--count", "2", "--seed", "1"], files)
        default: return (["explore", "--preset", "mini", "--data", dir], files)
        }
    }

    /// What the value should do to the option: accepted, refused, or unknowable; nil when it would run for minutes.
    static func expectation(_ o: Option, _ value: String) -> Expectation? {
        let number: Double?
        switch o.kind {
        case .int: number = Int(value).map(Double.init)
        case .uint: number = UInt64(value).map(Double.init)
        case .real: number = Double(value)
        }
        guard let number, o.valid(number) else { return .failure }
        if number > o.slowAbove && o.known[value] == nil { return nil }
        if o.command == "explore" { return .failure } // never a terminal here
        if number > o.eitherAbove { return .either }
        let huge = abs(number) >= 100_000 || (o.kind == .real && number >= 100)
        return huge && o.hugeIsEither ? .either : .success
    }

    static func make(_ o: Option, _ value: String, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) -> FuzzCase {
        var (args, inputs) = base(o.command, folder: folder, context: context)
        // A huge value of a time-like option (`--epochs`) is a legitimate request to run for hours: use 2.
        let value = expectation(o, value) == nil ? "2" : value
        let expect = expectation(o, value) ?? .success
        if let k = args.firstIndex(of: "--" + o.name) { args.removeSubrange(k...(k + 1)) }
        // `--opt=-1` so that a leading minus is never taken for another option.
        args.append(value.hasPrefix("-") || value.isEmpty || r.chance(0.5) ? "--\(o.name)=\(value)" : "--\(o.name)")
        if !args.last!.contains("=") { args.append(value) }
        var c = FuzzCase(title: "options: \(o.command) --\(o.name) '\(value)'", arguments: args, expect: expect, inputs: inputs,
                         usageAllowed: true, outputs: ["xdg", "xdg/alexnet-explorer", "xdg/alexnet-explorer/progress.json", "xdg/alexnet-explorer/progress.json.lock"],
                         environment: ["XDG_DATA_HOME": folder.file("xdg")], known: o.known[value])
        if o.command == "train" || o.command == "compare" {
            c.check = { run, _ in
                // An empty test set has no accuracy to report.
                run.exitCode == 0 && run.stdout.contains("test accuracy 100.00%") && o.name == "test-limit"
                    ? "wrong answer: test accuracy 100.00% with --test-limit \(value)" : nil
            }
        }
        return c
    }

    static func makeMisc(_ index: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) -> FuzzCase {
        let (trainArgs, inputs) = base("train", folder: folder, context: context)
        func c(_ title: String, _ args: [String], _ expect: Expectation, mustName: [String] = [], outputs: [String] = []) -> FuzzCase {
            FuzzCase(title: "options: " + title, arguments: args, expect: expect, inputs: inputs, mustName: mustName,
                     usageAllowed: mustName.isEmpty, outputs: outputs, environment: ["XDG_DATA_HOME": folder.file("xdg")])
        }
        switch index % 20 {
        case 0: return c("--preset bogus", ["shapes", "--preset", r.pick(["bogus", "", "ALEXNET", "mini "])], .failure)
        case 1: return c("--format bogus", ["shapes", "--format", r.pick(["xml", "", "JSON"])], .failure)
        case 2: return c("--preset and --config", ["shapes", "--preset", "mini", "--config", folder.file("x.yaml")], .failure)
        case 3: return c("unknown option", [r.pick(["shapes", "train", "quiz", "bench"]), "--" + r.pick(["bogus", "lr", "epoch", "-x"])], .failure)
        case 4: return c("unknown command", [r.pick(["bogus", "shape", "-x", "--", "help-me"])], .failure)
        case 5: return c("--activation bogus", trainArgs + ["--activation", r.pick(["swish", "", "ReLU"])], .failure)
        case 6: return c("--init bogus", trainArgs + ["--init", r.pick(["xavier", "", "He"])], .failure)
        case 7: return c("--activations list", ["compare", "--preset", "mini", "--data", folder.file("data"), "--limit", "64", "--threads", "1",
                                                "--target", "0.9", "--activations", r.pick(["", ",", "relu;tanh", "swish", "relu,swish"])], .failure)
        case 8: return c("--topic bogus", ["quiz", "--plain", "--topic", r.pick(["math", "", "ALL"])], .failure)
        case 9: return c("--layer bogus", [r.pick(["features", "filters"]), "--preset", "mini", "--layer", r.pick(["conv9", "", "fc6", "relu1x"])], .failure)
        case 10:
            let target = r.pick([folder.file("no/dir/ck.safetensors"), folder.path, "/proc/ck.safetensors"])
            return c("--save to \(target)", trainArgs + ["--save", target], .failure, mustName: [target])
        case 11:
            let target = r.pick([folder.file("no/dir/log.csv"), folder.path])
            return c("--log to \(target)", trainArgs + ["--log", target], .failure, mustName: [target])
        case 12:
            let target = r.pick([folder.file("no/dir/c.csv"), folder.path])
            return c("compare --csv to \(target)", ["compare", "--preset", "mini", "--data", folder.file("data"), "--limit", "64",
                                                    "--threads", "1", "--target", "0.9", "--csv", target], .failure, mustName: [target])
        case 13:
            var x = c("--save and --log into the folder", trainArgs + ["--save", folder.file("ck.safetensors"), "--log", folder.file("log.csv")], .success,
                      outputs: ["ck.safetensors", "log.csv"])
            x.check = { run, _ in
                guard run.exitCode == 0 else { return nil }
                return FileManager.default.fileExists(atPath: folder.file("ck.safetensors")) ? nil : "--save wrote nothing"
            }
            return x
        case 14: return c("an option given twice", trainArgs + ["--epochs", "1"], .either)
        case 15: return c("a missing value", [r.pick(["train", "quiz", "bench"]), r.pick(["--epochs", "--count", "--batch", "--seed"])], .failure)
        case 16: return c("an extra argument", ["shapes", "extra", "words"], .failure)
        case 17: return c("lesson with no file", ["lesson", "--plain"], .failure)
        case 18: return c("--help", [r.pick(["train", "shapes", "quiz", "lesson", "features"]), "--help"], .success)
        default: return c("--threads 1000", trainArgs + ["--threads", "1000"], .either)
        }
    }
}
