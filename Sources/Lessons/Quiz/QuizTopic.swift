/// The groups of quiz questions a learner can pick, and whose best scores are kept.
public enum QuizTopic: String, Sendable, CaseIterable, Codable {
    case shapes, params, receptive, cost, operations, all

    /// The question kinds drawn for this topic.
    public var kinds: [QuizKind] {
        switch self {
        case .shapes: [.convOutput, .poolOutput, .paddingToKeepSize, .strideForTarget, .inputForExact, .poolCeil]
        case .params: [.convParams, .fcParams, .layerMACs, .mostParams, .whatIfParams]
        case .cost: [.layerMACs, .activationMemory, .macsShare, .whatIfParams]
        case .operations: [.dropoutExpectation, .lrnValue, .poolCeil]
        case .receptive: [.receptiveField, .unitReceptiveBox]
        case .all: QuizKind.allCases
        }
    }
}
