import AlexNetCore

/// A change to the lesson's network, as `set: {layer: conv1, stride: 5}` or `set: {input: 224}`.
public enum WhatIf: Sendable, Equatable {
    /// A square input of this side (channels unchanged).
    case input(Int)
    /// New hyper-parameters for a conv or pool layer; nil fields stay as they are.
    case layer(String, LayerChange)
    /// Back to the preset as shipped.
    case reset
}

/// The hyper-parameters a what-if may change.
public struct LayerChange: Sendable, Equatable {
    public var kernel: Int?
    public var stride: Int?
    public var padding: Int?
    public var out: Int?
    public var groups: Int?

    public init(kernel: Int? = nil, stride: Int? = nil, padding: Int? = nil, out: Int? = nil, groups: Int? = nil) {
        self.kernel = kernel; self.stride = stride; self.padding = padding; self.out = out; self.groups = groups
    }
}

extension WhatIf {
    /// The network after this change, or why the change cannot be made.
    func apply(to spec: NetworkSpec, preset: Preset) throws(FactError) -> NetworkSpec {
        var copy = spec
        switch self {
        case .reset:
            return preset.spec
        case .input(let side):
            copy.input.height = side; copy.input.width = side
        case .layer(let name, let change):
            guard let index = copy.layers.firstIndex(where: { $0.name == name }) else {
                throw FactError("no layer '\(name)' in \(spec.name)")
            }
            switch copy.layers[index].kind {
            case .conv(var c):
                if let v = change.kernel { c.kernel = v }
                if let v = change.stride { c.stride = v }
                if let v = change.padding { c.padding = v }
                if let v = change.out { c.outChannels = v }
                if let v = change.groups { c.groups = v }
                copy.layers[index].kind = .conv(c)
            case .maxpool(var p):
                guard change.out == nil, change.groups == nil else {
                    throw FactError("\(name) is a pool layer: only kernel, stride and padding can change")
                }
                if let v = change.kernel { p.kernel = v }
                if let v = change.stride { p.stride = v }
                if let v = change.padding { p.padding = v }
                copy.layers[index].kind = .maxpool(p)
            default:
                throw FactError("\(name) is a \(copy.layers[index].kind.word) layer: only conv and pool layers can change")
            }
        }
        return copy
    }
}
