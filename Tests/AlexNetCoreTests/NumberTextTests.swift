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

    /// One spelling per kind, shared by the CLI and the screens: fc6's 37,752,832 parameters read 37.8M on both
    /// (the screens once spelled it 37.75M), and only binary units for bytes.
    static let shortCases: [(Int, String)] = [
        (37_752_832, "37.8M"), (60_965_224, "61.0M"), (34_944, "34.9K"), (9_999, "9,999"), (96, "96"),
        (1_135_000_000, "1.1G"), (-2_500_000, "-2.5M"),
    ]

    @Test(arguments: shortCases)
    func shortCounts(value: Int, expected: String) {
        #expect(NumberText.short(value) == expected)
    }

    static let byteCases: [(Int, String)] = [
        (1_161_600, "1.1 MiB"),               // conv1's 290,400 fp32 activations
        (3 * (1 << 30) / 2, "1.50 GiB"), (1023, "1023 B"), (1536, "1.5 KiB"),
    ]

    @Test(arguments: byteCases)
    func bytesInBinaryUnits(value: Int, expected: String) {
        #expect(NumberText.bytes(value) == expected)
    }

    static let decimalCases: [(Double, String)] = [
        (0.01, "0.01"), (0.005, "0.005"), (0.0005, "0.0005"), (1e-4, "0.0001"), (1e-5, "1e-05"),
        (0.75, "0.75"), (2, "2"), (0.5, "0.5"), (0.1 * 0.01, "0.001"), (Double(Float(1e-4)), "0.0001"), (0, "0"),
    ]

    /// Learning rates, weight decay, LRN's k/α/β and dropout's p as they are written in a config (C's `%g`).
    @Test(arguments: decimalCases)
    func constantsAsWritten(value: Double, expected: String) {
        #expect(NumberText.shortDecimal(value) == expected)
    }

    static let briefCases: [(Double, String)] = [
        (0.0123, "0.012"), (1234.4, "1234"), (12.34, "12.3"), (2.5e-5, "2.5e-5"), (0, "0"), (-0.5, "-0.5"),
        (0.00996, "1e-2"), (.nan, "nan"),
    ]

    @Test(arguments: briefCases)
    func briefLabels(value: Double, expected: String) {
        #expect(NumberText.brief(value) == expected)
    }

    @Test func percentOfAFraction() {
        #expect(NumberText.percent(37_752_832.0 / 60_965_224) == "61.9%")
        #expect(NumberText.percent(0.25, places: 0) == "25%")
        #expect(NumberText.percent(0.123456, places: 2) == "12.35%")
    }

    /// Gradient ratios: `compare`'s table and the ReLU-vs-tanh screen spell them alike, in at most 6 columns.
    static let ratioCases: [(Double, String)] = [
        (0.019345, "0.0193"), (2.345, "2.35"), (1.234e-5, "1.2e-5"), (0.000996, "1.0e-3"), (0, "0"), (0.3, "0.3000"),
    ]

    @Test(arguments: ratioCases)
    func ratios(value: Double, expected: String) {
        #expect(NumberText.ratio(value) == expected)
        #expect(expected.count <= 6)
    }
}
