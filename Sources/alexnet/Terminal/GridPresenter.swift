import CNcurses
import ExplorerUI

/// Draws a CellGrid on the terminal, sending only the cells that changed since the last frame.
struct GridPresenter {
    private var previous: CellGrid?
    let unicode: Bool
    let directColor: Bool

    init(capabilities: Capabilities, directColor: Bool) {
        unicode = capabilities.unicode; self.directColor = directColor
    }

    /// Forgets the last frame, so the next one is drawn in full (after a resize).
    mutating func invalidate() { previous = nil }

    mutating func present(_ grid: CellGrid) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { cn_clear() }
        let old = full ? nil : previous
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if let old, old[x, y] == cell { continue }
                // The terminal fills a wide character's second column itself; without UTF-8 its
                // one-column stand-in leaves that column to a space.
                if cell.character == "\u{0}" {
                    if unicode { continue }
                }
                let ch = cell.character == "\u{0}" ? " " : unicode ? cell.character : ASCIIFallback.character(for: cell.character)
                var attrs: Int32 = 0
                if cell.style.bold { attrs |= Int32(CN_BOLD) }
                if cell.style.reverse { attrs |= Int32(CN_REVERSE) }
                _ = cn_put(Int32(y), Int32(x), ch.value, colorNumber(cell.fg), colorNumber(cell.bg), attrs)
            }
        }
        cn_refresh()
        previous = grid
    }

    private func colorNumber(_ color: TerminalColor) -> Int32 {
        switch color {
        case .default: -1
        case .indexed(let i): Int32(i)
        case .rgb(let r, let g, let b):
            directColor ? Int32(r) << 16 | Int32(g) << 8 | Int32(b) : Int32(ColorProfile.xterm256(r, g, b))
        }
    }
}
