/// Products and sums of sizes that report overflow instead of trapping (debug) or wrapping (`-Ounchecked`).
///
/// Shape arithmetic multiplies user-given numbers (channels, sides, kernels), so any of it can exceed
/// 64 bits; every size the program reports or allocates from is computed through these.
enum CheckedSize {
    /// The product of `factors`, or nil when it does not fit in an `Int`.
    static func product(_ factors: Int...) -> Int? { product(of: factors) }

    static func product(of factors: [Int]) -> Int? {
        var result = 1
        for f in factors {
            let (p, overflow) = result.multipliedReportingOverflow(by: f)
            if overflow { return nil }
            result = p
        }
        return result
    }

    /// The sum of `terms`, or nil when it does not fit in an `Int`.
    static func sum(_ terms: Int...) -> Int? { sum(of: terms) }

    static func sum(of terms: [Int]) -> Int? {
        var result = 0
        for t in terms {
            let (s, overflow) = result.addingReportingOverflow(t)
            if overflow { return nil }
            result = s
        }
        return result
    }
}
