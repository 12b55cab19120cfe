import Foundation

/// Network configs (YAML) for `shapes`, `features` and `train`: random valid networks whose totals the
/// harness computes itself, and every kind of broken one.
enum ConfigCases {
    static let generator = Generator(kind: "config", count: 240) { random, folder, context, index in
        try make(variant: index % variants, random: &random, folder: folder, context: context)
    }
    static let variants = 24

    /// A random network that must be accepted, as YAML, with its total parameter count.
    static func validNetwork(_ r: inout FuzzRandom, channels: Int? = nil, side: ClosedRange<Int> = 6...40,
                             classes: Int? = nil, named: Bool = false) -> (yaml: String, params: Int) {
        var c = channels ?? r.int(1...4)
        var h = r.int(side), w = r.int(side)
        var lines = ["name: fuzz\(r.int(0...999))", "input: [\(c), \(h), \(w)]", "layers:"]
        var params = 0
        var used = Set<String>()
        func name() -> String {
            guard named, r.chance(0.3) else { return "" }
            var n = "n\(r.int(0...99))"
            while used.contains(n) { n += "x" }
            used.insert(n)
            return ", name: \(n)"
        }
        // Spatial part: at least one conv first, so every network has feature maps.
        for k in 0..<r.int(1...5) {
            let kind = k == 0 ? 0 : r.int(0...5)
            switch kind {
            case 0, 1:
                let out = r.int(1...12)
                let pad = r.int(0...2)
                let kernel = r.int(1...min(7, min(h, w) + 2 * pad))
                let stride = r.int(1...3)
                let groups = (c % 2 == 0 && out % 2 == 0 && r.chance(0.3)) ? 2 : 1
                lines.append("  - {conv: {out: \(out), kernel: \(kernel), stride: \(stride), padding: \(pad), groups: \(groups)}\(name())}")
                params += out * (c / groups) * kernel * kernel + out
                h = (h + 2 * pad - kernel) / stride + 1; w = (w + 2 * pad - kernel) / stride + 1; c = out
            case 2:
                lines.append("  - " + r.pick(["relu", "tanh", "sigmoid"]))
            case 3:
                guard min(h, w) >= 2 else { continue }
                let kernel = r.int(2...min(3, min(h, w))), stride = r.int(1...2)
                lines.append("  - maxpool: {kernel: \(kernel), stride: \(stride)}")
                h = (h - kernel) / stride + 1; w = (w - kernel) / stride + 1
            case 4:
                lines.append(r.chance(0.5) ? "  - lrn" : "  - lrn: {size: \(r.pick([3, 5])), alpha: 0.0001, beta: 0.75, k: 2}")
            default:
                lines.append("  - dropout: \(r.pick(["0", "0.25", "0.5"]))")
            }
        }
        lines.append("  - flatten")
        var flat = c * h * w
        if r.chance(0.5) {
            let hidden = r.int(1...32)
            lines.append("  - linear: \(hidden)")
            lines.append("  - relu")
            params += flat * hidden + hidden
            flat = hidden
        }
        let out = classes ?? r.int(1...12)
        lines.append("  - {linear: \(out)\(name())}")
        params += flat * out + out
        if r.chance(0.5) { lines.append("  - softmax") }
        return (lines.joined(separator: "\n") + "\n", params)
    }

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        let path = folder.file("net.yaml")
        func text(_ t: String) { folder.write("net.yaml", text: t) }
        func shapes(_ title: String, _ expect: Expectation, known: String? = nil, format: String = "table") -> FuzzCase {
            FuzzCase(title: "config: " + title, arguments: ["shapes", "--config", path, "--format", format],
                     expect: expect, inputs: [path], mustName: [path], known: known)
        }
        func features(_ title: String, _ expect: Expectation, known: String? = nil) -> FuzzCase {
            FuzzCase(title: "config: " + title, arguments: ["features", "--config", path], expect: expect,
                     inputs: [path], mustName: [path], known: known)
        }
        let base = "name: n\ninput: [1, 28, 28]\nlayers:\n"
        switch variant {
        case 0:
            let (yaml, params) = validNetwork(&r, named: true)
            text(yaml)
            var c = shapes("valid random network (json totals checked)", .success, format: "json")
            c.check = { run, _ in
                guard run.exitCode == 0 else { return nil }
                guard let data = run.stdout.data(using: .utf8),
                      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    return "wrong answer: --format json output is not a JSON object"
                }
                let total = (json["total_params"] as? Int) ?? (json["totals"] as? [String: Any])?["params"] as? Int
                guard let total else { return "wrong answer: no total_params in the JSON" }
                return total == params ? nil : "wrong answer: total_params \(total), expected \(params)"
            }
            return c
        case 1:
            text(validNetwork(&r).yaml)
            return shapes("valid random network (\(["table", "markdown"][r.int(0...1)]))", .success,
                          format: r.pick(["table", "markdown"]))
        case 2:
            text(validNetwork(&r, channels: r.pick([1, 3]), side: 8...48).yaml)
            return features("valid random network through features (forward pass)", .success)
        case 3:
            let k = r.int(29...200)
            text(base + "  - conv: {out: 4, kernel: \(k)}\n  - flatten\n  - linear: 10\n")
            return shapes("conv kernel \(k) larger than the 28×28 input", .failure)
        case 4:
            let (field, value) = r.pick([("stride", "0"), ("stride", "-2"), ("padding", "-1"), ("kernel", "0"),
                                         ("out", "0"), ("out", "-3"), ("groups", "0"), ("groups", "3")])
            var fields = ["out": "4", "kernel": "3"]
            fields[field] = value
            let conv = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            text(base + "  - conv: {\(conv)}\n  - flatten\n  - linear: 10\n")
            return shapes("conv \(field) \(value)", .failure)
        case 5:
            let word = r.pick(["convv", "maxpoool", "Relu", "dense", "pool", "batchnorm", "", "\"conv \"", "123"])
            text(base + "  - conv: {out: 4, kernel: 3}\n  - \(word)\n  - flatten\n  - linear: 10\n")
            return shapes("unknown layer kind '\(word)'", .failure)
        case 6:
            let (what, yaml) = r.pick([
                ("out as text", base + "  - conv: {out: abc, kernel: 3}\n  - flatten\n  - linear: 10\n"),
                ("kernel 2.5", base + "  - conv: {out: 4, kernel: 2.5}\n  - flatten\n  - linear: 10\n"),
                ("input of 2 numbers", "input: [28, 28]\nlayers:\n  - flatten\n  - linear: 10\n"),
                ("input as text", "input: big\nlayers:\n  - flatten\n  - linear: 10\n"),
                ("input with a float", "input: [1, 28.5, 28]\nlayers:\n  - flatten\n  - linear: 10\n"),
                ("layers as a mapping", "input: [1, 28, 28]\nlayers: {conv: 3}\n"),
                ("layers empty", "input: [1, 28, 28]\nlayers: []\n"),
                ("no layers", "input: [1, 28, 28]\n"),
                ("no input", "layers:\n  - flatten\n  - linear: 10\n"),
                ("unknown top-level field", base + "  - flatten\n  - linear: 10\noptimizer: sgd\n"),
                ("linear as a list", base + "  - flatten\n  - linear: [10]\n"),
                ("conv with an unknown field", base + "  - conv: {out: 4, kernel: 3, dilation: 2}\n  - flatten\n  - linear: 10\n"),
                ("two kinds in one item", base + "  - {conv: {out: 4, kernel: 3}, relu: ~}\n  - flatten\n  - linear: 10\n"),
                ("a top-level list", "- conv\n- relu\n"),
                ("a top-level scalar", "just some words\n"),
                ("name as a list", "name: [a, b]\n" + base.dropFirst(8) + "  - flatten\n  - linear: 10\n"),
                ("relu with fields", base + "  - relu: {inplace: true}\n  - flatten\n  - linear: 10\n"),
                ("maxpool rounding bogus", base + "  - maxpool: {kernel: 2, stride: 2, rounding: up}\n  - flatten\n  - linear: 10\n"),
                ("maxpool without stride", base + "  - maxpool: {kernel: 2}\n  - flatten\n  - linear: 10\n"),
                ("maxpool padding over half the kernel", base + "  - maxpool: {kernel: 2, stride: 2, padding: 2}\n  - flatten\n  - linear: 10\n"),
            ])
            text(yaml)
            return shapes(what, .failure)
        case 7:
            let (what, yaml) = r.pick([
                ("duplicate key in a layer", base + "  - conv: {out: 4, kernel: 3, out: 8}\n  - flatten\n  - linear: 10\n"),
                ("duplicate top-level key", base + "  - flatten\n  - linear: 10\ninput: [1, 28, 28]\n"),
                ("duplicate key in a block mapping", base + "  - conv:\n      out: 4\n      kernel: 3\n      kernel: 5\n  - flatten\n  - linear: 10\n"),
            ] + [("duplicate key in a long file", base + String(repeating: "  - relu\n", count: r.int(60...140)) + "  - flatten\n  - linear: 10\nname: again\n")])
            text(yaml)
            var c = shapes(what, .failure, known: "issue12 ugly: duplicate YAML keys")
            c.check = { run, _ in
                // The message must point at the duplicate key's own line.
                let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { _, l in
                    (l.hasPrefix("input:") || l.hasPrefix("name: again") || l.contains("kernel: 5") || l.contains("out: 8"))
                }.last.map { $0.offset + 1 }
                guard run.exitCode != 0, let line else { return nil }
                return run.stderr.contains(":\(line):") ? nil : "error does not give the duplicate key's line \(line)"
            }
            return c
        case 8:
            let (what, yaml) = r.pick([
                ("unclosed flow sequence", "input: [1, 28, 28\nlayers:\n  - relu\n"),
                ("unclosed flow mapping", base + "  - conv: {out: 4, kernel: 3\n  - flatten\n"),
                ("bad indentation", "input: [1, 28, 28]\nlayers:\n  - conv:\n    out: 4\n   kernel: 3\n"),
                ("tab indentation", "input: [1, 28, 28]\nlayers:\n\t- relu\n"),
                ("stray colon", "input: [1, 28, 28]: x\nlayers:\n  - relu\n"),
                ("unclosed quote", "name: \"fuzz\ninput: [1, 28, 28]\nlayers:\n  - relu\n"),
                ("undefined alias", "input: *nothing\nlayers:\n  - relu\n"),
                ("a lone dash", "-\n"),
                ("a document separator then junk", "---\n...\n---\n: :\n"),
                ("a directive", "%YAML 9.9\n---\ninput: [1, 28, 28]\n"),
            ])
            text(yaml)
            return shapes(what, .failure)
        case 9:
            let (what, bytes, expect): (String, [UInt8], Expectation) = r.pick([
                ("random binary", r.bytes(r.int(1...4096)), .failure),
                ("text with a NUL byte", Array((base + "  - relu\u{0}\n").utf8), .failure),
                ("invalid UTF-8", Array(base.utf8) + [0xC3, 0x28, 0xFF, 0xFE, 10], .failure),
                ("control characters", Array((base + "  - re\u{7}lu\u{1B}[2J\n").utf8), .failure),
                ("an empty file", [], .failure),
                ("only a comment", Array("# nothing here\n".utf8), .failure),
                ("only whitespace", Array("   \n\n \n".utf8), .failure),
                ("a byte-order mark before a valid config", [0xEF, 0xBB, 0xBF] + Array((base + "  - flatten\n  - linear: 10\n").utf8), .either),
                ("CRLF line ends", Array((base + "  - flatten\n  - linear: 10\n").replacingOccurrences(of: "\n", with: "\r\n").utf8), .success),
                ("UTF-16 text", Array((base + "  - flatten\n").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), .failure),
                ("a 1 MB line", Array(("name: " + String(repeating: "x", count: 1 << 20) + "\n").utf8), .failure),
            ])
            folder.write("net.yaml", bytes)
            return shapes(what, expect)
        case 10:
            let depth = r.pick([1000, 10000, 50000])
            let (what, yaml) = r.pick([
                ("\(depth)-deep flow sequence", "input: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"),
                ("\(depth)-deep flow mapping", "layers: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"),
                ("\(depth / 10)-deep block sequence", "input: [1, 28, 28]\nlayers:\n" + (0..<(depth / 10)).map { String(repeating: " ", count: $0 * 2) + "-" }.joined(separator: "\n") + " relu\n"),
            ])
            text(yaml)
            return shapes(what, .failure)
        case 11:
            let (field, value, expect, known): (String, String, Expectation, String?) = r.pick([
                ("conv out", "4611686018427387904", .failure, "issue12 wrong: shapes overflows silently"),
                ("conv out", "9223372036854775807", .failure, nil),
                ("conv out", "9223372036854775808", .failure, nil),
                ("conv kernel", "9223372036854775807", .failure, nil),
                ("conv padding", "4611686018427387904", .failure, nil),
                ("conv padding", "9223372036854775807", .failure, nil),
                ("conv stride", "9223372036854775807", .either, nil),
                ("linear", "1099511627776", .failure, "issue12 wrong: linear 2^40 gives Total MACs 0"),
                ("linear", "9223372036854775807", .failure, nil),
                ("input side", "9223372036854775807", .failure, "issue12 wrong: Int.max input gives negative sizes"),
                ("input side", "4611686018427387904", .failure, nil),
                ("input side", "-9223372036854775808", .failure, nil),
                ("lrn size", "9223372036854775807", .either, nil),
                ("maxpool kernel", "9223372036854775807", .failure, nil),
                ("maxpool stride", "9223372036854775807", .either, nil),
                ("conv out", "1e30", .failure, nil),
            ])
            let yaml: String
            switch field {
            case "conv out": yaml = base + "  - conv: {out: \(value), kernel: 3}\n  - flatten\n  - linear: 10\n"
            case "conv kernel": yaml = base + "  - conv: {out: 4, kernel: \(value)}\n  - flatten\n  - linear: 10\n"
            case "conv padding": yaml = base + "  - conv: {out: 4, kernel: 3, padding: \(value)}\n  - flatten\n  - linear: 10\n"
            case "conv stride": yaml = base + "  - conv: {out: 4, kernel: 3, stride: \(value)}\n  - flatten\n  - linear: 10\n"
            case "linear": yaml = base + "  - flatten\n  - linear: \(value)\n"
            case "input side": yaml = "input: [1, \(value), \(value)]\nlayers:\n  - conv: {out: 4, kernel: 3}\n  - flatten\n  - linear: 10\n"
            case "lrn size": yaml = base + "  - conv: {out: 4, kernel: 3}\n  - lrn: {size: \(value)}\n  - flatten\n  - linear: 10\n"
            case "maxpool kernel": yaml = base + "  - maxpool: {kernel: \(value), stride: 2}\n  - flatten\n  - linear: 10\n"
            default: yaml = base + "  - maxpool: {kernel: 2, stride: \(value)}\n  - flatten\n  - linear: 10\n"
            }
            text(yaml)
            var c = shapes("\(field) \(value)", expect, known: known)
            c.check = { run, _ in
                guard run.exitCode == 0 else { return nil }
                // A table that was printed must not hold negative counts or a zero total of MACs.
                if run.stdout.range(of: #"(^|[ |,:])-[0-9]"#, options: .regularExpression) != nil {
                    return "wrong answer: a negative number in the table"
                }
                if run.stdout.contains("Total MACs: 0 ") { return "wrong answer: Total MACs: 0" }
                return nil
            }
            return c
        case 12:
            let (what, yaml) = r.pick([
                ("conv out 1000000000", base + "  - conv: {out: 1000000000, kernel: 3}\n  - flatten\n  - linear: 10\n"),
                ("linear 1000000000", base + "  - conv: {out: 4, kernel: 3}\n  - flatten\n  - linear: 1000000000\n"),
                ("input 3×100000×100000", "input: [3, 100000, 100000]\nlayers:\n  - conv: {out: 4, kernel: 3}\n  - flatten\n  - linear: 10\n"),
                ("input 1×8000×8000 with 512 maps", "input: [1, 8000, 8000]\nlayers:\n  - conv: {out: 512, kernel: 3, padding: 1}\n  - relu\n  - flatten\n  - linear: 10\n"),
            ])
            text(yaml)
            return features(what + " (needs more memory than the machine has)", .failure,
                            known: "issue12 crash 7 / memory: tensors too large to allocate")
        case 13:
            let n = r.int(27...60)
            text(base + "  - conv: {out: 2, kernel: 3}\n" + String(repeating: "  - relu\n", count: n) + "  - flatten\n  - linear: 10\n")
            return shapes("\(n) unnamed relu layers (automatic names must not collide)", .success,
                          known: "issue12 wrong: 27 unnamed relu layers collide")
        case 14:
            let levels = r.int(6...10)
            var yaml = "a0: &a0 [relu, relu, relu, relu, relu, relu, relu, relu, relu, relu]\n"
            for k in 1..<levels { yaml += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
            yaml = "input: [1, 28, 28]\nlayers: *a\(levels - 1)\n" + yaml
            text(yaml)
            return shapes("alias bomb, 10^\(levels) layers", .failure)
        case 15:
            let name = r.pick(["conv1", "x", "fc", "a b", "ünïcödé", "层"])
            text(base + "  - {conv: {out: 4, kernel: 3}, name: \"\(name)\"}\n  - {relu: ~, name: \"\(name)\"}\n  - flatten\n  - linear: 10\n")
            return shapes("two layers named '\(name)'", .failure)
        case 16:
            text(base + "  - flatten\n  - linear: \(r.int(2...64))\n  - relu\n  - linear: 10\n")
            var c = features("a network without conv layers", .either, known: "issue12 ugly: no feature maps for layer ''")
            c.check = { run, _ in
                guard run.exitCode != 0 else { return nil }
                return run.stderr.contains("layer ''") ? "message names an empty layer ''" : nil
            }
            return c
        case 17:
            let (what, yaml) = r.pick([
                ("softmax in the middle", base + "  - flatten\n  - softmax\n  - linear: 10\n"),
                ("linear on a C×H×W input", base + "  - conv: {out: 4, kernel: 3}\n  - linear: 10\n"),
                ("conv after flatten", base + "  - flatten\n  - conv: {out: 4, kernel: 3}\n"),
                ("maxpool after flatten", base + "  - flatten\n  - maxpool: {kernel: 2, stride: 2}\n"),
                ("lrn after flatten", base + "  - flatten\n  - lrn\n"),
                ("conv groups not dividing the channels", "input: [3, 28, 28]\nlayers:\n  - conv: {out: 4, kernel: 3, groups: 2}\n  - flatten\n  - linear: 10\n"),
                ("shrinking to nothing", base + String(repeating: "  - maxpool: {kernel: 2, stride: 2}\n", count: 6) + "  - flatten\n  - linear: 10\n"),
            ])
            text(yaml)
            return shapes(what, .failure)
        case 18:
            let (field, value, expect): (String, String, Expectation) = r.pick([
                ("alpha", ".nan", .failure), ("beta", ".nan", .failure), ("k", ".nan", .failure), ("k", "0", .failure),
                ("k", "-2", .failure), ("alpha", "-1", .failure), ("alpha", ".inf", .either), ("beta", "1e308", .either),
                ("size", "0", .failure), ("size", "-5", .failure), ("size", "4", .either), ("k", "nan", .failure),
            ])
            text(base + "  - conv: {out: 4, kernel: 3}\n  - lrn: {\(field): \(value)}\n  - flatten\n  - linear: 10\n")
            return r.chance(0.5) ? shapes("lrn \(field) \(value)", expect) : features("lrn \(field) \(value)", expect)
        case 19:
            let (value, expect): (String, Expectation) = r.pick([
                (".nan", .failure), ("1", .failure), ("1.0", .failure), ("-0.1", .failure), ("0.999", .success),
                ("0", .success), (".inf", .failure), ("50%", .failure), ("1e-320", .success),
            ])
            text(base + "  - flatten\n  - dropout: \(value)\n  - linear: 10\n")
            return shapes("dropout p \(value)", expect)
        case 20:
            let (what, argsPath, expect): (String, String, Expectation) = r.pick([
                ("a missing file", folder.file("absent.yaml"), .failure),
                ("a directory", folder.path, .failure),
                ("an empty path", "", .failure),
                ("/dev/null", "/dev/null", .failure),
            ])
            return FuzzCase(title: "config: " + what, arguments: ["shapes", "--config", argsPath], expect: expect,
                            mustName: argsPath.isEmpty ? [] : [argsPath], usageAllowed: argsPath.isEmpty)
        case 21:
            let n = r.pick([500, 2000])
            text(base + "  - conv: {out: 2, kernel: 3}\n" + String(repeating: "  - relu\n", count: n) + "  - flatten\n  - linear: 10\n")
            return shapes("\(n) layers", .success, known: "issue12 wrong: automatic relu names collide")
        case 22:
            // Through training: a valid config whose output has 10 classes trains on the tiny data.
            folder.writeData("data", context.tinyData, gzip: false).forEach { _ in }
            let classes = r.chance(0.8) ? 10 : r.pick([3, 11])
            let (yaml, _) = validNetwork(&r, channels: 1, side: 28...28, classes: classes)
            text(yaml)
            let ten = classes == 10
            let data = folder.file("data")
            return FuzzCase(title: "config: train a random network (\(ten ? "10 classes" : "wrong class count"))",
                            arguments: ["train", "--config", path, "--data", data, "--limit", "32", "--epochs", "1",
                                        "--test-limit", "16", "--batch", "16", "--threads", "1"],
                            expect: ten ? .success : .failure,
                            inputs: [path] + context.tinyData.files().map { data + "/" + $0.name }, mustName: [path])
        default:
            // A random valid network with one field changed at random to something hostile.
            var yaml = validNetwork(&r).yaml
            let numbers = yaml.ranges(of: /[0-9]+/)
            if !numbers.isEmpty {
                let target = numbers[r.int(0...(numbers.count - 1))]
                yaml.replaceSubrange(target, with: r.pick(Hostile.bigIntegers + Hostile.badIntegers.filter { !$0.isEmpty }))
            }
            text(yaml)
            var c = shapes("random network with one hostile number", .either)
            c.check = { run, _ in
                guard run.exitCode == 0 else { return nil }
                return run.stdout.range(of: #"(^|[ |,:])-[0-9]"#, options: .regularExpression) != nil
                    ? "wrong answer: a negative number in the table" : nil
            }
            return c
        }
    }
}
