import AlexNetCore

/// Fills `{conv1.output}`-style placeholders in lesson text with numbers from the core.
public enum PlaceholderText {
    /// The names between braces, in order.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}", let c = current {
                names.append(c); current = nil
            } else if current != nil { current!.append(ch) }
        }
        return names
    }

    /// The text with every placeholder replaced, or the messages of those that do not resolve.
    /// `experiment` is the session's measured comparison, for `{experiment.…}`; without one they read
    /// `unmeasured` (a handout puts a blank there for the student to fill in).
    public static func render(_ text: String, in context: LessonContext, experiment: ComparisonSummary? = nil,
                              unmeasured: String = ExperimentPlaceholder.notYet) -> Result<String, PlaceholderError> {
        var out = ""
        var problems: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" {
                if let c = current { out += "{" + c }
                current = ""
            } else if ch == "}", let c = current {
                current = nil
                if ExperimentPlaceholder.handles(c) {
                    switch ExperimentPlaceholder.value(c, result: experiment, unmeasured: unmeasured) {
                    case .success(let v): out += sentenceCased(v, after: out)
                    case .failure(let e): problems += e.messages
                    }
                    continue
                }
                guard let expression = CoreExpression(c) else {
                    problems.append("placeholder {\(c)} is not of the form {layer.field}")
                    continue
                }
                switch expression.evaluate(in: context) {
                case .success(let v): out += sentenceCased(v.description, after: out)
                case .failure(let e): problems.append("placeholder {\(c)} does not resolve: \(e)")
                }
            } else if current != nil {
                current!.append(ch)
            } else {
                out.append(ch)
            }
        }
        if let c = current { problems.append("unclosed placeholder {\(c)") }
        return problems.isEmpty ? .success(out) : .failure(PlaceholderError(messages: problems))
    }
}

extension PlaceholderText {
    /// A value that starts a sentence starts with a capital: "… = 54. {conv1.exactness}" reads
    /// "… = 54. Not exact: …", while "…: {conv1.exactness}" keeps "not exact".
    static func sentenceCased(_ value: String, after text: String) -> String {
        let before = text.reversed().drop { $0 == " " }
        guard let end = before.first, ".?!".contains(end), before.count < text.count,
              let first = value.first, first.isLowercase else { return value }
        return first.uppercased() + value.dropFirst()
    }
}

/// Placeholders that do not resolve, one message each.
public struct PlaceholderError: Error, Equatable {
    public var messages: [String]
}
