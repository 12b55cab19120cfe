/// The kinds of question the quiz generator asks, each with the topic it belongs to.
public enum QuizKind: String, Sendable, CaseIterable {
    case convOutput = "conv output size"
    case poolOutput = "pool output size"
    case samePadding = "padding that keeps the size"
    case strideForTarget = "stride for a target size"
    case exactInput = "input size that tiles exactly"
    case groupedConvParams = "params of a grouped conv"
    case linearParams = "params of a fully connected layer"
    case layerMACs = "MACs of a layer"
    case receptiveField = "receptive field"

    public var topic: QuizTopic {
        switch self {
        case .convOutput, .poolOutput, .samePadding, .strideForTarget, .exactInput: .shapes
        case .groupedConvParams, .linearParams, .layerMACs: .params
        case .receptiveField: .receptive
        }
    }
}

/// What `--topic` selects.
public enum QuizTopic: String, Sendable, CaseIterable, Codable {
    case shapes, params, receptive, all

    public var kinds: [QuizKind] {
        self == .all ? QuizKind.allCases : QuizKind.allCases.filter { $0.topic == self }
    }
}

/// One generated question: the prompt, the core's answer and the working shown after a miss.
public struct QuizQuestion: Sendable, Equatable {
    public var kind: QuizKind
    public var prompt: String
    public var answer: Int
    public var worked: [String]
    /// The numbers the question was built from, so tests can redo the arithmetic independently.
    public var givens: [String: Int]
}
