import AlexNetCore
@testable import Lessons
import Testing

/// Placeholders against counts worked out by hand from the paper's layer settings.
@Suite struct CoreExpressionTests {
    static let paper = try! LessonContext(preset: .alexnet)

    @Test(arguments: [
        ("conv1.output", "55×55×96"),
        ("conv1.params", "34,944"),                   // 96·3·11·11 + 96
        ("conv1.weights", "34,848"),
        ("conv1.biases", "96"),
        ("conv2.params", "307,456"),                  // 256·48·5·5 + 256 (two groups)
        ("fc6.params", "37,752,832"),                 // 9216·4096 + 4096
        ("fc8.weights", "4,096,000"),
        ("conv1.macs", "105,415,200"),                // 96·55·55 · 3·11·11
        ("conv1.activations", "290,400"),             // 96·55·55
        ("conv1.rf", "11"),
        ("pool1.rf", "19"),                           // 11 + (3 − 1)·4
        ("pool5.output", "6×6×256"),
        ("flatten.size", "9,216"),
        ("conv2.groups", "2"),
        ("input.shape", "227×227×3"),
        ("total.layers", "8"),
        ("conv1.formula", "⌊(227 − 11 + 2·0)/4⌋ + 1 = 55"),
    ])
    func resolves(name: String, expected: String) throws {
        let value = try #require(CoreExpression(name)).evaluate(in: Self.paper).get()
        #expect(value.description == expected)
    }

    @Test func totalParamsIsTheSumOfTheLearnedLayers() throws {
        // conv1..conv5 (grouped as in the paper) and fc6..fc8, each weights + biases.
        let convs = [96 * 3 * 121 + 96, 256 * 48 * 25 + 256, 384 * 256 * 9 + 384, 384 * 192 * 9 + 384, 256 * 192 * 9 + 256]
        let fcs = [9216 * 4096 + 4096, 4096 * 4096 + 4096, 4096 * 1000 + 1000]
        let value = try #require(CoreExpression("total.params")).evaluate(in: Self.paper).get()
        #expect(value == .number(convs.reduce(0, +) + fcs.reduce(0, +)))
    }

    @Test func whatIfInputOf224DropsAPixel() throws {
        let context = try Self.paper.withInputSize(224)
        // (224 − 11)/4 = 53 r 1: 54 outputs, and the last pixel is never covered.
        #expect(try CoreExpression("conv1.size")!.evaluate(in: context).get() == .number(54))
        #expect(try CoreExpression("conv1.dropped")!.evaluate(in: context).get() == .number(1))
    }

    @Test func placeholderTextIsFilledIn() throws {
        let text = try PlaceholderText.render("conv1: {conv1.input} → {conv1.output}, {conv1.params} params", in: Self.paper).get()
        #expect(text == "conv1: 227×227×3 → 55×55×96, 34,944 params")
    }

    @Test func textStartingASentenceIsCapitalised() throws {
        let context = try Self.paper.withInputSize(224)
        let text = try PlaceholderText.render("With 224: {conv1.formula}. {conv1.exactness}. Or: {conv1.exactness}", in: context).get()
        #expect(text.hasPrefix("With 224: ⌊(224 − 11 + 2·0)/4⌋ + 1 = 54. Not exact: 213/4 leaves 1;"), "\(text)")
        #expect(text.contains(". Or: not exact: 213/4 leaves 1;"), "\(text)")
    }

    @Test(arguments: ["conv1", "conv1.params.x", ".params", "conv1 params", ""])
    func malformedNamesAreRejected(text: String) {
        #expect(CoreExpression(text) == nil)
    }

    @Test func fieldThatDoesNotApplyIsNamed() {
        guard case .failure(let e) = CoreExpression("fc6.kernel")!.evaluate(in: Self.paper) else {
            Issue.record("fc6.kernel should not resolve"); return
        }
        #expect(e.description == "fc6.kernel does not apply: fc6 is a linear layer")
    }
}
