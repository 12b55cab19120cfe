import AlexNetCore

/// Which explorer screen a lesson step points at, and on which layer: `walk conv2`, `filters`,
/// `features conv1`, `whatif conv1`, `training`, `experiment`. (`shapes` and `train` are the older
/// names of `whatif` and `training`.) `neuron conv1 5 10 20` opens the features screen's inspector on
/// channel 5 of conv1 at y 10, x 10.
public struct ScreenFocus: Sendable, Equatable, CustomStringConvertible {
    public enum Screen: String, Sendable, CaseIterable {
        case walk, whatif, filters, features, training, experiment
        case shapes, train
        case neuron
    }

    public var screen: Screen
    public var layer: String?
    /// For `neuron`: the unit (its layer is `layer`).
    public var unit: NeuronUnit?

    public init(screen: Screen, layer: String? = nil) {
        self.screen = screen; self.layer = layer
    }

    /// Parses `walk conv2`; nil with a reason when the screen is unknown or the words are too many.
    public static func parse(_ text: String) -> Result<ScreenFocus, ScreenFocusError> {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first, let screen = Screen(rawValue: first) else {
            let names = Screen.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ScreenFocusError(message: "unknown screen '\(words.first ?? "")'; expected one of: \(names)"))
        }
        if screen == .neuron {
            let numbers = words.dropFirst(2).compactMap { Int($0) }.filter { $0 >= 0 }
            guard words.count == 5, numbers.count == 3 else {
                return .failure(ScreenFocusError(message: "show: neuron needs a layer, a channel, y and x, e.g. 'neuron conv1 5 10 20', got '\(text)'"))
            }
            var focus = ScreenFocus(screen: .neuron, layer: words[1])
            focus.unit = NeuronUnit(layer: words[1], channel: numbers[0], y: numbers[1], x: numbers[2])
            return .success(focus)
        }
        guard words.count <= 2 else {
            return .failure(ScreenFocusError(message: "show takes a screen and at most one layer, got '\(text)'"))
        }
        if screen == .features, words.count < 2 {
            return .failure(ScreenFocusError(message: "show: features needs a layer, e.g. 'features conv1'"))
        }
        return .success(ScreenFocus(screen: screen, layer: words.count == 2 ? words[1] : nil))
    }

    public var description: String {
        if let u = unit { return "\(screen.rawValue) \(u.layer) \(u.channel) \(u.y) \(u.x)" }
        return layer.map { "\(screen.rawValue) \($0)" } ?? screen.rawValue
    }
}

/// Why a `show:` value is not a screen.
public struct ScreenFocusError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
