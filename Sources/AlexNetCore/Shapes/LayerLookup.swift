/// A layer asked for by name that the network does not have (or a network with no layer of the kind
/// asked for), said in one line with what there is instead.
public struct LayerLookupError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var message: String

    public var description: String { (file.map { "\($0): " } ?? "") + message }
}

extension ShapeReport {
    /// The conv layers, in order: the layers with filters to show.
    public var convLayerNames: [String] {
        layers.filter { if case .conv = $0.kind { true } else { false } }.map(\.name)
    }

    /// Layers whose output is a C×H×W stack of maps (everything before `flatten`).
    public var mapLayerNames: [String] { layers.filter { !$0.output.isFlat }.map(\.name) }

    /// `name` when it is a conv layer, or the error saying which conv layers there are (or that there are none).
    public func convLayer(named name: String) throws(LayerLookupError) -> String {
        let convs = convLayerNames
        guard !convs.isEmpty else {
            throw LayerLookupError(file: network.file, message: "network '\(network.name)' has no conv layer, so it has no filters to show")
        }
        guard convs.contains(name) else {
            throw LayerLookupError(file: network.file, message: "network '\(network.name)' has no conv layer '\(name)'; its conv layers are \(convs.joined(separator: ", "))")
        }
        return name
    }

    /// `name` (or, when nil, the first layer with maps) when that layer's output is a stack of maps.
    public func mapLayer(named name: String?) throws(LayerLookupError) -> String {
        let maps = mapLayerNames
        guard let first = maps.first else {
            throw LayerLookupError(file: network.file, message: "network '\(network.name)' has no layer with feature maps (every layer's output is flat), so it has no maps to show")
        }
        guard let name else { return first }
        guard maps.contains(name) else {
            let kind = layer(named: name) == nil ? "no layer '\(name)'" : "no feature maps at layer '\(name)' (its output is flat)"
            throw LayerLookupError(file: network.file, message: "network '\(network.name)' has \(kind); layers with maps: \(maps.joined(separator: ", "))")
        }
        return name
    }
}
