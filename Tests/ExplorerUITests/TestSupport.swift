import AlexNetCore
@testable import ExplorerUI

/// Renders an explorer at a fixed size, as the terminal would show it.
func render(_ explorer: Explorer, width: Int, height: Int) -> CellGrid {
    var e = explorer
    e.resize(width: width, height: height)
    var grid = CellGrid(width: width, height: height)
    e.render(into: &grid)
    return grid
}

/// The explorer for a preset with no filters, pinned to 256 colours and UTF-8.
func explorer(_ preset: Preset = .alexnet, filters: FilterSet? = nil, capabilities: Capabilities = .standard) throws -> Explorer {
    try Explorer(network: preset.spec, filters: filters, capabilities: capabilities)
}

/// Presses keys in order.
func press(_ explorer: inout Explorer, _ keys: [Key]) {
    for k in keys { explorer.update(k) }
}

func press(_ explorer: inout Explorer, _ text: String) {
    for ch in text { explorer.update(.character(ch)) }
}

extension CellGrid {
    /// The text of a rectangle, each row with trailing spaces removed.
    func region(x: Int, y: Int, width: Int, height: Int) -> [String] {
        (y..<(y + height)).map { row in
            var s = ""
            for col in x..<(x + width) { s.unicodeScalars.append(self[col, row].character) }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    /// The cell where `needle` starts.
    func cell(at needle: String) -> Cell? {
        find(needle).map { self[$0.x, $0.y] }
    }
}

/// Filters with known values: filter i, channel c, pixel p has value (i + 1) · (c − 1) · p / 1000.
func knownFilters(count: Int = 4, channels: Int = 3, kernel: Int = 3) -> FilterSet {
    var data: [Float] = []
    for i in 0..<count { for c in 0..<channels { for p in 0..<(kernel * kernel) {
        data.append(Float(i + 1) * Float(c - 1) * Float(p) / 1000)
    } } }
    return FilterSet(layer: "conv1", weights: Tensor(shape: [count, channels, kernel, kernel], data: data),
                     provenance: .untrained("test pattern"))
}
