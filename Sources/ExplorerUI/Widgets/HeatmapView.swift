/// Draws a `HeatmapImage`: two pixels per cell with the upper-half block `▀` (foreground = upper
/// pixel, background = lower pixel) when the terminal has colour and UTF-8, else one pixel per cell
/// from the ASCII ramp ` .:-=+*#%@` (dark to bright).
public struct HeatmapView: Sendable {
    public static let ramp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    public var image: HeatmapImage
    public var capabilities: Capabilities

    public init(image: HeatmapImage, capabilities: Capabilities) {
        self.image = image; self.capabilities = capabilities
    }

    /// Cells the image takes: (width, ⌈height/2⌉) with half blocks, (width, height) with the ramp.
    public var size: (width: Int, height: Int) {
        Self.cellSize(width: image.width, height: image.height, capabilities: capabilities)
    }

    public static func cellSize(width: Int, height: Int, capabilities: Capabilities) -> (width: Int, height: Int) {
        capabilities.halfBlocks ? (width, (height + 1) / 2) : (width, height)
    }

    public static func rampCharacter(_ t: Double) -> Unicode.Scalar {
        let t = t.isFinite ? min(1, max(0, t)) : 0
        return ramp[min(ramp.count - 1, Int(t * Double(ramp.count)))]
    }

    /// Draws with the top-left pixel at (x, y), clipped to `clip`.
    public func render(into grid: inout CellGrid, x: Int, y: Int, clip: Rect) {
        let img = image
        if capabilities.halfBlocks {
            let rows = (img.height + 1) / 2
            for row in 0..<rows {
                let gy = y + row
                guard gy >= clip.y, gy < clip.maxY else { continue }
                for col in 0..<img.width {
                    let top = img.pixels[2 * row * img.width + col]
                    let bottomRow = 2 * row + 1
                    let bg: TerminalColor = bottomRow < img.height
                        ? capabilities.colors.resolve(img.pixels[bottomRow * img.width + col].color) : .default
                    grid.put("▀", x: x + col, y: gy,
                             style: CellStyle(fg: capabilities.colors.resolve(top.color), bg: bg), clip: clip)
                }
            }
        } else {
            for row in 0..<img.height {
                for col in 0..<img.width {
                    grid.put(Self.rampCharacter(img.intensities[row * img.width + col]), x: x + col, y: y + row, clip: clip)
                }
            }
        }
    }

    /// Draws each pixel as a block `scale` cells wide and one cell tall (for zoomed views):
    /// coloured spaces with colour, ramp characters without.
    public func renderZoomed(into grid: inout CellGrid, x: Int, y: Int, scale: Int, clip: Rect) {
        let img = image
        for row in 0..<img.height {
            for col in 0..<img.width {
                let i = row * img.width + col
                let cell: Cell = capabilities.colors.hasColor
                    ? Cell(" ", style: CellStyle(bg: capabilities.colors.resolve(img.pixels[i].color)))
                    : Cell(Self.rampCharacter(img.intensities[i]))
                for s in 0..<scale {
                    grid.put(cell.character, x: x + col * scale + s, y: y + row, style: cell.style, clip: clip)
                }
            }
        }
    }
}
