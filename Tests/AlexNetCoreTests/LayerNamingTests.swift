import Testing
@testable import AlexNetCore

/// Automatic layer names never repeat and never take a name the user gave.
@Suite struct LayerNamingTests {
    @Test func thirtyUnnamedRelusGetThirtyNames() throws {
        let text = "input: [1, 8, 8]\nlayers:\n" + String(repeating: "  - relu\n", count: 30)
        let spec = try NetworkConfig.parse(text: text, file: "net.yaml")
        let names = spec.layers.map(\.name)
        #expect(Set(names).count == 30)
        // relu0, relu0b … relu0z (25 more), then relu0aa, relu0ab …
        #expect(Array(names.prefix(3)) == ["relu0", "relu0b", "relu0c"])
        #expect(names[25] == "relu0z")
        #expect(Array(names.suffix(4)) == ["relu0aa", "relu0ab", "relu0ac", "relu0ad"])
        _ = try spec.shapeReport()
    }

    @Test(arguments: [
        // A user name equal to the automatic one: the automatic name moves on.
        (["relu0", nil], ["relu0", "relu0b"]),
        ([nil, "relu0"], ["relu0b", "relu0"]),
        // …also past a taken suffix.
        ([nil, "relu0b", nil], ["relu0", "relu0b", "relu0c"]),
    ] as [([String?], [String])])
    func automaticNamesAvoidGivenNames(given: [String?], expected: [String]) {
        let kinds = [LayerKind](repeating: .activation(.relu), count: given.count)
        #expect(LayerNaming.names(for: kinds, given: given) == expected)
    }

    @Test func givenNameEqualToAnAutomaticOneParses() throws {
        let text = "input: [1, 8, 8]\nlayers:\n  - relu\n  - {tanh: , name: relu0}\n  - relu\n"
        let spec = try NetworkConfig.parse(text: text, file: "net.yaml")
        #expect(spec.layers.map(\.name) == ["relu0b", "relu0", "relu0c"])
    }

    @Test(arguments: [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "ab"), (52, "az"), (53, "ba"), (702, "zz"), (703, "aaa")])
    func lettersAreBijectiveBase26(n: Int, letters: String) {
        #expect(LayerNaming.letters(n) == letters)
    }

    @Test func swappingActivationsKeepsNamesUnique() throws {
        let text = "input: [1, 8, 8]\nlayers:\n  - relu\n  - relu\n  - {relu: , name: tanh0}\n"
        let spec = try NetworkConfig.parse(text: text, file: "net.yaml").replacingActivations(with: .tanh)
        // relu0b → tanh0b; relu0 would become tanh0, which the user's layer holds, so it stays relu0.
        #expect(spec.layers.map(\.name) == ["relu0", "tanh0b", "tanh0"])
        _ = try spec.shapeReport()
    }
}
