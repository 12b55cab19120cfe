/// A key press as the screens see it, independent of ncurses' key codes.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case tab, backTab
    case enter, escape, backspace
    case pageUp, pageDown, home, end
    /// The terminal changed size; the backend delivers the new size before the next render.
    case resize
    /// A control chord, e.g. `.control("c")`.
    case control(Character)
    /// A function key F1–F12.
    case function(Int)
}

extension Key: ExpressibleByExtendedGraphemeClusterLiteral {
    public init(extendedGraphemeClusterLiteral value: Character) { self = .character(value) }
}
