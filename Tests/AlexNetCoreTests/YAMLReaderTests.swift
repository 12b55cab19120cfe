import Testing
@testable import AlexNetCore

/// The reader's own node type: what the YAML library composed, with lines, and nothing of the library.
@Suite struct YAMLReaderTests {
    @Test func nodesKeepTheirLinesAndOrder() throws {
        let root = try YAMLReader(file: "t.yaml").compose("""
            name: tiny
            layers:
              - relu
              - text: |
                  two
                  lines
            """)
        guard case .mapping(let pairs) = root.value else { Issue.record("expected a mapping"); return }
        #expect(pairs.map { $0.key.scalar } == ["name", "layers"])
        #expect(pairs.map { $0.key.line } == [1, 2])
        #expect(pairs[0].value == YAMLNode(.scalar("tiny", literalBlock: false), line: 1))
        guard case .sequence(let items) = pairs[1].value.value else { Issue.record("expected a list"); return }
        #expect(items.map(\.line) == [3, 4])
        #expect(items[0].scalar == "relu")
        guard case .mapping(let inner) = items[1].value else { Issue.record("expected a mapping"); return }
        #expect(inner[0].value.scalar?.hasPrefix("two\nlines") == true)
        #expect(inner[0].value.isLiteralBlock)
        #expect(!pairs[0].value.isLiteralBlock)
    }

    /// Yams resolves an alias to the anchored node while composing, so a reader never meets one.
    @Test func aliasesArriveResolved() throws {
        let r = YAMLReader(file: "a.yaml")
        let fields = try r.mapping(try r.compose("a: &x 7\nb: *x\n"), what: "the test")
        #expect(try fields.map { f throws(ConfigError) in try r.int(f.value, what: f.key) } == [7, 7])
    }

    @Test func typedAccessNamesWhatWasExpected() throws {
        let r = YAMLReader(file: "t.yaml")
        let root = try r.compose("a: [1, 2]\nb: x\n")
        let fields = try r.mapping(root, what: "the test")
        #expect(throws: ConfigError(file: "t.yaml", line: 1, message: "a must be a whole number, got a list")) {
            try r.int(fields[0].value, what: "a")
        }
        #expect(throws: ConfigError(file: "t.yaml", line: 2, message: "b must be a number, got 'x'")) {
            try r.double(fields[1].value, what: "b")
        }
    }
}
