/// Text read from a file (checkpoint metadata, lesson titles, file names in errors) made safe to print: control
/// characters become visible escapes, so an `epoch` of `\e[2J` cannot clear the screen, a `source` cannot set the
/// window title and a `test_accuracy` of `\r\nfake line` cannot add lines. The one spelling of that rule.
public enum ControlEscapes {
    /// `text` with C0 controls, DEL and C1 controls written as `\e`, `\n`, `\r`, `\t` or `\u{9B}`; everything else as is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\u{1B}": out += "\\e"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F, which include the one-byte CSI U+009B).
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }
}
