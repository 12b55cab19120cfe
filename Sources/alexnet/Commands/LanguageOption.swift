import ArgumentParser
import Localization

extension Language: ExpressibleByArgument {}

/// `--lang en|zh` on every command. The language is chosen before the arguments are parsed
/// (`Language.resolve` in `AlexNet.main`, so even the parser's errors come after it); this option is what
/// the parser accepts and what `--help` lists.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: "en or zh: the language of the program's text (else LC_ALL, LC_MESSAGES or LANG: zh_* is Chinese).")
    var language: Language?
}
