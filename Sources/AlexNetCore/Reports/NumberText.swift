/// Number spellings shared by the CLI, the screens and the lessons, so the same count always reads the same.
/// One spelling per kind of number: counts `grouped` (exact) or `short` (37.8M), bytes in binary units, a
/// fraction as a `percent`, a configured constant (learning rate, α, dropout p) as written (`shortDecimal`),
/// a measured value in few columns (`brief`, axis labels) and `fixed` places. Foundation-free, so the
/// screens (which do not import Foundation) use it too.
public enum NumberText {
    /// 62378344 → "62,378,344"
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// 37752832 → "37.8M", 34944 → "34.9K", 96 → "96": one decimal at every scale, three significant digits.
    public static func short(_ n: Int) -> String {
        let v = Double(n)
        switch n.magnitude {
        case 1_000_000_000...: return fixed(v / 1e9, 1) + "G"
        case 1_000_000...: return fixed(v / 1e6, 1) + "M"
        case 10_000...: return fixed(v / 1e3, 1) + "K"
        default: return grouped(n)
        }
    }

    /// Bytes in binary units: 1161600 → "1.1 MiB".
    public static func bytes(_ n: Int) -> String {
        let v = Double(n)
        switch n {
        case (1 << 30)...: return fixed(v / Double(1 << 30), 2) + " GiB"
        case (1 << 20)...: return fixed(v / Double(1 << 20), 1) + " MiB"
        case (1 << 10)...: return fixed(v / Double(1 << 10), 1) + " KiB"
        default: return "\(n) B"
        }
    }

    /// Fixed-point without Foundation's locale-dependent formatting, for any Double: NaN and the
    /// infinities are spelled out, and a number too large to have `places` exact decimals (|v| · 10^places
    /// ≥ 2^53) is written in Swift's shortest exponent form ("1e+30"), so a diverging loss never traps.
    public static func fixed(_ v: Double, _ places: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        let places = min(max(places, 0), 15)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(v) * Double(scale)).rounded()
        guard scaled < 9_007_199_254_740_992 else { return "\(v)" }
        // Integer arithmetic from here: r / scale and r % scale are exact, unlike their Double forms.
        let r = Int(scaled)
        var text = "\(v < 0 && r != 0 ? "-" : "")\(r / scale)"
        if places > 0 {
            let f = String(r % scale)
            text += "." + String(repeating: "0", count: places - f.count) + f
        }
        return text
    }

    /// A Double rounded to a whole number and grouped (1234.6 → "1,235"); nan, inf and values beyond Int's
    /// range fall back to `fixed`, so a rate computed from a zero time never traps.
    public static func grouped(rounding v: Double) -> String {
        let r = v.rounded()
        guard r.isFinite, abs(r) < 9_007_199_254_740_992 else { return fixed(v, 0) }
        return grouped(Int(r))
    }

    /// A fraction as a percentage: 0.619 → "61.9%" (`places` decimals).
    public static func percent(_ fraction: Double, places: Int = 1) -> String { fixed(fraction * 100, places) + "%" }

    /// A constant as it is written in a config or on a command line: 0.02, 0.005, 0.0001, 1e-05, 0.75, 2
    /// (six significant digits, as C's `%g`, so a computed 0.1 · 0.01 still reads 0.001).
    public static func shortDecimal(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return v == 0 ? "0" : fixed(v, 0) }
        // Round to six significant digits by an exact power of ten, so the shortest spelling of the result is short.
        let shift = 5 - Int((log10Floor(abs(v))))
        var r = v
        if (0...22).contains(shift) {
            r = (v * power10(shift)).rounded() / power10(shift)
        } else if (-22 ..< 0).contains(shift) {
            r = (v / power10(-shift)).rounded() * power10(-shift)
        }
        let text = "\(r)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A measured value in few columns, for axis labels and scales: 0.0123 → "0.012", 1234 → "1234",
    /// 12.34 → "12.3", 2.5e-5 → "2.5e-5" (trailing zeros dropped).
    public static func brief(_ v: Double) -> String {
        guard v.isFinite else { return fixed(v, 0) }
        let a = abs(v)
        if a == 0 { return "0" }
        if a >= 1000 { return fixed(v, 0) }
        if a >= 10 { return trimmed(fixed(v, 1)) }
        if a >= 0.01 { return trimmed(fixed(v, 3)) }
        var e = 0
        var m = a
        while m < 1 { m *= 10; e -= 1 }
        if fixed(m, 1) == "10.0" { m /= 10; e += 1 }   // 9.96e-3 rounds to 1e-2, not 10e-3
        return (v < 0 ? "-" : "") + trimmed(fixed(m, 1)) + "e\(e)"
    }

    /// A small non-negative ratio (a gradient norm over a weight norm) in at most 6 columns, the same in the CLI's
    /// table and on the screen: 0.0193, 2.35, 1.2e-5, 0.
    public static func ratio(_ v: Double) -> String {
        guard v.isFinite, v > 0 else { return v == 0 ? "0" : fixed(v, 4) }
        if v >= 0.001 { return fixed(v, v >= 1 ? 2 : 4) }
        var e = 0
        var m = v
        while m < 1 { m *= 10; e -= 1 }
        if fixed(m, 1) == "10.0" { m /= 10; e += 1 }
        return fixed(m, 1) + "e\(e)"
    }

    private static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    private static func power10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }   // exact up to 10^22
        return p
    }

    /// ⌊log10 a⌋ for a finite positive a, without Foundation.
    private static func log10Floor(_ a: Double) -> Int {
        var e = 0
        var m = a
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        return e
    }
}
