/// What the quiz remembers per topic: the best score and how many quizzes were taken.
public struct QuizProgress: Sendable, Equatable, Codable {
    public struct TopicRecord: Sendable, Equatable, Codable {
        public var bestScore: Int
        public var bestOutOf: Int
        public var attempts: Int

        public init(bestScore: Int, bestOutOf: Int, attempts: Int) {
            self.bestScore = bestScore; self.bestOutOf = bestOutOf; self.attempts = attempts
        }
    }

    public var version = 1
    public var topics: [String: TopicRecord] = [:]

    public init() {}

    /// Counts an attempt; the best score is the best fraction (ties go to the longer quiz).
    public mutating func record(topic: QuizTopic, score: Int, outOf: Int) {
        var r = topics[topic.rawValue] ?? TopicRecord(bestScore: 0, bestOutOf: 0, attempts: 0)
        r.attempts += 1
        let better = r.bestOutOf == 0 || score * r.bestOutOf > r.bestScore * outOf
            || (score * r.bestOutOf == r.bestScore * outOf && outOf > r.bestOutOf)
        if better { r.bestScore = score; r.bestOutOf = outOf }
        topics[topic.rawValue] = r
    }
}
