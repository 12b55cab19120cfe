import Foundation

/// The languages the program speaks. English is the default and the reference every other catalogue is
/// checked against.
public enum Language: String, CaseIterable, Sendable {
    case en, zh

    /// The name a learner recognises, in that language (`English`, `简体中文`).
    public var name: String {
        switch self {
        case .en: "English"
        case .zh: "简体中文"
        }
    }

    /// The language the POSIX locale variables ask for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set and not empty decides (as `setlocale` reads them), `zh…` meaning Chinese and anything else
    /// English. Read from the variables, not from `setlocale`: `zh_CN.UTF-8` is often not generated, and
    /// then the C library falls back to "C" and would say English.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// `--lang en|zh` (or `--lang=zh`) anywhere among the arguments, else the locale. An unknown value is
    /// left to the argument parser, which names the choices; until then the locale decides.
    public static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
            i += 1
        }
        return fromLocale(environment)
    }

    // MARK: - The language in use

    /// Set once at start-up by the executable (from `resolve`), or to a lesson's own language while it is taken.
    private static let process = ProcessLanguage()

    /// Tests (and exports of a lesson in its own language) speak a language for one piece of work without
    /// touching the process's: a task-local value wins over the process's.
    @TaskLocal static var override: Language?

    /// The language every message is written in right now.
    public static var current: Language { override ?? process.value }

    /// The process's language, for the threads that do not inherit a task-local value (the terminal loop,
    /// background workers).
    public static func setProcessLanguage(_ language: Language) { process.value = language }

    /// Runs `body` with messages in `language` (this task only).
    public static func with<R>(_ language: Language, _ body: () throws -> R) rethrows -> R {
        try $override.withValue(language, operation: body)
    }
}

/// The process-wide language behind a lock: written once at start-up (and when a lesson in another
/// language starts), read from every thread that draws text.
private final class ProcessLanguage: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Language.en
    var value: Language {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
