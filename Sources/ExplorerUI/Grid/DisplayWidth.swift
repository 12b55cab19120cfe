/// How many terminal columns a character takes: 2 for East Asian wide and full-width characters and
/// emoji, 0 for combining marks and joiners, 1 otherwise — what `wcwidth()` says in a UTF-8 locale,
/// computed here so screens and tests measure text the same way whatever the process locale is.
extension Unicode.Scalar {
    var displayWidth: Int {
        let v = value
        if v < 0x300 { return 1 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format where v != 0xAD: return 0   // zero-width joiner, direction marks
        default: break
        }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }   // variation selectors
        return Self.wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, and the emoji blocks terminals draw two columns wide.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
        0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

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
