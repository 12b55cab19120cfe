/// The one door every user-facing sentence goes through: one static function per message, taking its
/// numbers and names, looked up in the current language's table (`English.table`, `Chinese.table`).
///
/// Whole sentences with their variables (Project Fluent's rule): each table writes `{name}` where a value
/// goes, in its own word order, so code never glues translated fragments together. A table may leave out a
/// value it has no use for (Chinese has no plural `{s}`). The message's key is the function's name.
/// `CatalogueTests` fails when a table lacks a key another has, or uses a value the message does not give.
public enum Messages {
    /// The tables, by language.
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: English.table
        case .zh: Chinese.table
        }
    }

    /// The message `key` (the calling function's name) in the current language, its `{name}`s filled in.
    /// A key missing from the table (a defect `CatalogueTests` finds) reads in English rather than as nothing.
    static func text(_ values: KeyValuePairs<String, any CustomStringConvertible> = [:], key: String = #function) -> String {
        let name = key.firstIndex(of: "(").map { String(key[..<$0]) } ?? key
        let language = Language.current
        guard let template = table(language)[name] ?? English.table[name] else {
            assertionFailure("no message '\(name)' in the catalogue")
            return name
        }
        return fill(template, values, spacedCJK: language == .zh)
    }

    /// `template` with every `{name}` replaced by its value (an unknown `{…}` is left as written). With
    /// `spacedCJK` a value that starts or ends with a Latin letter or digit gets a space where it meets a
    /// Chinese character, as Chinese typesetting spaces `conv1 的输出`: a template writes `{intro}读入`
    /// whether its value is Chinese (一个卷积层) or ends in a layer name (AlexNet 的 conv1).
    static func fill(_ template: String, _ values: KeyValuePairs<String, any CustomStringConvertible>, spacedCJK: Bool = false) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = values.first(where: { $0.key == name })?.value {
                let v = value.description
                let next = rest[rest.index(after: close)...].unicodeScalars.first
                if spacedCJK, let first = v.unicodeScalars.first, let before = out.unicodeScalars.last,
                   isIdeograph(before), isLatin(first) { out += " " }
                out += v
                if spacedCJK, let last = v.unicodeScalars.last, let next, isLatin(last), isIdeograph(next) { out += " " }
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The `{name}`s a template uses.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
    }

    /// English plural endings and agreement (`question{s}`, `quiz{zes}`, `pixel{s2} … {are}`): the one kind
    /// of value a translation may leave out.
    public static let pluralEndings: Set<String> = ["s", "s2", "zes", "are"]

    /// English's plural ending for a count: "" for 1, "s" otherwise (Chinese leaves `{s}` out).
    static func s(_ n: Int) -> String { n == 1 ? "" : "s" }
}
