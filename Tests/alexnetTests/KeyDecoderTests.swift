@testable import alexnet
import CNcurses
import ExplorerUI
import Testing

/// The C backend hands over either a Unicode code point (ncurses has already put UTF-8 bytes together)
/// or a CN_KEY_* code (ncurses' keypad has already read an escape sequence such as ESC [ A). These are
/// the codes it returns, decoded into the screens' keys. The tmux test in EndToEndTests sends the raw
/// bytes through a real terminal.
@Suite struct KeyDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var code: Int32
        var key: Key?
        var testDescription: String { "\(code) → \(key.map { "\($0)" } ?? "nil")" }
    }

    static let special: [Case] = [
        Case(code: Int32(CN_KEY_UP), key: .up), Case(code: Int32(CN_KEY_DOWN), key: .down),
        Case(code: Int32(CN_KEY_LEFT), key: .left), Case(code: Int32(CN_KEY_RIGHT), key: .right),
        Case(code: Int32(CN_KEY_HOME), key: .home), Case(code: Int32(CN_KEY_END), key: .end),
        Case(code: Int32(CN_KEY_PAGE_UP), key: .pageUp), Case(code: Int32(CN_KEY_PAGE_DOWN), key: .pageDown),
        Case(code: Int32(CN_KEY_BACKSPACE), key: .backspace), Case(code: Int32(CN_KEY_ENTER), key: .enter),
        Case(code: Int32(CN_KEY_BACKTAB), key: .backTab), Case(code: Int32(CN_KEY_RESIZE), key: .resize),
        // Timeouts and keys the program has no use for are no key at all, never a stray character.
        Case(code: Int32(CN_KEY_NONE), key: nil), Case(code: Int32(CN_KEY_OTHER), key: nil),
        Case(code: -50, key: nil), Case(code: Int32.min, key: nil),
    ]

    static let characters: [Case] = [
        Case(code: 9, key: .tab), Case(code: 27, key: .escape),
        Case(code: 1, key: .control("a")), Case(code: 3, key: .control("c")), Case(code: 26, key: .control("z")),
        Case(code: 0x20, key: .character(" ")), Case(code: 0x71, key: .character("q")), Case(code: 0x7E, key: .character("~")),
        Case(code: 0xE9, key: .character("é")),            // two UTF-8 bytes
        Case(code: 0x4E2D, key: .character("中")),          // three, and two cells wide
        Case(code: 0x1F600, key: .character("😀")),        // four
        Case(code: 0xD800, key: nil),                       // a lone surrogate is not a character
        Case(code: 0x110000, key: nil),                     // past Unicode
    ]

    @Test(arguments: special + characters)
    func decodes(_ c: Case) {
        #expect(KeyDecoder.key(from: c.code) == c.key)
    }

    @Test func functionKeysAreNumberedFromOne() {
        for n in 1...12 {
            #expect(KeyDecoder.key(from: Int32(CN_KEY_F1) - Int32(n - 1)) == .function(n))
        }
        // Past F12 (ncurses has F13…F63 for shifted keys): nothing, not F13.
        #expect(KeyDecoder.key(from: Int32(CN_KEY_F1) - 12) == nil)
    }

    /// Every control code but Tab and Esc is Ctrl plus its letter, so Ctrl-C and Ctrl-L reach the screens.
    @Test func controlCodesAreTheirLetters() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for code in 1...26 where code != 9 {
            #expect(KeyDecoder.key(from: Int32(code)) == .control(letters[code - 1]), "code \(code)")
        }
    }
}
