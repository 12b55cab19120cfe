import AlexNetCore
import Testing
@testable import Lessons

/// Placeholders against the paper's numbers, computed here by hand.
@Suite struct CoreFactsTests {
    static let facts = CoreFacts(report: try! Preset.alexnet.spec.shapeReport())

    @Test(arguments: [
        ("{conv1.output}", "96×55×55"),
        ("{conv1.output.height}", "\((227 - 11) / 4 + 1)"),
        ("{conv1.params}", NumberTextForTests.grouped(96 * 3 * 11 * 11 + 96)),
        ("{conv1.weights}", NumberTextForTests.grouped(96 * 3 * 11 * 11)),
        ("{conv1.biases}", "96"),
        ("{conv1.macs}", NumberTextForTests.grouped(55 * 55 * 96 * 3 * 11 * 11)),
        ("{conv1.activations}", NumberTextForTests.grouped(96 * 55 * 55)),
        ("{conv1.rf}", "11"),
        ("{pool1.rf}", "\(11 + (3 - 1) * 4)"),
        ("{conv1.formula}", "⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"),
        ("{conv2.kernel}/{conv2.stride}/{conv2.padding}/{conv2.groups}", "5/1/2/2"),
        ("{conv2.params}", NumberTextForTests.grouped(256 * 48 * 5 * 5 + 256)),
        ("{fc6.params}", NumberTextForTests.grouped(9216 * 4096 + 4096)),
        ("{total.params}", "60,965,224"),
        ("{input} is {input.height} high", "3×227×227 is 227 high"),
        ("no placeholders", "no placeholders"),
    ])
    func fillsPlaceholders(text: String, expected: String) throws {
        #expect(try Self.facts.fill(text) == expected)
    }

    @Test func totalParamsIsTheSumOfTheLearnedLayers() throws {
        let conv = (96 * 3 * 121 + 96) + (256 * 48 * 25 + 256) + (384 * 256 * 9 + 384)
            + (384 * 192 * 9 + 384) + (256 * 192 * 9 + 256)
        let fc = (9216 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000)
        #expect(try Self.facts.number("total.params") == conv + fc)
    }

    @Test(arguments: [
        ("conv1.output", "conv1.output is '96×55×55', not a number"),
        ("params", "'params' is not a core expression; expected layer.property, e.g. conv1.params"),
        ("total.weights", "unknown property 'weights' of total; expected one of: params, macs"),
        ("relu1.groups", "relu1 is a relu layer: it has no groups (only conv layers do)"),
    ])
    func rejectsWhatIsNotANumber(expression: String, message: String) {
        #expect(throws: FactError(message)) { try Self.facts.number(expression) }
    }
}
