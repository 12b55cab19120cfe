import Foundation

/// Checkpoints (safetensors + metadata) for `features --weights`, `filters --weights` and `train --resume`,
/// all derived from one real checkpoint of the mini network made at the start of the run.
enum CheckpointCases {
    static let generator = Generator(kind: "checkpoint", count: 140) { random, folder, context, index in
        try make(variant: index % 20, random: &random, folder: folder, context: context)
    }

    enum Use: CaseIterable { case features, filters, resume }

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        let path = folder.file("ck.safetensors")
        let dataFiles = folder.writeData("data", context.tinyData, gzip: false)
        let data = folder.file("data")
        guard var image = SafetensorsImage(context.checkpoint) else {
            return FuzzCase(title: "checkpoint: the base checkpoint does not parse (harness)", arguments: ["--no-such-option"], expect: .failure)
        }
        func run(_ use: Use, _ title: String, _ expect: Expectation, known: String? = nil, extra: [String] = []) -> FuzzCase {
            let args: [String]
            switch use {
            case .features: args = ["features", "--preset", "mini", "--weights", path, "--data", data] + extra
            case .filters: args = ["filters", "--preset", "mini", "--weights", path] + extra
            case .resume: args = context.quickTrain(data: data, epochs: 2, extra: ["--resume", path] + extra)
            }
            return FuzzCase(title: "checkpoint (\(use)): " + title, arguments: args, expect: expect,
                            inputs: [path] + dataFiles, mustName: [path], known: known)
        }
        func save(_ bytes: [UInt8]) { folder.write("ck.safetensors", bytes) }
        let use = r.pick(Use.allCases)
        switch variant {
        case 0:
            save(context.checkpoint)
            return run(use, "the unchanged checkpoint", .success)
        case 1:
            save(context.checkpoint)
            let (flag, value) = r.pick([("--limit", "32"), ("--limit", "128"), ("--batch", "16"), ("--batch", "64"), ("--test-limit", "16")])
            var args = context.quickTrain(data: data, epochs: 2)
            if let k = args.firstIndex(of: flag) { args[k + 1] = value }
            return FuzzCase(title: "checkpoint (resume): resumed with \(flag) \(value)",
                            arguments: args + ["--resume", path], expect: .success,
                            inputs: [path] + dataFiles, mustName: [path], known: "issue12 crash 1: resume with another --limit or --batch")
        case 2:
            let v = r.pick(["-5", "9223372036854775807", "-9223372036854775808", "100000000"])
            image.metadata["step"] = v
            save(image.encoded())
            return run(.resume, "metadata step \(v)", .either, known: "issue12 crash 1: metadata step -5 or Int.max")
        case 3:
            let v = r.pick(["-9223372036854775808", "-1", "9223372036854775807", "1000000"])
            image.metadata["epoch"] = v
            save(image.encoded())
            var c = run(.resume, "metadata epoch \(v)", v.hasPrefix("-") ? .failure : .either,
                        known: "issue12 hang: metadata epoch Int.min / Int.max (any out-of-range epoch)")
            c.check = { run, _ in
                // Resuming past the asked epochs must say so, not print a bare `done`.
                guard run.exitCode == 0, !v.hasPrefix("-") else { return nil }
                return run.stdout.contains("epoch 2/2") || run.stdout.lowercased().contains("already") || run.stdout.lowercased().contains("nothing")
                    ? nil : "silent: resumed past the last epoch and printed only done"
            }
            return c
        case 4:
            let v = r.pick(["-0.02", "0", "nan", "inf", "-inf", "1e309", "abc", ""])
            image.metadata["learning_rate"] = v
            save(image.encoded())
            return run(.resume, "metadata learning_rate '\(v)'", .failure, known: "issue12 wrong: checkpoint learning_rate accepted")
        case 5:
            let (key, v) = r.pick([("normalization_mean", "nan"), ("normalization_std", "0"), ("normalization_std", "nan"),
                                   ("normalization_std", "-1"), ("normalization_std", "inf"), ("normalization_mean", "inf"),
                                   ("normalization_mean", "1e39")])
            image.metadata[key] = v
            save(image.encoded())
            // The feature maps use the checkpoint's normalisation; a resumed run may measure its own.
            let target = r.pick([Use.features, .resume])
            return run(target, "metadata \(key) \(v)", target == .features ? .failure : .either,
                       known: key == "normalization_mean" && v == "nan" ? "issue12 wrong: normalization_mean nan gives blank maps" : nil)
        case 6:
            let key = r.pick(["format", "network", "epoch", "step", "learning_rate", "seed", "activation"])
            image.metadata[key] = nil
            save(image.encoded())
            return run(.resume, "metadata without \(key)", .failure)
        case 7:
            let (key, v) = r.pick([("epoch", "1.5"), ("seed", "-1"), ("seed", "18446744073709551616"), ("activation", "swish"),
                                   ("format", "alexnet-explorer-checkpoint-2"), ("step", " 3"), ("epoch", "")])
            image.metadata[key] = v
            save(image.encoded())
            return run(.resume, "metadata \(key) '\(v)'", .failure)
        case 8:
            image.metadata["network"] = r.pick(["alexnet", "", "../../etc", String(repeating: "n", count: 10000)])
            save(image.encoded())
            return run(use, "metadata network changed", .either)
        case 9:
            let full = image.encoded()
            let cut = r.int(0...(full.count - 1))
            save(Array(full[0..<cut]))
            return run(use, "truncated at byte \(cut) of \(full.count)", .failure)
        case 10:
            let length = r.pick([UInt64.max, 1 << 63, UInt64(context.checkpoint.count), 0, 1, 7])
            save(image.encoded(lengthOverride: length))
            return run(use, "header length \(length)", .failure)
        case 11:
            let (what, header): (String, String) = r.pick([
                ("header not JSON", "not json at all"),
                ("header a JSON array", "[1, 2, 3]"),
                ("header 100000-deep JSON", String(repeating: "[", count: 100000) + String(repeating: "]", count: 100000)),
                ("header with a number metadata", "{\"__metadata__\": {\"format\": 1}}"),
                ("header with a string metadata", "{\"__metadata__\": \"x\"}"),
                ("header with an empty object", "{}"),
                ("header with invalid UTF-8 escapes", "{\"\\ud800\": 1}"),
            ])
            save(image.encoded(rawHeader: header))
            return run(use, what, .failure)
        case 12:
            guard !image.entries.isEmpty else { return run(use, "no tensors", .failure) }
            let k = r.int(0...(image.entries.count - 1))
            // Momentum buffers only matter when resuming; a shape must really change to count as broken.
            let target = image.entries[k].name.hasPrefix("optimizer.") ? Use.resume : use
            var mutation = r.int(0...6)
            if mutation == 5, image.entries[k].shape == image.entries[k].shape.reversed() { mutation = 6 }
            let what: String
            switch mutation {
            case 0: what = "dtype I32"; image.entries[k].dtype = "I32"
            case 1: what = "dtype empty"; image.entries[k].dtype = ""
            case 2: what = "a negative dimension"; image.entries[k].shape = [-1] + image.entries[k].shape.dropFirst()
            case 3: what = "a shape whose size overflows"; image.entries[k].shape = [1 << 40, 1 << 40, 1 << 40]
            case 4: what = "a shape with a zero"; image.entries[k].shape = [0] + image.entries[k].shape.dropFirst()
            case 5: what = "a transposed shape"; image.entries[k].shape = image.entries[k].shape.reversed()
            default: what = "one float too few"; image.entries[k].data = Array(image.entries[k].data.dropLast(4))
            }
            save(image.encoded())
            return run(target, "tensor \(image.entries[k].name): \(what)", .failure)
        case 13:
            let dtype = r.pick(["F64", "F16", "BF16"])
            image.convert(to: dtype)
            save(image.encoded())
            return run(use, "every tensor stored as \(dtype)", .success)
        case 14:
            guard !image.entries.isEmpty else { return run(use, "no tensors", .failure) }
            let k = r.int(0...(image.entries.count - 1))
            let name = image.entries[k].name
            let weight = !name.hasPrefix("optimizer.")
            image.entries.remove(at: k)
            save(image.encoded())
            // A missing weight is fatal everywhere; a missing momentum buffer matters only to resume.
            return run(weight ? use : .resume, "without tensor \(name)", .failure)
        case 15:
            image.entries.append(.init(name: r.pick(["extra.weight", "features.99.bias", "optimizer.momentum.nothing"]),
                                       dtype: "F32", shape: [2], data: [0, 0, 128, 63, 0, 0, 128, 63]))
            save(image.encoded())
            return run(use, "an extra tensor", .either)
        case 16:
            let special: [UInt8] = r.pick([[0, 0, 192, 127], [0, 0, 128, 127], [0, 0, 128, 255], [255, 255, 127, 127]])
            for k in image.entries.indices where !image.entries[k].name.hasPrefix("optimizer.") && r.chance(0.5) {
                for j in stride(from: 0, to: image.entries[k].data.count, by: 4) where r.chance(0.1) {
                    image.entries[k].data.replaceSubrange(j..<(j + 4), with: special)
                }
            }
            save(image.encoded())
            var c = run(use, "NaN/Inf/huge weights \(special)", .either)
            c.mustName = [] // a divergence a few steps later may rightly speak of the training, not the file
            return c
        case 17:
            var bytes = image.encoded()
            let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
            for _ in 0..<r.int(1...8) { bytes[8 + r.int(0...(headerLength - 1))] ^= UInt8(1 << r.int(0...7)) }
            save(bytes)
            return run(use, "bits flipped in the header", .either)
        case 18:
            let (what, bytes): (String, [UInt8]) = r.pick([
                ("an empty file", []), ("7 bytes", [1, 2, 3, 4, 5, 6, 7]), ("a PNG file", PNGWriter.image(width: 4, height: 4, depth: 8, colorType: 0, random: &r)),
                ("random bytes", r.bytes(r.int(8...4096))), ("a YAML file", Array("input: [1, 28, 28]\n".utf8)),
            ])
            save(bytes)
            return run(use, what, .failure)
        default:
            let (what, target): (String, String) = r.pick([("a missing file", folder.file("none.safetensors")), ("a directory", data)])
            var c = run(use, what, .failure)
            c.arguments = c.arguments.map { $0 == path ? target : $0 }
            c.mustName = [target]
            c.inputs = dataFiles
            return c
        }
    }
}
