import Testing
import AlexNetCore
@testable import Lessons

/// `layer.initbias` reads the layer's initial bias from the network's data (the paper: 1 in conv2,
/// conv4, conv5, fc6, fc7; 0 elsewhere).
@Suite struct InitialBiasExpressionTests {
    @Test(arguments: [("conv1", 0), ("conv2", 1), ("conv3", 0), ("conv4", 1), ("conv5", 1), ("fc6", 1), ("fc7", 1), ("fc8", 0)])
    func thePapersBiasesComeFromThePreset(layer: String, expected: Int) throws {
        let context = try LessonContext(preset: .alexnet)
        #expect(try CoreExpression("\(layer).initbias")!.evaluate(in: context).get() == .number(expected))
    }

    @Test func aLayerWithoutBiasesHasNone() throws {
        let context = try LessonContext(preset: .alexnet)
        guard case .failure(.notApplicable(_, let kind)) = CoreExpression("pool1.initbias")!.evaluate(in: context) else {
            Issue.record("pool1.initbias should not resolve"); return
        }
        #expect(kind == "maxpool")
    }
}
