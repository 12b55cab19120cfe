import Foundation
import AlexNetCore

/// A name for a number or text the core computes, written `layer.field` (`conv1.params`,
/// `fc6.weights`, `pool5.output`) or `total.params`, `input.shape`. Lessons use them as `{…}`
/// placeholders and as answers, so no number in a lesson is typed in by hand.
public struct CoreExpression: Sendable, Equatable, CustomStringConvertible {
    public var subject: String
    public var field: String

    /// Fields of a layer, with what they mean, for `lessons/README.md` and error messages.
    public static let layerFields: [(name: String, meaning: String)] = [
        ("output", "output shape H×W×C (the paper's order), e.g. 55×55×96"),
        ("input", "input shape H×W×C"),
        ("size", "output height (= width for square inputs)"),
        ("channels", "output channels"),
        ("params", "weights + biases"),
        ("weights", "weights"),
        ("biases", "biases"),
        ("macs", "multiply-accumulates for one image"),
        ("activations", "output values for one image"),
        ("rf", "receptive field side, in input pixels"),
        ("jump", "distance in input pixels between neighbouring outputs"),
        ("kernel", "window size F"),
        ("stride", "stride S"),
        ("padding", "padding P"),
        ("groups", "conv groups (2 on the two-GPU layers)"),
        ("formula", "the size formula with its numbers"),
        ("exactness", "whether the windows tile the input exactly"),
        ("dropped", "input pixels along one side that no window sees (gaps when S > F, and the leftover)"),
        ("initbias", "the value its biases start at under the paper's initialisation (conv / linear only)"),
    ]
    public static let totalFields = ["params", "macs", "activations", "layers", "convparams", "fcparams",
                                     "convmacs", "fcmacs", "convmacspercent", "fcparamspercent"]
    public static let inputFields = ["shape", "size", "channels", "values"]

    public init(subject: String, field: String) {
        self.subject = subject; self.field = field
    }

    /// Parses `conv1.params`; nil when the text is not of the form `word.word`.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } })
        else { return nil }
        subject = String(parts[0]); field = String(parts[1])
    }

    public var description: String { "\(subject).\(field)" }

    /// The value in `context`, or a message saying what does not resolve.
    public func evaluate(in context: LessonContext) -> Result<CoreValue, ExpressionError> {
        let report = context.report
        switch subject {
        case "total":
            switch field {
            case "params": return .success(.number(report.totalParams))
            case "macs": return .success(.number(report.totalMACs))
            case "activations": return .success(.number(report.layers.reduce(0) { $0 + $1.activations }))
            case "layers": return .success(.number(report.layers.filter { $0.kind.isLearned }.count))
            // Where the parameters and the compute go: conv layers against fully connected ones.
            case "convparams": return .success(.number(Self.sum(report, "conv", \.params)))
            case "fcparams": return .success(.number(Self.sum(report, "linear", \.params)))
            case "convmacs": return .success(.number(Self.sum(report, "conv", \.macs)))
            case "fcmacs": return .success(.number(Self.sum(report, "linear", \.macs)))
            case "convmacspercent": return .success(.number(Self.percent(Self.sum(report, "conv", \.macs), of: report.totalMACs)))
            case "fcparamspercent": return .success(.number(Self.percent(Self.sum(report, "linear", \.params), of: report.totalParams)))
            default: return .failure(.unknownField(self, expected: Self.totalFields))
            }
        case "input":
            switch field {
            case "shape": return .success(.text(report.input.description))
            case "size": return .success(.number(report.input.height))
            case "channels": return .success(.number(report.input.channels))
            case "values": return .success(.number(report.input.count))
            default: return .failure(.unknownField(self, expected: Self.inputFields))
            }
        default:
            guard let layer = report.layer(named: subject) else {
                return .failure(.unknownLayer(subject, preset: context.preset, known: report.layers.map(\.name)))
            }
            if field == "initbias" {
                guard layer.kind.isLearned, let spec = report.network.layers.first(where: { $0.name == subject }) else {
                    return .failure(.notApplicable(self, kind: layer.kind.word))
                }
                let b = spec.initialBias
                return .success(b == b.rounded() && abs(b) < 1e15 ? .number(Int(b)) : .text("\(b)"))
            }
            return Self.value(field, of: layer).map { .success($0) }
                ?? .failure(.notApplicable(self, kind: layer.kind.word))
        }
    }

    private static func sum(_ report: ShapeReport, _ kind: String, _ field: KeyPath<LayerReport, Int>) -> Int {
        report.layers.filter { $0.kind.word == kind }.reduce(0) { $0 + $1[keyPath: field] }
    }

    /// A whole percentage, rounded to nearest.
    private static func percent(_ part: Int, of whole: Int) -> Int {
        Int((Double(part) * 100 / Double(max(whole, 1))).rounded())
    }

    private static func value(_ field: String, of layer: LayerReport) -> CoreValue? {
        switch field {
        case "output": .text(layer.output.description)
        case "input": .text(layer.input.description)
        case "size": layer.output.isFlat ? .number(layer.output.channels) : .number(layer.output.height)
        case "channels": .number(layer.output.channels)
        case "params": .number(layer.params)
        case "weights": .number(layer.weights)
        case "biases": .number(layer.biases)
        case "macs": .number(layer.macs)
        case "activations": .number(layer.activations)
        case "rf": .number(layer.receptiveField)
        case "jump": .number(layer.jump)
        case "kernel": layer.kernel.map { .number($0) }
        case "stride": layer.stride.map { .number($0) }
        case "padding": layer.padding.map { .number($0) }
        case "groups": layer.groups.map { .number($0) }
        case "formula": .text(layer.formulaText)
        case "exactness": layer.formula.map { .text($0.exactnessNote) }
        case "dropped": layer.formula.map { .number($0.droppedPixels) }
        default: nil
        }
    }
}

/// Why a `layer.field` name does not resolve.
public enum ExpressionError: Error, Equatable, CustomStringConvertible {
    case unknownLayer(String, preset: Preset, known: [String])
    case unknownField(CoreExpression, expected: [String])
    case notApplicable(CoreExpression, kind: String)

    public var description: String {
        switch self {
        case .unknownLayer(let name, let preset, let known):
            let learned = known.filter { $0.hasPrefix("conv") || $0.hasPrefix("fc") || $0.hasPrefix("pool") }
            return "no layer '\(name)' in preset \(preset.rawValue) (layers include \(learned.joined(separator: ", ")))"
        case .unknownField(let e, let expected):
            return "unknown field '\(e.field)' in \(e); expected one of: \(expected.joined(separator: ", "))"
        case .notApplicable(let e, let kind):
            let known = CoreExpression.layerFields.map(\.name).contains(e.field)
            return known ? "\(e) does not apply: \(e.subject) is a \(kind) layer"
                : "unknown field '\(e.field)' in \(e); expected one of: \(CoreExpression.layerFields.map(\.name).joined(separator: ", "))"
        }
    }
}
