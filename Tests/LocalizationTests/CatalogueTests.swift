import Testing
@testable import Localization

/// Every language has every message, and uses only the values the message gives (the English text names
/// them all): a translation that is missing or that reads a value no caller supplies fails here, not in
/// front of a learner.
struct CatalogueTests {
    @Test(arguments: Language.allCases)
    func everyLanguageHasEveryMessage(_ language: Language) {
        for other in Language.allCases where other != language {
            let missing = Set(Messages.table(other).keys).subtracting(Messages.table(language).keys)
            #expect(missing.isEmpty, "\(language.rawValue) lacks \(missing.sorted()) that \(other.rawValue) has")
        }
    }

    @Test(arguments: Language.allCases.filter { $0 != .en })
    func translationsUseOnlyTheMessagesValues(_ language: Language) {
        for (key, english) in English.table {
            guard let translated = Messages.table(language)[key] else { continue }
            let extra = Messages.placeholders(in: translated).subtracting(Messages.placeholders(in: english))
            #expect(extra.isEmpty, "\(language.rawValue).\(key) uses \(extra.sorted()), which the message does not give")
            // Every value but English's plural ending must appear: a translation that drops a number lies.
            let dropped = Messages.placeholders(in: english).subtracting(Messages.placeholders(in: translated)).subtracting(Messages.pluralEndings)
            #expect(dropped.isEmpty, "\(language.rawValue).\(key) leaves out \(dropped.sorted())")
        }
    }

    /// Chinese messages are Chinese: no run of three English words outside `{…}`, backquotes and the
    /// names that stay as they are (commands, layer names, units).
    @Test func chineseHasNoEnglishSentence() {
        for (key, text) in Chinese.table {
            #expect(EnglishSentence.find(in: text) == nil, "zh.\(key): \(text)")
        }
    }

    @Test func valuesFillInEachLanguagesOrder() {
        Language.with(.en) { #expect(Messages.stepHeader(2, of: 5) == "── Step 2/5 ──") }
        Language.with(.zh) { #expect(Messages.stepHeader(2, of: 5) == "── 第 2/5 步 ──") }
        #expect(Messages.fill("{a} and {b}", ["b": 2, "a": 1]) == "1 and 2")
        #expect(Messages.fill("{unknown} stays", [:]) == "{unknown} stays")
    }

    @Test func localeVariablesChooseTheLanguage() {
        #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromLocale(["LANG": "zh_TW.UTF-8"]) == .zh)
        #expect(Language.fromLocale(["LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.fromLocale([:]) == .en)
        // LC_ALL wins over LANG, LC_MESSAGES over LANG; an empty variable does not count.
        #expect(Language.fromLocale(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromLocale(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C"]) == .zh)
        #expect(Language.fromLocale(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(arguments: ["quiz", "--lang", "zh"], environment: [:]) == .zh)
        #expect(Language.resolve(arguments: ["--lang=en"], environment: ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.resolve(arguments: ["--", "--lang", "zh"], environment: [:]) == .en)
    }
}
