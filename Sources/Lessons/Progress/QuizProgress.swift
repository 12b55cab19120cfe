/// What the learner has done in the quiz, per topic: saved as `progress.json`.
public struct QuizProgress: Sendable, Equatable, Codable {
    public struct TopicRecord: Sendable, Equatable, Codable {
        /// Quizzes taken.
        public var sessions: Int
        /// Questions answered right and asked, over all sessions.
        public var correct: Int
        public var asked: Int
        /// Best score as right answers out of questions, compared by fraction.
        public var bestCorrect: Int
        public var bestOutOf: Int
        public var lastCorrect: Int
        public var lastOutOf: Int
    }

    public var version = 1
    public var topics: [String: TopicRecord] = [:]

    public init() {}

    /// Adds one finished quiz; returns true when it is a new best for the topic.
    @discardableResult
    public mutating func record(topic: QuizTopic, correct: Int, outOf: Int) -> Bool {
        var r = topics[topic.rawValue] ?? TopicRecord(sessions: 0, correct: 0, asked: 0, bestCorrect: 0, bestOutOf: 0, lastCorrect: 0, lastOutOf: 0)
        r.sessions += 1; r.correct += correct; r.asked += outOf
        r.lastCorrect = correct; r.lastOutOf = outOf
        // Compare fractions without division: a/b > c/d ⇔ a·d > c·b; the first quiz always counts.
        let better = r.bestOutOf == 0 || correct * r.bestOutOf > r.bestCorrect * outOf
        if better { r.bestCorrect = correct; r.bestOutOf = outOf }
        topics[topic.rawValue] = r
        return better
    }
}
