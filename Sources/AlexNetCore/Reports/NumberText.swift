/// Number spellings shared by the CLI, the screens and the lessons, so the same count always reads the same.
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

    /// 37752832 → "37.8M", 34944 → "34.9K", 96 → "96".
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
}
