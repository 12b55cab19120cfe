/// Maps a number in 0…1 to a colour.
public enum ColorScale: Sendable {
    /// Blue for negative, near-white for zero, red for positive (ColorBrewer RdBu ends), for
    /// weights whose sign matters; 0.5 is zero.
    case diverging
    /// Dark purple to yellow (viridis stops), for activations that are ≥ 0 after ReLU.
    case sequential
    /// Black to one colour, for one channel of an RGB filter.
    case channel(RGB)

    public func color(at t: Double) -> RGB {
        let t = t.isFinite ? min(1, max(0, t)) : 0.5
        let stops: [RGB]
        switch self {
        case .diverging:
            stops = [RGB(33, 102, 172), RGB(103, 169, 207), RGB(247, 247, 247), RGB(239, 138, 98), RGB(178, 24, 43)]
        case .sequential:
            stops = [RGB(68, 1, 84), RGB(59, 82, 139), RGB(33, 145, 140), RGB(94, 201, 98), RGB(253, 231, 37)]
        case .channel(let c):
            stops = [RGB(0, 0, 0), c]
        }
        let pos = t * Double(stops.count - 1)
        let i = min(Int(pos), stops.count - 2)
        return stops[i].mixed(with: stops[i + 1], pos - Double(i))
    }
}
