import AlexNetCore

/// How screens spell text for the terminal at hand, bound by the whole-window views while they render.
public enum ScreenText {
    /// True on a terminal without UTF-8: ⌊x⌋ and ⌈x⌉ are written floor(x) and ceil(x) (the backend's one-cell
    /// stand-ins would make both `[x]`, and a round-up formula would read as round-down). `TextWrap` wraps the
    /// spelled-out text, so the longer words are wrapped, not cut. A task-local value: tests rendering in
    /// parallel do not see each other's.
    @TaskLocal public static var roundingInWords = false
}

/// The in-memory screen every view renders into; only the terminal backend turns it into output.
///
/// Tests render a screen into a grid of fixed size and read it back as lines of text and colours.
public struct CellGrid: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width); self.height = max(0, height)
        cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Sets one cell, ignoring positions outside the grid or outside `clip`.
    public mutating func put(_ character: Unicode.Scalar, x: Int, y: Int, style: CellStyle = .plain, clip: Rect? = nil) {
        guard contains(x: x, y: y) else { return }
        if let clip, x < clip.x || y < clip.y || x >= clip.maxX || y >= clip.maxY { return }
        cells[y * width + x] = Cell(character, style: style)
    }

    /// Writes text from (x, y) to the right, cut at `maxWidth` columns and the grid's edge, measured
    /// by display width: a wide character takes its cell and a continuation cell (or is left out when
    /// only one column is left), combining marks take none. Returns the column after the text.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + $0 } ?? width)
        let text = ScreenText.roundingInWords ? ASCIIText.roundingInWords(text) : text
        var cx = x
        for scalar in text.unicodeScalars {
            let w = scalar.displayWidth
            if w == 0 { continue }
            if cx + w > limit { break }
            if cx >= 0 { cells[y * width + cx] = Cell(scalar, style: style) }
            if w == 2, cx + 1 >= 0 { cells[y * width + cx + 1] = Cell(Cell.wideContinuation.character, style: style) }
            cx += w
        }
        return cx
    }

    /// Writes text inside `rect` at row offset `row`, clipped to the rectangle.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, row: Int, column: Int = 0, style: CellStyle = .plain) -> Int {
        guard row >= 0, row < rect.height, column < rect.width else { return rect.x + column }
        return write(text, x: rect.x + column, y: rect.y + row, style: style, maxWidth: rect.width - column)
    }

    /// Fills a rectangle (clipped to the grid) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x] = cell }
        }
    }

    /// Changes the style of the cells in a rectangle, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout CellStyle) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { change(&cells[y * width + x].style) }
        }
    }

    /// Resizes to a new size, blank, as after a terminal resize.
    public mutating func resize(width: Int, height: Int) {
        self = CellGrid(width: width, height: height)
    }

    /// The text of row `y` as the terminal shows it (a wide character once), trailing spaces kept.
    public func line(_ y: Int) -> String {
        var s = String.UnicodeScalarView()
        for x in 0..<width where !cells[y * width + x].isWideContinuation { s.append(cells[y * width + x].character) }
        return String(s)
    }

    /// Every row as text, for tests.
    public var lines: [String] { (0..<height).map(line) }

    /// The rows joined by newlines with trailing spaces removed.
    public var text: String {
        lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// Where `needle` first occurs, as (x, y), or nil.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty else { return nil }
        for y in 0..<height {
            let row = Array(line(y).unicodeScalars)
            guard row.count >= n.count else { continue }
            for x in 0...(row.count - n.count) where Array(row[x..<(x + n.count)]) == n {
                return (x, y)
            }
        }
        return nil
    }
}
