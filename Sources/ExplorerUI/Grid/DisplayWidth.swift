// A scalar's columns (`Unicode.Scalar.displayWidth`) come from the core's one table (ScalarWidth.swift);
// the grid draws scalar by scalar and skips those of width 0, so text is measured as the sum of its scalars.

extension StringProtocol {
    /// Terminal columns the text takes (see `Unicode.Scalar.displayWidth`).
    var displayWidth: Int { unicodeScalars.reduce(0) { $0 + $1.displayWidth } }

    /// The longest prefix that takes at most `columns` columns.
    func prefix(columns: Int) -> String {
        var used = 0
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            let w = s.displayWidth
            if used + w > columns { break }
            out.append(s); used += w
        }
        return String(out)
    }
}

extension String {
    /// Pads with spaces to `width` columns (by display width).
    func padded(to width: Int) -> String {
        let n = displayWidth
        return n >= width ? self : self + String(repeating: " ", count: width - n)
    }

    func leftPadded(to width: Int) -> String {
        let n = displayWidth
        return n >= width ? self : String(repeating: " ", count: width - n) + self
    }
}

extension Cell {
    /// The cell right of a two-column character: the terminal fills it with that character, so the
    /// backend draws nothing there and the text of a row leaves it out.
    static let wideContinuation = Cell("\u{0}")
    var isWideContinuation: Bool { character == "\u{0}" }
}
