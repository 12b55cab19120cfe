#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The command line's manners, through the real binary. `--help` of the root and every subcommand: no
/// line wider than 80 columns (display width) whatever the terminal claims, and discussions written as
/// paragraphs, so that the parser's re-wrapping never breaks a line where the next word would still have
/// fitted. Unknown words get one line saying what there is.
@Suite struct CommandLineEndToEndTests {
    /// Terminal widths the parser may be told about: none (a pipe: its default) and a wide one.
    static let columns: [String?] = [nil, "200"]

    @Test func everyHelpFitsEightyColumns() throws {
        let root = try help([])
        let commands = Self.subcommands(in: root)
        // The list comes from the root's help, so a new subcommand is checked without editing this test.
        #expect(commands.count >= 11, "\(root)")
        #expect(commands.contains("explore") && commands.contains("lesson"))
        for path in [[]] + commands.map({ [$0] }) {
            for width in Self.columns {
                let text = try help(path, columns: width)
                for line in text.split(separator: "\n") {
                    #expect(Self.displayWidth(line) <= 80,
                            "alexnet \(path.joined(separator: " ")) --help (COLUMNS=\(width ?? "unset")) has a line of \(Self.displayWidth(line)) columns: \(line)")
                }
            }
        }
    }

    @Test func discussionsBreakOnlyWhereTheLineIsFull() throws {
        for command in Self.subcommands(in: try help([])) {
            let text = try help([command])
            // The prose between OVERVIEW and USAGE: the abstract and the discussion's paragraphs.
            guard let usage = text.range(of: "\nUSAGE:") else { Issue.record("no USAGE in \(command) --help"); continue }
            let lines = text[..<usage.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            // The parser keeps a word off a line it would end exactly at column 80, so a full line has 79.
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
                let word = next.split(separator: " ").first ?? ""
                #expect(Self.displayWidth(line) + 1 + Self.displayWidth(word) >= 80,
                        "alexnet \(command) --help breaks a sentence early: '\(line)' / '\(next)'")
            }
        }
    }

    @Test func unknownCommandListsTheCommands() throws {
        let out = try run(["bogus"])
        #expect(out.status == 64)
        #expect(out.stdout.isEmpty)
        let commands = Self.subcommands(in: try help([]))
        #expect(out.stderr == "error: unknown command 'bogus'; the commands are \(commands.joined(separator: ", ")) "
                + "(alexnet --help says what each does)\n")
        let typo = try run(["shaeps"])
        #expect(typo.stderr.hasPrefix("error: unknown command 'shaeps' (did you mean 'shapes'?); the commands are explore, "))
        // Options still reach the default subcommand (explore), and commands still run.
        let shapes = try run(["shapes", "--preset", "mini"])
        #expect(shapes.status == 0 && shapes.stdout.contains("conv1"), "\(shapes.stderr)")
        let file = try run(["/bin/sh"])
        #expect(file.status == 64 && file.stderr == "error: '/bin/sh' is a file, not a command; "
                + "a network: alexnet explore --config /bin/sh; a lesson: alexnet lesson /bin/sh\n")
        let option = try run(["--bogus-option"])
        #expect(option.status == 64 && option.stderr.contains("Unknown option '--bogus-option'"))
    }

    @Test func unknownPresetNamesThePresets() throws {
        let out = try run(["shapes", "--preset", "alexnot"])
        #expect(out.status == 64)
        // With eight presets the parser lists them one per line ("  - alexnet-1tower") instead of quoting them.
        #expect(out.stderr.contains("'alexnot'") && out.stderr.contains("alexnet-1tower") && out.stderr.contains("figure1")
                && out.stderr.contains("vgg16"), "\(out.stderr)")
        let text = try help(["shapes"])
        // The presets are listed from the type, each with its summary.
        #expect(text.contains("        mini              - small AlexNet for Fashion-MNIST"), "\(text)")
    }

    @Test func unknownLessonListsTheShippedOnes() throws {
        let out = try run(["lesson", "nonexistent"])
        #expect(out.status == 1)
        // The names as users type them (README: `alexnet lesson 01-shape-arithmetic`), with their numbers.
        #expect(out.stderr.hasPrefix("error: no lesson named 'nonexistent'; the shipped lessons are 01-shape-arithmetic, "
                                     + "02-where-the-parameters-live, "), "\(out.stderr)")
        #expect(out.stderr.hasSuffix(" (type a name or its number, e.g. alexnet lesson 01-shape-arithmetic or alexnet "
                                     + "lesson 1; alexnet lesson --list shows their titles)\n") && out.stderr.split(separator: "\n").count == 1)
        let typo = try run(["lesson", "dropuot"])
        #expect(typo.stderr.hasPrefix("error: no lesson named 'dropuot' (did you mean '06-dropout'?);"), "\(typo.stderr)")
        // The number alone names a lesson.
        let byNumber = try run(["lesson", "6", "--plain"])
        #expect(byNumber.status == 0 && byNumber.stdout.hasPrefix("# Dropout"), "\(byNumber.stdout.prefix(80)) \(byNumber.stderr)")
        // A name that looks like a file keeps the file's error.
        let file = try run(["lesson", "missing.yaml"])
        #expect(file.stderr == "error: missing.yaml: cannot read the file (No such file or directory)\n")
    }

    /// The bash completion the parser writes (what `make install` puts in place), run in bash as
    /// `complete -F _alexnet` calls it: commands, presets (from `Preset`), and the other value lists.
    @Test(arguments: [
        (["sh"], "shapes"),
        (["shapes", "--preset", ""], "alexnet alexnet-1tower torchvision mini figure1 lenet5 zfnet vgg16"),
        (["train", "--preset", "al"], "alexnet alexnet-1tower"),
        (["features", "--pr"], "--preset"),
        (["quiz", "--topic", "re"], "receptive"),
        (["lesson", "--export", ""], "markdown"),
        (["compare", "--init", ""], "paper he"),
    ])
    func bashCompletionOffersCommandsAndValues(words: [String], offered: String) throws {
        let script = try run(["--generate-completion-script", "bash"])
        try #require(script.status == 0, "\(script.stderr)")
        let line = (["alexnet"] + words).joined(separator: " ")
        let driver = """
            source /dev/stdin <<'COMPLETION'
            \(script.stdout)
            COMPLETION
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _alexnet alexnet "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            echo "${COMPREPLY[*]}"
            """
        let out = Spawn.run(["/bin/bash", "-c", driver, "bash", "alexnet"] + words, environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.status == 0 && out.stdout == offered + "\n", "\(line): \(out.stdout) \(out.stderr)")
    }

    @Test func lessonListKeepsOneTitleColumn() throws {
        let out = try run(["lesson", "--list"])
        #expect(out.status == 0, "\(out.stderr)")
        // Every lesson line: two spaces, the name, padding, the title, which starts in the same column.
        let rows = out.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(rows.count >= 17)
        let columns = Set(rows.map { row -> Int in
            let name = row.dropFirst(2).prefix { $0 != " " }
            let title = row.dropFirst(2 + name.count).drop { $0 == " " }
            return Self.displayWidth(row) - Self.displayWidth(title)
        })
        #expect(columns.count == 1, "title columns \(columns.sorted()) in:\n\(out.stdout)")
        #expect(out.stdout.contains("  04-local-response-normalization  Local response normalization"))
    }

    // MARK: - Helpers

    func help(_ path: [String], columns: String? = nil) throws -> String {
        let out = try run(path + ["--help"], columns: columns)
        #expect(out.status == 0, "\(path) --help: \(out.stderr)")
        return out.stdout
    }

    func run(_ arguments: [String], columns: String? = nil) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        var environment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"]
        if let columns { environment["COLUMNS"] = columns }
        return Spawn.run([binary] + arguments, environment: environment)
    }

    /// The names under SUBCOMMANDS: in the root's help (`  explore (default)   Open …`).
    static func subcommands(in rootHelp: String) -> [String] {
        guard let start = rootHelp.range(of: "SUBCOMMANDS:\n") else { return [] }
        return rootHelp[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Columns a terminal gives the text: 0 for combining marks, 2 for East Asian wide characters.
    static func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark { return sum }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}
