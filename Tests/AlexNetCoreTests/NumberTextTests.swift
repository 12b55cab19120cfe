import Testing
@testable import AlexNetCore

/// Number spellings must never trap: a diverging run shows losses of 1e30, inf and nan in its progress line.
@Suite struct NumberTextTests {
    static let fixedCases: [(Double, Int, String)] = [
        (1234.5678, 2, "1234.57"),
        (-1234.5678, 1, "-1234.6"),
        (0.5, 3, "0.500"),
        (-0.0004, 3, "0.000"),
        (0.0625, 4, "0.0625"),
        (2.5, 0, "3"),
        (9_000_000_000_000_000, 0, "9000000000000000"),
        // Past 2^53 no decimal is exact: Swift's shortest form, which reloads to the same Double.
        (1e16, 0, "1e+16"),
        (1e19, 3, "1e+19"),
        (-1e19, 3, "-1e+19"),
        (123_456_789.123, 9, "123456789.123"),
        (1e300, 2, "1e+300"),
        (Double.greatestFiniteMagnitude, 1, "1.7976931348623157e+308"),
        (Double(Int.max), 0, "9.223372036854776e+18"),
        (.nan, 3, "nan"),
        (.infinity, 3, "inf"),
        (-.infinity, 1, "-inf"),
        // Places are clamped to 0...15 rather than trapping on a negative count.
        (1.5, -2, "2"),
        (0.1, 40, "0.100000000000000"),
    ]

    @Test(arguments: fixedCases)
    func fixedSpellsEveryDouble(value: Double, places: Int, expected: String) {
        #expect(NumberText.fixed(value, places) == expected)
    }

    /// The old Double arithmetic (r − whole · scale) could give a fraction with more digits than places, or a
    /// negative one, and `String(repeating:count:)` trapped; integer arithmetic always gives `places` digits.
    @Test func fixedAgreesWithIntegerArithmeticNearRoundingEdges() {
        for k in stride(from: 0, through: 3_000_000, by: 997) {
            let v = Double(k) / 1000 + 1e6
            let text = NumberText.fixed(v, 3)
            let parts = text.split(separator: ".")
            #expect(parts.count == 2 && parts[1].count == 3, "\(v) → \(text)")
            #expect(abs((Double(text) ?? .nan) - v) <= 0.0005 + 1e-9, "\(v) → \(text)")
        }
    }

    static let roundingCases: [(Double, String)] = [
        (1234.6, "1,235"), (-1234.4, "-1,234"), (0, "0"),
        (.nan, "nan"), (.infinity, "inf"), (1e300, "1e+300"),
    ]

    @Test(arguments: roundingCases)
    func groupedRoundingNeverTraps(value: Double, expected: String) {
        #expect(NumberText.grouped(rounding: value) == expected)
    }
}
