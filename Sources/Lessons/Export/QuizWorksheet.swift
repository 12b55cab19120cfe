import AlexNetCore

/// A seeded quiz as a Markdown worksheet: the very questions `alexnet quiz --seed N --count K` asks,
/// numbered, with answers and worked formulas only in the instructor's copy.
public enum QuizWorksheet {
    public static func markdown(_ questions: [QuizQuestion], topic: QuizTopic, seed: UInt64, answers: Bool) -> String {
        let command = "alexnet quiz --seed \(seed) --count \(questions.count)" + (topic == .all ? "" : " --topic \(topic.rawValue)")
        var out = ["# Quiz: \(topic.rawValue), \(questions.count) question\(questions.count == 1 ? "" : "s") (seed \(seed))", ""]
        out.append("Every student who runs `\(command)` gets these questions in this order. Answers are whole numbers.")
        if answers { out += ["", "**Instructor's copy: answers and worked formulas included.**"] }
        for (i, q) in questions.enumerated() {
            out += ["", "## \(i + 1). \(q.kind.title)", "", q.prompt, ""]
            if answers {
                let also = q.alsoRight.isEmpty ? "" : " (also right: \(q.alsoRight.map(NumberText.grouped).joined(separator: ", ")))"
                out.append("> **Answer:** \(NumberText.grouped(q.answer))\(also)")
                out.append(">")
                out += q.worked.map { "> `\($0)`  " }
            } else {
                out.append("Answer: ______________________")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The machine-readable result line of `quiz --plain --format json`: score, per-kind results and
    /// the seed, on one line so an instructor can collect them with `tail -n 1`.
    public static func resultLine(session: QuizSession, topic: QuizTopic, seed: UInt64) -> String {
        var perKind: [(String, JSONValue)] = []
        for kind in QuizKind.allCases {
            let mine = session.results.filter { $0.kind == kind }
            guard !mine.isEmpty else { continue }
            perKind.append((kind.rawValue, .object([("asked", .int(mine.count)), ("right", .int(mine.filter(\.right).count)),
                                                    ("firstTry", .int(mine.filter(\.rightFirstTime).count))])))
        }
        let json = JSONValue.object([
            ("seed", .string(String(seed))), ("topic", .string(topic.rawValue)),
            ("count", .int(session.questions.count)), ("asked", .int(session.asked)), ("correct", .int(session.correct)),
            ("firstTry", .int(session.firstTry)), ("secondTry", .int(session.correct - session.firstTry)),
            ("kinds", .object(perKind)),
        ])
        return json.text()
    }
}
