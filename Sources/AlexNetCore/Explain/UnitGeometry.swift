import Localization
/// One unit of a layer's output: a channel (or, for flat layers, the feature index) and a position.
public struct NeuronUnit: Sendable, Equatable, Hashable {
    public var layer: String
    public var channel: Int
    public var y: Int
    public var x: Int

    public init(layer: String, channel: Int, y: Int = 0, x: Int = 0) {
        self.layer = layer; self.channel = channel; self.y = y; self.x = x
    }
}

/// A unit asked for that the network does not have, said in one line with the valid range.
public struct NeuronError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}

/// A rectangle of pixels, both ends included: rows `y0…y1`, columns `x0…x1`.
public struct PixelBox: Sendable, Equatable, Hashable {
    public var y0: Int, y1: Int, x0: Int, x1: Int

    public init(y0: Int, y1: Int, x0: Int, x1: Int) {
        self.y0 = y0; self.y1 = y1; self.x0 = x0; self.x1 = x1
    }

    public var height: Int { y1 - y0 + 1 }
    public var width: Int { x1 - x0 + 1 }

    /// "rows 0–10, cols 0–10"
    public var text: String { Messages.boxRowsCols(y0: y0, y1: y1, x0: x0, x1: x1) }
}

/// Where a conv or pool unit looks on its layer's input: the K×K window starting at `(y0, x0)` (which
/// may start in the padding, so it can be negative) and the part of it that lies on the input.
public struct UnitWindow: Sendable, Equatable {
    public var y0: Int, x0: Int
    public var size: Int, stride: Int, padding: Int
    /// The window clipped to the input (padding positions removed).
    public var clipped: PixelBox
}

extension ShapeReport {
    /// The index of layer `unit.layer`, after checking that the channel and position exist, or the
    /// error naming the valid range.
    public func checkedIndex(of unit: NeuronUnit) throws(NeuronError) -> Int {
        guard let index = layers.firstIndex(where: { $0.name == unit.layer }) else {
            throw NeuronError(message: "network '\(network.name)' has no layer '\(unit.layer)'; its layers are \(layers.map(\.name).joined(separator: ", "))")
        }
        let out = layers[index].output
        let what = out.isFlat ? "unit" : "channel"
        guard (0..<out.channels).contains(unit.channel) else {
            throw NeuronError(message: "\(what) \(unit.channel) is out of range for \(unit.layer) (\(out.channels) \(what)s: 0–\(out.channels - 1))")
        }
        if out.isFlat, unit.y != 0 || unit.x != 0 {
            throw NeuronError(message: "\(unit.layer) is flat (\(out.channels) units): give y 0 and x 0, got y \(unit.y), x \(unit.x)")
        }
        guard (0..<out.height).contains(unit.y) else {
            throw NeuronError(message: "y \(unit.y) is out of range for \(unit.layer) (\(out.description) output: y 0–\(out.height - 1))")
        }
        guard (0..<out.width).contains(unit.x) else {
            throw NeuronError(message: "x \(unit.x) is out of range for \(unit.layer) (\(out.description) output: x 0–\(out.width - 1))")
        }
        return index
    }

    /// The shape of the input of layer `index`: the image for the first layer, else the previous output.
    public func inputShape(ofLayer index: Int) -> FeatureShape {
        index == 0 ? input : layers[index - 1].output
    }

    /// The name of what feeds layer `index`: "input" for the first layer.
    public func inputName(ofLayer index: Int) -> String {
        index == 0 ? "input" : layers[index - 1].name
    }

    /// The window of a conv or pool unit on its layer's input (nil for other layers).
    public func window(ofLayer index: Int, y: Int, x: Int) -> UnitWindow? {
        let r = layers[index]
        guard let k = r.kernel, let s = r.stride, let p = r.padding else { return nil }
        let inp = inputShape(ofLayer: index)
        let (y0, x0) = (y * s - p, x * s - p)
        let box = PixelBox(y0: max(0, y0), y1: min(inp.height - 1, y0 + k - 1),
                           x0: max(0, x0), x1: min(inp.width - 1, x0 + k - 1))
        return UnitWindow(y0: y0, x0: x0, size: k, stride: s, padding: p, clipped: box)
    }

    /// The pixels of the input image that unit `(y, x)` of layer `index` depends on: its windows composed
    /// back to the input, clipped at every layer (padding depends on no pixel). Flat layers see the whole image.
    public func receptiveField(ofLayer index: Int, y: Int, x: Int) -> PixelBox {
        let whole = PixelBox(y0: 0, y1: input.height - 1, x0: 0, x1: input.width - 1)
        guard !layers[index].output.isFlat else { return whole }
        var box = PixelBox(y0: y, y1: y, x0: x, x1: x)
        for i in stride(from: index, through: 0, by: -1) {
            let r = layers[i]
            let inp = inputShape(ofLayer: i)
            if let k = r.kernel, let s = r.stride, let p = r.padding {
                box = PixelBox(y0: max(0, box.y0 * s - p), y1: min(inp.height - 1, box.y1 * s - p + k - 1),
                               x0: max(0, box.x0 * s - p), x1: min(inp.width - 1, box.x1 * s - p + k - 1))
            }
            // Elementwise layers (activation, LRN, dropout) keep the position: LRN mixes channels, not pixels.
        }
        return box
    }
}
