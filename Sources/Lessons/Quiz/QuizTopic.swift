/// The groups of quiz questions a learner can pick, and whose best scores are kept.
public enum QuizTopic: String, Sendable, CaseIterable, Codable {
    case shapes, params, receptive, all

    /// The question kinds drawn for this topic.
    public var kinds: [QuizKind] {
        switch self {
        case .shapes: [.convOutput, .poolOutput, .paddingToKeepSize, .strideForTarget, .inputForExact]
        case .params: [.convParams, .fcParams, .layerMACs]
        case .receptive: [.receptiveField, .unitReceptiveBox]
        case .all: QuizKind.allCases
        }
    }
}
