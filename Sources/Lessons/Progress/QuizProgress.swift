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

    /// Spaced repetition by question kind (Leitner boxes): a miss puts the kind in box 0, each right
    /// answer moves it up one box to `maxBox`. Kinds in low boxes come first in the next quiz.
    public struct KindRecord: Sendable, Equatable, Codable {
        public var asked: Int
        public var correct: Int
        public var box: Int
        /// Wrong answers (after both tries); absent in files written before it was kept.
        public var missed: Int?

        static let empty = KindRecord(asked: 0, correct: 0, box: 0, missed: 0)

        var implausibility: String? {
            if let (name, value) = [("asked", asked), ("correct", correct)].first(where: { !(0...QuizProgress.counterLimit).contains($0.1) }) {
                return "\(name) is \(value), outside 0…\(QuizProgress.counterLimit)"
            }
            if correct > asked { return "more right answers than questions" }
            if let missed, !(0...asked).contains(missed) { return "missed is \(missed), outside 0…\(asked)" }
            if !(0...QuizProgress.maxBox).contains(box) { return "box is \(box), outside 0…\(QuizProgress.maxBox)" }
            return nil
        }
    }

    /// The highest repetition box: a kind answered right this many times in a row is well known.
    public static let maxBox = 5

    public var version = 1
    public var topics: [String: TopicRecord] = [:]
    /// Per question kind (its raw name); absent in files written before spaced repetition.
    public var kinds: [String: KindRecord] = [:]

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        topics = try c.decode([String: TopicRecord].self, forKey: .topics)
        kinds = try c.decodeIfPresent([String: KindRecord].self, forKey: .kinds) ?? [:]
        for (topic, record) in topics.sorted(by: { $0.key < $1.key }) {
            if let why = record.implausibility {
                throw DecodingError.dataCorruptedError(forKey: .topics, in: c, debugDescription: "topic '\(topic)': \(why)")
            }
        }
        for (kind, record) in kinds.sorted(by: { $0.key < $1.key }) {
            if let why = record.implausibility {
                throw DecodingError.dataCorruptedError(forKey: .kinds, in: c, debugDescription: "kind '\(kind)': \(why)")
            }
        }
    }

    /// Moves each answered kind between boxes: a miss to box 0, a right answer one box up.
    public mutating func record(results: [QuizResult]) {
        for r in results {
            var k = kinds[r.kind.rawValue] ?? .empty
            k.asked = Self.clamped(k.asked, plus: 1)
            if r.right { k.correct = Self.clamped(k.correct, plus: 1) }
            // Only a first-try answer shows the kind is known; a second-try one keeps its box, a miss resets it.
            if r.rightFirstTime { k.box = min(k.box + 1, Self.maxBox) } else if !r.right { k.box = 0; k.missed = Self.clamped(k.missed ?? 0, plus: 1) }
            kinds[r.kind.rawValue] = k
        }
    }

    /// Kinds to ask again soon: those missed before and still in box 0 or 1, lowest box and most
    /// misses first (ties by name, so the order is stable).
    public var dueKinds: [QuizKind] {
        kinds.compactMap { name, record -> (QuizKind, KindRecord)? in
            // Only kinds actually missed: a kind answered right at every try is not "missed last time".
            let missed = record.missed ?? (record.asked - record.correct)
            guard let kind = QuizKind(rawValue: name), record.asked > 0, record.box < 2, missed > 0 else { return nil }
            return (kind, record)
        }
        .sorted { a, b in
            let (ma, mb) = (a.1.asked - a.1.correct, b.1.asked - b.1.correct)
            return (a.1.box, -ma, a.0.rawValue) < (b.1.box, -mb, b.0.rawValue)
        }
        .map(\.0)
    }

    /// Adds one finished quiz; returns true when it beats an earlier quiz's best for the topic with at least
    /// one right answer (a first quiz, or a first 0/1, is no "new best": there was nothing to beat). Totals saturate at
    /// `counterLimit` instead of trapping, so a result is always recorded (and saved).
    @discardableResult
    public mutating func record(topic: QuizTopic, correct: Int, outOf: Int) -> Bool {
        var r = topics[topic.rawValue] ?? .empty
        let correct = Self.clamped(correct), outOf = Self.clamped(outOf)
        r.sessions = Self.clamped(r.sessions, plus: 1)
        r.correct = Self.clamped(r.correct, plus: correct)
        r.asked = Self.clamped(r.asked, plus: outOf)
        r.lastCorrect = correct; r.lastOutOf = outOf
        // Compare fractions without division: a/b > c/d ⇔ a·d > c·b; the first quiz always sets the best.
        // Both products stay below limit² < Int.max.
        let first = r.bestOutOf == 0
        let better = first || correct * Self.clamped(r.bestOutOf) > Self.clamped(r.bestCorrect) * outOf
        if better { r.bestCorrect = correct; r.bestOutOf = outOf }
        topics[topic.rawValue] = r
        return better && !first && correct > 0
    }

    private static func clamped(_ a: Int, plus b: Int = 0) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? counterLimit : min(max(sum, 0), counterLimit)
    }
}
