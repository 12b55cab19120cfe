/// What the learner has done in the quiz, per topic: saved as `progress.json`.
public struct QuizProgress: Sendable, Equatable, Codable {
    /// The largest counter a real history can reach (a billion questions): a file claiming more was
    /// not written by this program, so it is treated as corrupt and set aside rather than trusted.
    public static let counterLimit = 1_000_000_000

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

        static let empty = TopicRecord(sessions: 0, correct: 0, asked: 0, bestCorrect: 0, bestOutOf: 0, lastCorrect: 0, lastOutOf: 0)

        /// Why this record cannot be a real history, or nil when it can.
        var implausibility: String? {
            let counters = [("sessions", sessions), ("correct", correct), ("asked", asked), ("bestCorrect", bestCorrect),
                            ("bestOutOf", bestOutOf), ("lastCorrect", lastCorrect), ("lastOutOf", lastOutOf)]
            if let (name, value) = counters.first(where: { !(0...QuizProgress.counterLimit).contains($0.1) }) {
                return "\(name) is \(value), outside 0…\(QuizProgress.counterLimit)"
            }
            if correct > asked || bestCorrect > bestOutOf || lastCorrect > lastOutOf {
                return "more right answers than questions"
            }
            return nil
        }
    }

    public var version = 1
    public var topics: [String: TopicRecord] = [:]

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        topics = try c.decode([String: TopicRecord].self, forKey: .topics)
        for (topic, record) in topics.sorted(by: { $0.key < $1.key }) {
            if let why = record.implausibility {
                throw DecodingError.dataCorruptedError(forKey: .topics, in: c, debugDescription: "topic '\(topic)': \(why)")
            }
        }
    }

    /// Adds one finished quiz; returns true when it is a new best for the topic. Totals saturate at
    /// `counterLimit` instead of trapping, so a result is always recorded (and saved).
    @discardableResult
    public mutating func record(topic: QuizTopic, correct: Int, outOf: Int) -> Bool {
        var r = topics[topic.rawValue] ?? .empty
        let correct = Self.clamped(correct), outOf = Self.clamped(outOf)
        r.sessions = Self.clamped(r.sessions, plus: 1)
        r.correct = Self.clamped(r.correct, plus: correct)
        r.asked = Self.clamped(r.asked, plus: outOf)
        r.lastCorrect = correct; r.lastOutOf = outOf
        // Compare fractions without division: a/b > c/d ⇔ a·d > c·b; the first quiz always counts.
        // Both products stay below limit² < Int.max.
        let better = r.bestOutOf == 0 || correct * Self.clamped(r.bestOutOf) > Self.clamped(r.bestCorrect) * outOf
        if better { r.bestCorrect = correct; r.bestOutOf = outOf }
        topics[topic.rawValue] = r
        return better
    }

    private static func clamped(_ a: Int, plus b: Int = 0) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? counterLimit : min(max(sum, 0), counterLimit)
    }
}
