import Foundation

/// Lessons (YAML) for `lesson --check` and `lesson --plain`: random valid lessons built from steps known to
/// resolve, the shipped lessons, and broken ones.
enum LessonCases {
    static let generator = Generator(kind: "lesson", count: 160) { random, folder, context, index in
        try make(variant: index % 20, firstRound: index < 20, random: &random, folder: folder, context: context)
    }

    /// Steps that resolve on every preset (layer names shared by all of them).
    static let goodSteps = [
        // Texts show no number a question below asks (conv1's side and parameters): a lesson that showed
        // them before asking would fail `--check`'s answers-hidden rule, and these must pass.
        "  - text: \"The input has {input.values} values; the network has {total.params} parameters.\"\n",
        "  - show: walk conv1\n    text: \"conv1 has {conv1.channels} filters of {conv1.kernel}×{conv1.kernel}.\"\n",
        "  - question: What is conv1's output side?\n    answer: conv1.size\n    hint: use the formula\n    explain: \"{conv1.formula}\"\n",
        "  - question: How many parameters has conv1?\n    answer: conv1.params\n",
        "  - question: Pick b.\n    choices: [\"one\", \"two\", \"three\"]\n    answer: b\n",
        "  - question: Pick 1.\n    choices: [\"x\", \"y\"]\n    answer: 1\n",
        "  - show: shapes\n",
        "  - show: filters conv1\n",
        "  - show: walk\n",
        "  - text: |\n      A literal block with {conv1.macs} MACs\n      and {total.layers} learned layers.\n",
    ]

    static func validLesson(_ r: inout FuzzRandom, preset: String? = nil) -> String {
        var yaml = "title: \"Fuzz lesson \(r.int(0...999))\"\npreset: \(preset ?? r.pick(["alexnet", "alexnet-1tower", "torchvision", "mini"]))\nsteps:\n"
        for _ in 0..<r.int(1...8) { yaml += r.pick(goodSteps) }
        return yaml
    }

    /// `firstRound`: the first case of each variant; slow ones (a shipped lesson's real training, a step that
    /// may train for ever) walk through `--plain` only then, and are checked with `--check` afterwards.
    static func make(variant: Int, firstRound: Bool, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        let path = folder.file("lesson.yaml")
        func text(_ t: String) { folder.write("lesson.yaml", text: t) }
        func check(_ title: String, _ expect: Expectation, known: String? = nil) -> FuzzCase {
            FuzzCase(title: "lesson --check: " + title, arguments: ["lesson", "--check", path], expect: expect,
                     inputs: [path], mustName: [path], known: known, linter: true)
        }
        func plain(_ title: String, _ expect: Expectation, known: String? = nil) -> FuzzCase {
            FuzzCase(title: "lesson --plain: " + title, arguments: ["lesson", "--plain", path], expect: expect,
                     inputs: [path], mustName: [path], stdin: String(repeating: "s\n", count: 120), known: known)
        }
        let head = "title: t\npreset: alexnet\nsteps:\n"
        switch variant {
        case 0, 1:
            text(validLesson(&r))
            return check("valid random lesson", .success)
        case 2, 3:
            text(validLesson(&r))
            return plain("valid random lesson, walked through to the end", .success)
        case 4:
            let files = (try? FileManager.default.contentsOfDirectory(atPath: context.lessonsDirectory))?
                .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
            guard !files.isEmpty else { return check("shipped lessons missing", .success) }
            let name = r.pick(files)
            let bytes = FileManager.default.contents(atPath: context.lessonsDirectory + "/" + name).map { [UInt8]($0) } ?? []
            folder.write("lesson.yaml", bytes)
            // Walking a shipped lesson runs its `train:` steps for real (seconds to minutes): only those without one.
            let trains = String(decoding: bytes, as: UTF8.self).contains("train:")
            return firstRound && !trains ? plain("shipped \(name)", .success) : check("shipped \(name)", .success)
        case 5:
            let n = r.pick([160, 200, 1000, 27, 60])
            let choices = (0..<n).map { "\"c\($0)\"" }.joined(separator: ", ")
            text(head + "  - question: Which?\n    choices: [\(choices)]\n    answer: \(r.pick(["a", "2", "\(n)"]))\n")
            return check("a question with \(n) choices", n >= 160 ? .failure : .either,
                         known: n >= 160 ? "issue12 crash 5: 160 or more choices" : nil)
        case 6:
            text(r.pick([
                head + "  - text: one\n    text: two\n",
                "title: a\ntitle: b\npreset: alexnet\nsteps:\n  - text: x\n",
                head + "  - question: q\n    answer: 1\n    answer: 2\n",
            ]))
            var c = r.chance(0.5) ? check("duplicate key", .failure, known: "issue12 ugly: duplicate YAML keys")
                                  : plain("duplicate key", .failure, known: "issue12 ugly: duplicate YAML keys")
            c.linterSingle = true
            return c
        case 7:
            text(head + "  - text: before\n  - input: 1\n  - show: walk conv1\n    text: \"{conv1.output}\"\n")
            // --check must refuse it; --plain may refuse it or report it inside the session, but with file:line.
            let isPlain = r.chance(0.5)
            var c = isPlain ? plain("input: 1 (too small for conv1)", .either, known: "issue12 ugly: input 1 without file:line")
                            : check("input: 1 (too small for conv1)", .failure)
            c.check = { run, _ in
                let said = run.stderr + run.stdout
                guard said.contains("larger") || run.exitCode != 0 else { return nil }
                return said.contains(path + ":") ? nil : "the error about input 1 has no file:line"
            }
            return c
        case 8:
            let n = r.pick(["4611686018427387904", "9223372036854775807", "1000000000"])
            text(head + "  - input: \(n)\n  - show: walk conv1\n    text: \"{conv1.output}\"\n")
            if r.chance(0.5) {
                return check("input: \(n) (its shape arithmetic overflows)", .failure,
                             known: "issue12 wrong: lesson input 2^62 passes --check (unchecked shape arithmetic)")
            }
            var c = plain("input: \(n) (its shape arithmetic overflows)", .either)
            c.check = { run, _ in
                run.exitCode == 0 && run.stdout.range(of: #"(^|[ ×(])-[0-9]"#, options: .regularExpression) != nil
                    ? "wrong answer: a negative size or count in the session" : nil
            }
            return c
        case 9:
            let n = r.pick(["1000000000", "9223372036854775807", "10000000"])
            text("title: t\npreset: mini\nsteps:\n  - text: first\n  - train: \(n)\n")
            return firstRound ? plain("train: \(n)", .failure, known: "issue12 hang: lesson train 1000000000")
                              : check("train: \(n)", .failure, known: "issue12 hang: lesson train 1000000000")
        case 10:
            let v = r.pick(["0", "-1", "abc", "1.5", "[1]", "~", "-9223372036854775808"])
            text("title: t\npreset: mini\nsteps:\n  - train: \(v)\n")
            return check("train: \(v)", .failure)
        case 11:
            let p = r.pick(["{conv9.size}", "{conv1.nope}", "{conv1.size", "{}", "{.}", "{conv1.}", "{total.bogus}", "{input.size.x}"])
            text(head + "  - text: \"see \(p) here\"\n")
            return r.chance(0.7) ? check("placeholder \(p)", .failure) : plain("placeholder \(p)", .either)
        case 12:
            let (what, step) = r.pick([
                ("letter out of range", "  - question: q\n    choices: [a, b]\n    answer: c\n"),
                ("number out of range", "  - question: q\n    choices: [a, b]\n    answer: 0\n"),
                ("answer is text", "  - question: q\n    answer: lots\n"),
                ("wrong literal vs check", "  - question: q\n    answer: 34848\n    check: conv1.params\n"),
                ("check with choices", "  - question: q\n    choices: [a, b]\n    answer: a\n    check: conv1.params\n"),
                ("one choice", "  - question: q\n    choices: [a]\n    answer: a\n"),
                ("no answer", "  - question: q\n"),
                ("answer without question", "  - text: t\n    answer: 3\n"),
                ("check not an expression", "  - question: q\n    answer: 3\n    check: three\n"),
                ("answer of an unknown layer", "  - question: q\n    answer: conv9.params\n"),
                ("huge literal answer", "  - question: q\n    answer: 99999999999999999999999\n"),
            ])
            text(head + step)
            return check(what, .failure)
        case 13:
            let (what, yaml) = r.pick([
                ("no title", "preset: alexnet\nsteps:\n  - text: x\n"),
                ("no preset", "title: t\nsteps:\n  - text: x\n"),
                ("no steps", "title: t\npreset: alexnet\n"),
                ("steps empty", "title: t\npreset: alexnet\nsteps: []\n"),
                ("unknown top field", head + "  - text: x\nauthor: me\n"),
                ("unknown step field", head + "  - text: x\n    colour: red\n"),
                ("empty step", head + "  - {}\n"),
                ("two actions", head + "  - input: 224\n    preset: mini\n"),
                ("unknown preset", "title: t\npreset: vgg\nsteps:\n  - text: x\n"),
                ("title is a mapping", "title: {a: 1}\npreset: alexnet\nsteps:\n  - text: x\n"),
                ("steps is a mapping", "title: t\npreset: alexnet\nsteps: {text: x}\n"),
                ("a step is a list", head + "  - [text, x]\n"),
            ])
            text(yaml)
            return check(what, .failure)
        case 14:
            let show = r.pick(["walk conv9", "filters relu1", "features", "features nosuch", "nowhere", "walk conv1 extra", "", "train now"])
            text(head + "  - show: \(show)\n")
            return check("show: \(show)", .failure)
        case 15:
            let (what, bytes): (String, [UInt8]) = r.pick([
                ("random binary", r.bytes(r.int(1...2048))),
                ("empty file", []),
                ("invalid UTF-8", Array(head.utf8) + [0xFF, 0xFE, 0x80, 10]),
                ("NUL byte", Array((head + "  - text: a\u{0}b\n").utf8)),
                ("10000-deep nesting", Array(("title: " + String(repeating: "[", count: 10000) + String(repeating: "]", count: 10000) + "\n").utf8)),
            ])
            folder.write("lesson.yaml", bytes)
            return r.chance(0.5) ? check(what, .failure) : plain(what, .failure)
        case 16:
            var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for k in 1..<8 { yaml += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
            text("title: t\npreset: alexnet\nsteps: *a7\n" + yaml)
            return check("alias bomb in steps", .failure)
        case 17:
            text(head + "  - text: \"" + String(repeating: "long words {conv1.size} ", count: r.int(1000...20000)) + "\"\n")
            return r.chance(0.5) ? check("a huge text step", .either) : plain("a huge text step", .either)
        case 18:
            let name = r.pick(["no-such-lesson", "../../etc/passwd", "", "-", "shape-arithmetic/../x"])
            var c = FuzzCase(title: "lesson: name '\(name)'", arguments: ["lesson", "--plain", name], expect: .failure,
                             mustName: name.isEmpty ? [] : [name], usageAllowed: name.isEmpty || name == "-")
            c.environment["ALEXNET_LESSONS"] = context.lessonsDirectory
            return c
        default:
            // A valid lesson with one random line changed to something hostile.
            var lines = validLesson(&r).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let k = r.int(0...(lines.count - 2))
            lines[k] = r.pick([String(lines[k].dropFirst(r.int(0...max(0, lines[k].count)))), lines[k] + r.pick([":", " {", "]", " &a", " *b", " |"]),
                               "  - " + r.pick(Hostile.bigIntegers), "\t" + lines[k]])
            text(lines.joined(separator: "\n"))
            return check("a random lesson with one line mangled", .either)
        }
    }
}
