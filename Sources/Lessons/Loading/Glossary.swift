import AlexNetCore
import Foundation

/// A translation's glossary (`lessons/zh/GLOSSARY.md`): the one spelling of each term the course uses and
/// the other spellings it avoids. Read from the Markdown table itself, so the page people read is the list
/// the checker applies: rows `| English | 术语 | other spellings, comma-separated |`.
public struct Glossary: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public var english: String
        public var term: String
        public var avoided: [String]
    }

    public var terms: [Term]

    public init(terms: [Term]) { self.terms = terms }

    /// The table rows of a glossary page (the header and its `---` row are skipped).
    public init(markdown: String) {
        terms = markdown.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, !cells[1].isEmpty, !cells[1].hasPrefix("-"), cells[0] != "English" else { return nil }
            let avoided = cells[2].split(whereSeparator: { "、,，".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Term(english: cells[0], term: cells[1], avoided: avoided)
        }
    }

    /// The glossary beside a lesson file (its folder's `GLOSSARY.md`), if there is one.
    public static func beside(_ path: String) -> (glossary: Glossary, file: String)? {
        let file = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("GLOSSARY.md")
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return (Glossary(markdown: text), file)
    }

    /// The avoided spellings in `text`, each with the term to use. The term itself is taken out first, so
    /// an avoided spelling inside it (下取整 in 向下取整) is not reported.
    public func misspellings(in text: String) -> [(found: String, use: String)] {
        var found: [(String, String)] = []
        for t in terms {
            let rest = text.replacingOccurrences(of: t.term, with: "　")
            for a in t.avoided where rest.contains(a) { found.append((a, t.term)) }
        }
        return found
    }

    /// `lesson --check`'s warnings for a lesson: each avoided spelling at its line.
    public func warnings(for lesson: Lesson, glossaryFile: String) -> [ConfigError] {
        var out: [ConfigError] = []
        for (found, use) in misspellings(in: lesson.title) {
            out.append(ConfigError(file: lesson.file, line: nil, message: "warning: title: '\(found)' is spelled '\(use)' in \(glossaryFile)"))
        }
        for step in lesson.steps {
            var texts: [(String, String?)] = [("text", step.text), ("question", step.question?.prompt),
                                              ("hint", step.question?.hint), ("explain", step.question?.explanation)]
            if case .choice(let options, _)? = step.question?.answer { texts += options.map { ("choices", $0) } }
            for (key, text) in texts {
                guard let text else { continue }
                let location = step.textLocations[key]
                let lines = location?.isLiteralBlock == true ? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [text]
                for (i, part) in lines.enumerated() {
                    for (found, use) in misspellings(in: part) {
                        let line = location.map { $0.isLiteralBlock ? $0.line + 1 + i : $0.line } ?? step.line
                        out.append(ConfigError(file: lesson.file, line: line, message: "warning: '\(found)' is spelled '\(use)' in \(glossaryFile)"))
                    }
                }
            }
        }
        return out
    }
}
