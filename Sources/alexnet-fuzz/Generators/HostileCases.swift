import Foundation

/// The second fuzzing round's findings (issue 28), one variant each: FIFOs and devices as inputs, overflowing
/// tensor shapes, alias bombs, huge configs, NaN weights, a full disk under `train --log`, parallel quizzes, control
/// characters in checkpoint metadata and file names, resume with every option changed, the memory budget.
enum HostileCases {
    static let variants = 14
    static let generator = Generator(kind: "hostile", count: variants * 3) { random, folder, context, index in
        try make(variant: index % variants, random: &random, folder: folder, context: context)
    }

    /// The base checkpoint's metadata, or nil when the harness's checkpoint does not parse.
    static func metadata(_ path: String) -> [String: String]? {
        FileManager.default.contents(atPath: path).flatMap { SafetensorsImage([UInt8]($0))?.metadata }
    }

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        let ck = folder.file("ck.safetensors")
        let image = folder.file("in.pgm")
        // A valid 28×28 grey image for the commands that need one beside the hostile input.
        folder.write("in.pgm", Array("P5 28 28 255\n".utf8) + (0..<(28 * 28)).map { UInt8(truncatingIfNeeded: $0 * 7) })
        guard var base = SafetensorsImage(context.checkpoint) else {
            return FuzzCase(title: "hostile: the base checkpoint does not parse (harness)", arguments: ["--version"], expect: .failure)
        }
        func fail(_ title: String, _ args: [String], names: [String], inputs: [String] = [], known: String,
                  maxRSS: Int? = 300) -> FuzzCase {
            FuzzCase(title: "hostile: " + title, arguments: args, expect: .failure, inputs: inputs, mustName: names,
                     known: known, maxRSSMiB: maxRSS)
        }
        switch variant {
        case 0:
            // A FIFO where a file is read: open() blocked forever.
            let fifo = folder.file("pipe")
            mkfifo(fifo, 0o644)
            let (what, args): (String, [String]) = r.pick([
                ("predict --image", ["predict", "--image", fifo]),
                ("features --image", ["features", "--preset", "mini", "--image", fifo]),
                ("neuron --image", ["neuron", "--preset", "mini", "--layer", "conv1", "--channel", "0", "--image", fifo]),
                ("filters --weights", ["filters", "--preset", "mini", "--weights", fifo]),
                ("shapes --config", ["shapes", "--config", fifo]),
                ("lesson --check", ["lesson", "--check", fifo]),
            ])
            var c = fail("a FIFO as \(what)", args, names: [fifo], known: "issue28 2: FIFO hangs in open()")
            c.linter = args[0] == "lesson"
            return c
        case 1:
            // A FIFO named like a data file inside --data.
            let files = folder.writeData("data", context.tinyData, gzip: false, omit: ["t10k-images-idx3-ubyte"])
            mkfifo(folder.file("data/t10k-images-idx3-ubyte"), 0o644)
            return fail("a FIFO as the test images in --data", ["features", "--preset", "mini", "--data", folder.file("data")],
                        names: [folder.file("data")], inputs: files, known: "issue28 2: FIFO hangs in open()")
        case 2:
            // Devices: /dev/zero never ends, /dev/urandom neither.
            let device = r.pick(["/dev/zero", "/dev/urandom"])
            let (what, args): (String, [String]) = r.pick([
                ("features --image", ["features", "--preset", "mini", "--image", device]),
                ("predict --image", ["predict", "--image", device]),
                ("filters --weights", ["filters", "--preset", "mini", "--weights", device]),
                ("train --resume", context.quickTrain(data: folder.file("data"), extra: ["--resume", device])),
                ("shapes --config", ["shapes", "--config", device]),
            ])
            if what == "train --resume" { _ = folder.writeData("data", context.tinyData, gzip: false) }
            return fail("\(device) as \(what)", args, names: [device], known: "issue28 3: /dev/zero read until memory ran out")
        case 3:
            // Shapes whose byte count wraps: [2, 2^61 + 400] F32 is 2^64 + 3,200 bytes, 3,200 after wrapping.
            let (shape, bytes): ([Int], Int) = r.pick([([2, (1 << 61) + 400], 3_200), ([1 << 62, 4], 0), ([4_611_686_018_427_387_904, 1, 2], 0),
                                                       ([3_074_457_345_618_258_603, 3], 4)])
            base.entries[0].shape = shape
            base.entries[0].data = [UInt8](repeating: 0, count: bytes)
            folder.write("ck.safetensors", base.encoded())
            let args = r.pick([["predict", "--weights", ck, "--image", image], ["filters", "--preset", "mini", "--weights", ck],
                               ["features", "--preset", "mini", "--weights", ck, "--image", image]])
            return fail("tensor shape \(shape) overflows", args, names: [ck], inputs: [ck, image],
                        known: "issue28 1: safetensors size check wrapped")
        case 4:
            // Billion laughs: nine anchors of nine aliases each.
            var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
            for k in 1..<names.count {
                yaml += "\(names[k]): &\(names[k]) [" + Array(repeating: "*\(names[k - 1])", count: 9).joined(separator: ",") + "]\n"
            }
            if r.chance(0.5) { yaml = "input: [1, 28, 28]\nlayers: [relu]\n" + yaml.replacingOccurrences(of: "a: &a", with: "x: &a") }
            let path = folder.write("laughs.yaml", text: yaml)
            let args = r.pick([["shapes", "--config", path], ["lesson", "--check", path], ["train", "--config", path, "--epochs", "1"]])
            var c = fail("YAML alias bomb (\(args[0]))", args, names: [path], inputs: [path],
                         known: "issue28 5: billion laughs took gigabytes", maxRSS: 400)
            c.linter = args[0] == "lesson"
            c.linterSingle = c.linter
            return c
        case 5:
            // Sizes that were quadratic: 10,000 repeated layers, 40,000 unknown lesson keys. Linear now.
            if r.chance(0.5) {
                let path = folder.write("deep.yaml", text: "input: [1, 28, 28]\nlayers:\n" + String(repeating: "  - relu\n  - dropout: 0.5\n", count: 5_000)
                                        + "  - flatten\n  - linear: 10\n")
                var c = FuzzCase(title: "hostile: a 10,002-layer config", arguments: ["shapes", "--config", path], expect: .success,
                                 inputs: [path], mustName: [path], known: "issue28 6: quadratic layer naming")
                c.check = { run, _ in run.seconds > 8 ? "slow: \(String(format: "%.1f", run.seconds)) s for 10,002 layers" : nil }
                return c
            }
            let path = folder.write("keys.yaml", text: "title: t\npreset: mini\n" + (0..<40_000).map { "k\($0): 1\n" }.joined() + "steps:\n  - text: hi\n")
            var c = FuzzCase(title: "hostile: a lesson with 40,000 unknown keys", arguments: ["lesson", "--check", path], expect: .failure,
                             inputs: [path], mustName: [path], known: "issue28 6: quadratic unknown-key check")
            c.linter = true
            c.check = { run, _ in run.seconds > 8 ? "slow: \(String(format: "%.1f", run.seconds)) s for 40,000 keys" : nil }
            return c
        case 6:
            // Nothing to show, or millions of outputs: refused or answered before anything big is allocated.
            if r.chance(0.5) {
                let path = folder.write("flat.yaml", text: "input: [3, 2000, 2000]\nlayers:\n  - flatten\n  - linear: 100\n")
                let args = r.pick([["filters", "--config", path, "--untrained"], ["features", "--config", path, "--untrained"]])
                return fail("\(args[0]) of a network without maps (1.2 G weights)", args, names: [path], inputs: [path],
                            known: "issue28 7: weights built before saying there is nothing to show", maxRSS: 400)
            }
            let path = folder.write("convonly.yaml", text: "input: [1, 600, 600]\nlayers:\n  - conv: {out: 1, kernel: 1}\n")
            var c = FuzzCase(title: "hostile: predict on a conv-only network with 360,000 outputs",
                             arguments: ["predict", "--config", path, "--untrained", "--image", image], expect: .success,
                             inputs: [path, image], mustName: [path], known: "issue28 7: one class label per output", maxRSSMiB: 300)
            c.check = { run, _ in run.seconds > 8 ? "slow: \(String(format: "%.1f", run.seconds)) s" : nil }
            return c
        case 7:
            // Non-finite weights: refused on load, naming the tensor.
            let k = r.int(0...(base.entries.count - 1))
            let value: Float = r.pick([.nan, .infinity, -.infinity])
            var data = base.entries[k].data
            let at = 4 * r.int(0...(data.count / 4 - 1))
            withUnsafeBytes(of: value.bitPattern.littleEndian) { for (i, b) in $0.enumerated() { data[at + i] = b } }
            base.entries[k].data = data
            folder.write("ck.safetensors", base.encoded())
            let name = base.entries[k].name
            // Momentum is read only by a resumed run; the weights by every command.
            let momentum = name.hasPrefix("optimizer.momentum.")
            if momentum { _ = folder.writeData("data", context.tinyData, gzip: false) }
            let args = momentum ? context.quickTrain(data: folder.file("data"), epochs: 2, extra: ["--resume", ck])
                : r.pick([["predict", "--weights", ck, "--image", image], ["filters", "--preset", "mini", "--weights", ck],
                          ["features", "--preset", "mini", "--weights", ck, "--image", image]])
            var c = fail("\(value) in \(name)", args, names: [ck], inputs: [ck, image], known: "issue28 8: NaN weights gave a confident answer")
            let visible = momentum ? String(name.dropFirst("optimizer.momentum.".count)) : name
            c.check = { run, _ in
                guard run.exitCode != 0 else { return nil }
                return run.stderr.contains(visible) ? nil : "the error does not name the tensor \(visible)"
            }
            return c
        case 8:
            // A full disk under `train --log`: the log is lost, the run and its checkpoint are not.
            _ = folder.writeData("data", context.tinyData, gzip: false)
            var c = FuzzCase(title: "hostile: train --log on a full disk (ulimit -f)",
                             // Batch 2: 32 steps write 1.3 KB of log, past the 512 bytes the disk takes.
                             arguments: context.quickTrain(data: folder.file("data"), extra: ["--log", folder.file("log.csv"), "--lr", "0.002"])
                                .map { $0 == "32" ? "2" : $0 },
                             expect: .success, outputs: ["log.csv", "data", "data/*"], known: "issue28 4: try! on a full disk")
            c.fileSizeBlocks = 1
            c.check = { run, _ in
                run.stderr.contains("log.csv: cannot write the log") ? nil : "no one-line warning about the log: \(Verdict.firstLine(run.stderr) ?? "")"
            }
            return c
        case 9:
            // Two quizzes finishing together on one progress file: both results kept.
            let xdg = folder.file("xdg")
            let path = xdg + "/alexnet-explorer/progress.json"
            let args = ["quiz", "--plain", "--count", "1", "--seed", "1", "--topic", "all"]
            var c = FuzzCase(title: "hostile: two quizzes at once on one progress file", arguments: args, expect: .success,
                             stdin: (1...8).map(String.init).joined(separator: "\n") + "\n",
                             outputs: ["xdg", "xdg/alexnet-explorer", "xdg/alexnet-explorer/progress.json*"],
                             environment: ["XDG_DATA_HOME": xdg], known: "issue28 11: one of two results lost")
            c.companion = args
            c.check = { _, _ in
                guard let data = FileManager.default.contents(atPath: path),
                      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                      let sessions = ((json["topics"] as? [String: Any])?["all"] as? [String: Any])?["sessions"] as? Int else {
                    return "no progress saved at \(path)"
                }
                return sessions == 2 ? nil : "lost result: \(sessions) session(s) recorded for two quizzes"
            }
            return c
        case 10:
            // Control characters in checkpoint metadata: shown as escapes, never sent to the terminal.
            let (key, value) = r.pick([("epoch", "\u{1B}[2J\u{1B}[31m3"), ("source", "\u{1B}]0;owned\u{07}"),
                                       ("test_accuracy", "\r\n\r\nfake line"), ("source", "\u{9B}2J")])
            base.metadata[key] = value
            folder.write("ck.safetensors", base.encoded())
            let args = r.pick([["predict", "--weights", ck, "--image", image], ["filters", "--preset", "mini", "--weights", ck],
                               ["features", "--preset", "mini", "--weights", ck, "--image", image]])
            var c = FuzzCase(title: "hostile: control characters in metadata \(key)", arguments: args, expect: .success,
                             inputs: [ck, image], mustName: [ck], known: "issue28 12: metadata printed raw")
            c.check = { run, _ in
                let raw = run.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{07}" || $0 == "\u{9B}" }
                    || run.stdout.split(separator: "\n").contains { $0.hasPrefix("fake line") }
                return raw ? "a control character from the metadata reached the terminal" : nil
            }
            return c
        case 11:
            // A file name with escapes in an error.
            let name = folder.file("evil\u{1B}[2J\u{1B}]0;t\u{07}.png")
            let args = r.pick([["predict", "--image", name], ["features", "--preset", "mini", "--image", name],
                               ["shapes", "--config", name]])
            var c = fail("control characters in a missing file's name", args, names: [folder.path], known: "issue28 12: file names printed raw")
            c.check = { run, _ in
                run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" } ? "the file name's escapes reached the terminal" : nil
            }
            return c
        case 12:
            // Resume with every recorded option changed: each applies and is noted; the saved run says so.
            folder.write("ck.safetensors", context.checkpoint)
            _ = folder.writeData("data", context.tinyData, gzip: false)
            let act = r.pick(["tanh", "sigmoid"]), lr = r.pick(["0.003", "0.0007"]), seed = String(r.int(2...99))
            let args = ["train", "--preset", "mini", "--data", folder.file("data"), "--epochs", "2", "--test-limit", "16",
                        "--threads", "1", "--resume", ck, "--save", folder.file("out.safetensors"),
                        "--activation", act, "--lr", lr, "--schedule", "constant", "--seed", seed, "--batch", "16",
                        "--limit", "32", "--no-augment", "--init", "paper"]
            var c = FuzzCase(title: "hostile: resume with every option changed", arguments: args, expect: .success,
                             inputs: [ck], mustName: [ck], outputs: ["out.safetensors", "data", "data/*"],
                             known: "issue28 9/10: resume ignored --activation and --lr")
            let out = folder.file("out.safetensors")
            c.check = { run, _ in
                guard let meta = metadata(out) else { return "no checkpoint saved" }
                if meta["activation"] != act { return "saved activation \(meta["activation"] ?? "none"), asked \(act)" }
                if meta["learning_rate"].flatMap(Double.init) != Double(lr) { return "saved learning_rate \(meta["learning_rate"] ?? "none"), asked \(lr)" }
                if meta["seed"] != seed { return "saved seed \(meta["seed"] ?? "none"), asked \(seed)" }
                let notes = run.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }
                for option in ["--activation", "--lr", "--schedule", "--seed", "--init"] where !notes.contains(where: { $0.contains(option) }) {
                    return "no note for the changed \(option)"
                }
                return nil
            }
            return c
        default:
            // The memory budget: mini at batch 4096 needs over 4 GiB; under the harness's address-space limit it must be
            // refused in one line before anything is allocated, not abort in the allocator.
            _ = folder.writeData("data", context.tinyData, gzip: false)
            return fail("train at batch 4096 under ulimit -v", context.quickTrain(data: folder.file("data")).map { $0 == "32" ? "4096" : $0 },
                        names: ["needs about"], known: "issue28 13: ulimit -v ignored", maxRSS: 300)
        }
    }
}
