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

    /// Fixed-point without Foundation's locale-dependent formatting.
    public static func fixed(_ v: Double, _ places: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        let whole = Int(r / scale)
        var text = "\(v < 0 && r != 0 ? "-" : "")\(whole)"
        if places > 0 {
            let frac = Int(r - Double(whole) * scale)
            let f = String(frac)
            text += "." + String(repeating: "0", count: places - f.count) + f
        }
        return text
    }
}
