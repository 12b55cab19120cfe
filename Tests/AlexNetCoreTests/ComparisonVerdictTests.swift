import Testing
@testable import AlexNetCore

/// The verdict names the winner from the steps, sets the paper beside it, and gives reasons whose numbers
/// are the curves' own.
@Suite struct ComparisonVerdictTests {
    static func curve(_ a: Activation, lr: Double, _ points: [(Int, Double)], measures: [LayerMeasure] = []) -> TrainingCurve {
        TrainingCurve(activation: a, points: points.enumerated().map { i, p in
            CurvePoint(step: p.0, epoch: Double(p.0) / 937, loss: 1, trainError: p.1,
                       layers: i == points.count - 1 ? measures : [])
        }, learningRate: lr, seed: 1)
    }

    static let reluMeasures = [
        LayerMeasure(layer: "conv1", saturation: 0.02, gradRatio: 0.01, deadChannels: 0, constantInput: 0.3),
        LayerMeasure(layer: "fc4", saturation: nil, gradRatio: 0.03),
    ]
    static let tanhMeasures = [
        LayerMeasure(layer: "conv1", saturation: 0.05, gradRatio: 0.02),
        LayerMeasure(layer: "fc4", saturation: nil, gradRatio: 0.04),
    ]

    /// The run the issue describes: tanh at 25% in 67 steps, ReLU in 125.
    @Test func tanhWinningIsNamedAndSetAgainstThePaper() {
        let s = ComparisonSummary(targets: [0.25, 0.15, 0.10], curves: [
            Self.curve(.relu, lr: 0.005, [(64, 0.4), (125, 0.25), (300, 0.14)], measures: Self.reluMeasures),
            Self.curve(.tanh, lr: 0.02, [(67, 0.24), (180, 0.15), (300, 0.12)], measures: Self.tanhMeasures),
        ])
        let v = ComparisonVerdict(summary: s)
        #expect(v.winner == .tanh)
        #expect(v.winnerLine == "tanh reached 25% in 67 steps, ReLU in 125: tanh was 1.9× faster here")
        #expect(v.paperLine.hasSuffix("Here tanh won: the reasons below are this run's."))
        #expect(v.paperLine.contains("six times"))
        // Steps per target and tanh/relu: 67/125, 180/300, and 10% reached by neither.
        #expect(v.targetRows == [["target", "relu", "tanh", "tanh/relu"], ["25%", "125", "67", "0.54"],
                                 ["15%", "300", "180", "0.60"], ["10%", "—", "—", "—"]])
        #expect(v.ratioLine == "tanh/relu steps by target: 25% 0.54 · 15% 0.60 · 10% —")
        let reasons = v.reasons
        // 67 steps of 937 per epoch.
        #expect(reasons[0].contains("25% took 67 steps here, 0.07 of an epoch of Fashion-MNIST"))
        #expect(reasons[1] == "Rates: ReLU 0.005, tanh 0.02 (each its fastest on the grid): tanh's is 4.0× ReLU's.")
        // lr·mean(‖∂W‖/‖W‖): ReLU 0.005·0.02 = 1e-4, tanh 0.02·0.03 = 6e-4.
        #expect(reasons[2].hasSuffix("tanh's steps moved its weights 6.0× as far."))
        #expect(reasons[3] == "ReLU units zero for the whole batch where their input varies: conv1 2%; dead channels 0%; "
            + "units on constant input (background, left out) 30% — too few to starve its gradient.")
        #expect(reasons[4] == "tanh units with |f′| < 0.1: conv1 5% — too few to starve its gradient.")
    }

    @Test(arguments: [
        ([(50, 0.2)], [(100, 0.5)], "only ReLU reached 25% (in 50 steps); tanh was at 50% after 100 steps: ReLU was faster here", Activation?.some(.relu)),
        ([(100, 0.3)], [(100, 0.5)], "neither reached 25% yet: ReLU 30% after 100 steps, tanh 50% after 100 steps", nil),
        ([(80, 0.2)], [(80, 0.24)], "ReLU and tanh both reached 25% in 80 steps: a tie here", nil),
        ([(40, 0.2)], [(240, 0.24)], "ReLU reached 25% in 40 steps, tanh in 240: ReLU was 6.0× faster here", .relu),
    ] as [([(Int, Double)], [(Int, Double)], String, Activation?)])
    func everyOutcomeHasItsSentence(relu: [(Int, Double)], tanh: [(Int, Double)], line: String, winner: Activation?) {
        let v = ComparisonVerdict(summary: ComparisonSummary(target: 0.25, curves: [
            Self.curve(.relu, lr: 0.01, relu), Self.curve(.tanh, lr: 0.01, tanh)]))
        #expect(v.winnerLine == line)
        #expect(v.winner == winner)
        if winner == .relu { #expect(v.paperLine.hasSuffix("Here ReLU won too.")) }
        #expect(v.reasons.contains("Rates: both ran at lr 0.01."))
    }
}
