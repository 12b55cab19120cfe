import Foundation
import AlexNetCore

/// A value the core computed: a count, or a piece of text such as a shape or a formula.
public enum CoreValue: Sendable, Equatable {
    case number(Int)
    case text(String)

    /// Counts with thousands separators ("34,944"), text as is.
    public var display: String {
        switch self {
        case .number(let n): NumberText.grouped(n)
        case .text(let t): t
        }
    }
}

/// Answers expressions like `conv1.params`, `conv1.output.height` or `total.macs` from a shape report,
/// so that every number in a lesson or quiz comes from the same code as the `shapes` table.
public struct CoreFacts: Sendable {
    public let report: ShapeReport

    public init(report: ShapeReport) { self.report = report }

    /// Properties of a layer, for messages and the lesson README.
    public static let layerProperties = [
        "output", "output.height", "output.width", "output.channels", "input", "params", "weights",
        "biases", "macs", "activations", "rf", "jump", "formula", "kernel", "stride", "padding", "groups",
    ]
    public static let totalProperties = ["params", "macs"]

    public func value(of expression: String) throws(FactError) -> CoreValue {
        let parts = expression.trimmingCharacters(in: .whitespaces).split(separator: ".", maxSplits: 1)
            .map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            if expression == "input" { return .text(report.input.description) }
            throw FactError("'\(expression)' is not a core expression; expected layer.property, e.g. conv1.params")
        }
        let (subject, property) = (parts[0], parts[1])
        if subject == "total" {
            switch property {
            case "params": return .number(report.totalParams)
            case "macs": return .number(report.totalMACs)
            default: throw FactError("unknown property '\(property)' of total; expected one of: params, macs")
            }
        }
        if subject == "input" {
            switch property {
            case "height", "size": return .number(report.input.height)
            case "width": return .number(report.input.width)
            case "channels": return .number(report.input.channels)
            default: throw FactError("unknown property '\(property)' of input; expected one of: height, width, channels")
            }
        }
        guard let layer = report.layer(named: subject) else {
            throw FactError("no layer '\(subject)' in \(report.network.name)")
        }
        return try value(of: property, layer: layer)
    }

    /// The number an expression gives, or why it is not one.
    public func number(_ expression: String) throws(FactError) -> Int {
        switch try value(of: expression) {
        case .number(let n): return n
        case .text(let t): throw FactError("\(expression) is '\(t)', not a number")
        }
    }

    private func value(of property: String, layer r: LayerReport) throws(FactError) -> CoreValue {
        func window(_ v: Int?) throws(FactError) -> CoreValue {
            guard let v else { throw FactError("\(r.name) is a \(r.kind.word) layer: it has no \(property) (only conv and pool layers do)") }
            return .number(v)
        }
        switch property {
        case "output": return .text(r.output.description)
        case "output.height": return .number(r.output.height)
        case "output.width": return .number(r.output.width)
        case "output.channels": return .number(r.output.channels)
        case "input": return .text(r.input.description)
        case "params": return .number(r.params)
        case "weights": return .number(r.weights)
        case "biases": return .number(r.biases)
        case "macs": return .number(r.macs)
        case "activations": return .number(r.activations)
        case "rf": return .number(r.receptiveField)
        case "jump": return .number(r.jump)
        case "formula": return .text(r.formulaText)
        case "kernel": return try window(r.kernel)
        case "stride": return try window(r.stride)
        case "padding": return try window(r.padding)
        case "groups":
            guard let g = r.groups else { throw FactError("\(r.name) is a \(r.kind.word) layer: it has no groups (only conv layers do)") }
            return .number(g)
        default:
            throw FactError("unknown property '\(property)' of \(r.name); expected one of: \(Self.layerProperties.joined(separator: ", "))")
        }
    }

    /// Replaces every `{expression}` in `text`; the first unresolvable placeholder is the error.
    public func fill(_ text: String) throws(FactError) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw FactError("placeholder '\(rest[open...].prefix(20))' has no closing }")
            }
            let expression = String(rest[rest.index(after: open)..<close])
            do { out += try value(of: expression).display } catch {
                throw FactError("placeholder {\(expression)}: \(error.message)")
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
