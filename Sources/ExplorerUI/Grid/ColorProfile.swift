/// How many colours the terminal can show; screens pick glyphs and colours from it.
public enum ColorProfile: String, Sendable, CaseIterable {
    /// 24-bit direct colour (terminfo with 16,777,216 colours, e.g. xterm-direct).
    case truecolor
    /// The xterm 256-colour palette.
    case palette256 = "256"
    /// The 16 ANSI colours.
    case ansi16 = "16"
    /// No colour: NO_COLOR, TERM=dumb, or a terminal without colours.
    case none

    /// Picks the profile from the environment and the terminal's colour count (`COLORS` after
    /// `start_color`, or nil before the terminal is open). NO_COLOR (any non-empty value, see
    /// no-color.org) and TERM=dumb win over what the terminal reports.
    public static func detect(environment: [String: String], terminalColors: Int?) -> ColorProfile {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        let colors = terminalColors ?? (term.contains("256color") ? 256 : 8)
        if colors >= 1 << 24 { return .truecolor }
        if colors >= 256 { return .palette256 }
        if colors >= 8 { return .ansi16 }
        return .none
    }

    public var hasColor: Bool { self != .none }

    /// The colour this profile can actually show: RGB becomes the nearest palette entry.
    public func resolve(_ color: TerminalColor) -> TerminalColor {
        switch (self, color) {
        case (_, .default), (.truecolor, _): return color
        case (.none, _): return .default
        case (.palette256, .indexed): return color
        case (.palette256, .rgb(let r, let g, let b)): return .indexed(Self.xterm256(r, g, b))
        case (.ansi16, .indexed(let i)): return i < 16 ? color : .indexed(Self.ansi16(Self.xtermRGB(i)))
        case (.ansi16, .rgb(let r, let g, let b)): return .indexed(Self.ansi16((r, g, b)))
        }
    }

    /// The nearest xterm-256 entry: the 6×6×6 cube or the 24-step grey ramp, whichever is closer.
    public static func xterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let steps = [0, 95, 135, 175, 215, 255]
        let cube = (steps[lr], steps[lg], steps[lb])
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * greyIndex
        func dist(_ c: (Int, Int, Int)) -> Int {
            let dr = c.0 - Int(r), dg = c.1 - Int(g), db = c.2 - Int(b)
            return dr * dr + dg * dg + db * db
        }
        if dist((grey, grey, grey)) < dist(cube) { return UInt8(232 + greyIndex) }
        return UInt8(16 + 36 * lr + 6 * lg + lb)
    }

    /// The RGB value xterm shows for a palette index.
    static func xtermRGB(_ i: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(i)
        if i < 16 { return ansiRGB[i] }
        if i >= 232 { let v = UInt8(8 + 10 * (i - 232)); return (v, v, v) }
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        let c = i - 16
        return (steps[c / 36], steps[(c / 6) % 6], steps[c % 6])
    }

    private static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func ansi16(_ c: (UInt8, UInt8, UInt8)) -> UInt8 {
        var best = 0, bestDist = Int.max
        for (i, p) in ansiRGB.enumerated() {
            let dr = Int(p.0) - Int(c.0), dg = Int(p.1) - Int(c.1), db = Int(p.2) - Int(c.2)
            let d = dr * dr + dg * dg + db * db
            if d < bestDist { best = i; bestDist = d }
        }
        return UInt8(best)
    }
}
