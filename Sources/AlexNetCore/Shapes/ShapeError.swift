/// Why a network's shapes cannot work, with the layer (and config line) at fault.
public struct ShapeError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var layer: String
    public var message: String

    public init(file: String? = nil, line: Int? = nil, layer: String, message: String) {
        self.file = file; self.line = line; self.layer = layer; self.message = message
    }

    /// `net.yaml:7: layer conv2: kernel 13 is larger than the padded input 6 (4 + 2·1)`
    public var description: String {
        var place = ""
        if let file { place = line.map { "\(file):\($0): " } ?? "\(file): " }
        else if let line { place = "line \(line): " }
        return "\(place)layer \(layer): \(message)"
    }
}
