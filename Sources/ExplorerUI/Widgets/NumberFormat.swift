import AlexNetCore

/// Number formatting shared by the screens: grouped digits, compact counts, bytes.
enum NumberFormat {
    /// 60965224 → "60,965,224".
    static func grouped(_ n: Int) -> String { NumberText.grouped(n) }

    /// 37752832 → "37.75M", 34944 → "34.9K", 96 → "96".
    static func compact(_ n: Int) -> String {
        let v = Double(n)
        if n >= 1_000_000_000 { return fixed(v / 1e9, 2) + "G" }
        if n >= 1_000_000 { return fixed(v / 1e6, 2) + "M" }
        if n >= 10_000 { return fixed(v / 1e3, 1) + "K" }
        return grouped(n)
    }

    /// Bytes in KiB/MiB with one decimal.
    static func bytes(_ n: Int) -> String {
        let v = Double(n)
        if n >= 1 << 20 { return fixed(v / 1_048_576, 1) + " MiB" }
        if n >= 1 << 10 { return fixed(v / 1024, 1) + " KiB" }
        return "\(n) B"
    }

    /// A fixed number of decimals without Foundation (the UI module stays Foundation-free).
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        let whole = Int(scaled / scale)
        var frac = Int(scaled - Double(whole) * scale)
        var fracText = ""
        for _ in 0..<decimals { fracText = String(frac % 10) + fracText; frac /= 10 }
        let sign = v < 0 && scaled != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fracText)"
    }

    /// A percentage with one decimal: 0.619 → "61.9%".
    static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 1) + "%" }

    /// Short general form for axis labels: 0.0123 → "0.012", 1234 → "1234", 2.5e-5 → "2.5e-5".
    static func short(_ v: Double) -> String {
        let a = abs(v)
        if a == 0 { return "0" }
        if a >= 1000 { return fixed(v, 0) }
        if a >= 10 { return trim(fixed(v, 1)) }
        if a >= 0.01 { return trim(fixed(v, 3)) }
        var e = 0
        var m = a
        while m < 1 { m *= 10; e -= 1 }
        return (v < 0 ? "-" : "") + trim(fixed(m, 1)) + "e\(e)"
    }

    private static func trim(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
