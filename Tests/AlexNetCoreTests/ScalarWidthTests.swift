import Testing
@testable import AlexNetCore

/// The one width table the grid, the lesson texts and `lesson --list` share, checked against what glibc's
/// `wcwidth` gives in a UTF-8 locale for these printable characters; control characters (−1 there) take none.
@Suite struct ScalarWidthTests {
    @Test(arguments: [
        ("a", 1), ("·", 1), ("卷", 2), ("한", 2), ("５", 2), ("🧠", 2), ("\u{301}", 0), ("\u{200D}", 0),
        ("\u{FE0F}", 0), ("\t", 0), ("\n", 0), ("\u{85}", 0), ("\u{AD}", 1),
    ] as [(Unicode.Scalar, Int)])
    func columns(_ scalar: Unicode.Scalar, _ expected: Int) {
        #expect(scalar.displayWidth == expected)
    }
}
