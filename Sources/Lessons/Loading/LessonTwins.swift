import AlexNetCore
import Foundation
import Localization

/// A translation and its English twin must teach the same lesson: the same steps, the same actions and
/// screens, the same questions with the same answers (only the words differ). `lesson --check` reports a
/// pair that drifted apart, each difference at the translation's line.
public enum LessonTwins {
    /// The English twin's name for a translation's (`lessons/zh/01-x.yaml` → `lessons/01-x.yaml`), or nil
    /// when the name is not in a language folder.
    public static func twinName(of name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, let folder = parts.dropLast().last, Language(rawValue: String(folder)) != nil else { return nil }
        return (parts.dropLast(2) + [parts.last!]).joined(separator: "/")
    }

    /// The English twin's path of the translation at `path`, when that file exists.
    public static func englishTwin(of path: String) -> String? {
        twinName(of: path).flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// Every difference between `translation` and `english`, at the translation's lines.
    public static func differences(_ translation: Lesson, _ english: Lesson) -> [ConfigError] {
        var out: [ConfigError] = []
        func report(_ line: Int?, _ message: String) { out.append(ConfigError(file: translation.file, line: line, message: message)) }
        let twin = english.file
        if translation.preset != english.preset {
            report(nil, "preset \(translation.preset.rawValue) differs from its English twin \(twin) (\(english.preset.rawValue))")
        }
        if translation.steps.count != english.steps.count {
            report(nil, "has \(translation.steps.count) steps, its English twin \(twin) has \(english.steps.count): a translation keeps every step")
        }
        for (i, (mine, theirs)) in zip(translation.steps, english.steps).enumerated() {
            let at = "step \(i + 1) (\(twin):\(theirs.line.map(String.init) ?? "?"))"
            if mine.action != theirs.action {
                report(mine.actionLine ?? mine.line, "\(at): the action \(describe(mine.action)) differs from the English \(describe(theirs.action))")
            }
            if mine.show != theirs.show {
                report(mine.showLine ?? mine.line, "\(at): show \(mine.show.map(String.init(describing:)) ?? "nothing") differs from the English \(theirs.show.map(String.init(describing:)) ?? "nothing")")
            }
            switch (mine.question, theirs.question) {
            case (nil, nil): break
            case (nil, .some): report(mine.line, "\(at): the English step asks a question, this one does not")
            case (.some, nil): report(mine.line, "\(at): this step asks a question, the English one does not")
            case (.some(let q), .some(let e)):
                if let why = answerDifference(q.answer, e.answer) { report(q.answerLine ?? mine.line, "\(at): \(why)") }
            }
        }
        return out
    }

    /// Why two answers differ, or nil: expressions and numbers must be equal, choices as many with the
    /// same one right (their words are translated).
    static func answerDifference(_ a: LessonQuestion.Answer, _ b: LessonQuestion.Answer) -> String? {
        switch (a, b) {
        case (.expression(let x), .expression(let y)):
            return x == y ? nil : "the answer \(x) differs from the English \(y)"
        case (.literal(let x, let cx), .literal(let y, let cy)):
            if x != y { return "the answer \(x) differs from the English \(y)" }
            return cx == cy ? nil : "the check \(cx.map { "\($0)" } ?? "none") differs from the English \(cy.map { "\($0)" } ?? "none")"
        case (.choice(let xs, let x), .choice(let ys, let y)):
            if xs.count != ys.count { return "\(xs.count) choices, the English has \(ys.count)" }
            return x == y ? nil : "choice \(LessonSession.letter(x)) is right, in English \(LessonSession.letter(y))"
        default:
            return "the kind of answer differs from the English (a number, an expression or a choice)"
        }
    }

    static func describe(_ action: LessonAction?) -> String {
        guard let action else { return "(none)" }
        return "\(action)"
    }
}
