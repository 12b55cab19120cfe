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
        ("n", "channels an LRN layer sums over (LRN only)"),
        ("k", "LRN's constant k (text, LRN only)"),
        ("alpha", "LRN's α (text, LRN only)"),
        ("beta", "LRN's β (text, LRN only)"),
        ("p", "the probability a dropout layer zeroes a value (text, dropout only)"),
    ]
    public static let totalFields = ["params", "macs", "activations", "layers", "convparams", "fcparams",
                                     "convmacs", "fcmacs", "convmacspercent", "fcparamspercent"]
    public static let inputFields = ["shape", "size", "channels", "values", "resize", "shift", "offsets"]

    /// Further terms of an arithmetic expression (`input.values * fc6.size`, `conv1.weights / 2`):
    /// numbers a lesson needs that no single field gives (a fully connected first layer's weights,
    /// fc6 read as a 6×6 convolution) are still computed from the core, never typed in.
    public var terms: [Term] = []

    /// `op operand`: `*` and `/` bind before `+` and `−`; a division must come out whole.
    public struct Term: Sendable, Equatable {
        public var op: Character
        public var operand: Operand
    }

    /// A core value (`fc6.size`) or a whole number written in the lesson (`2`).
    public enum Operand: Sendable, Equatable, CustomStringConvertible {
        case core(subject: String, field: String)
        case literal(Int)
        public var description: String {
            switch self {
            case .core(let s, let f): "\(s).\(f)"
            case .literal(let n): String(n)
            }
        }
    }

    public init(subject: String, field: String) {
        self.subject = subject; self.field = field
    }

    /// Parses `conv1.params` or `a op b op c …` (operands `word.word` or whole numbers, separated from
    /// `+ - * /` by spaces, the first a core value); nil otherwise.
    public init?(_ text: String) {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        guard let first = words.first, case .core(let s, let f)? = Self.operand(first),
              words.count % 2 == 1 else { return nil }
        subject = s; field = f
        var i = 1
        while i < words.count {
            guard words[i].count == 1, let op = words[i].first, "+-*/".contains(op),
                  let operand = Self.operand(words[i + 1]) else { return nil }
            terms.append(Term(op: op, operand: operand))
            i += 2
        }
    }

    private static func operand(_ word: String) -> Operand? {
        if let n = Int(word), n >= 0 { return .literal(n) }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } })
        else { return nil }
        return .core(subject: String(parts[0]), field: String(parts[1]))
    }

    public var description: String {
        ([Operand.core(subject: subject, field: field).description] + terms.map { "\($0.op) \($0.operand)" })
            .joined(separator: " ")
    }

    /// The value in `context`, or a message saying what does not resolve. With terms: whole-number
    /// arithmetic with overflow and inexact division reported, never trapped or rounded.
    public func evaluate(in context: LessonContext) -> Result<CoreValue, ExpressionError> {
        let head = evaluateField(in: context)
        guard !terms.isEmpty else { return head }
        func number(_ r: Result<CoreValue, ExpressionError>, _ name: String) -> Result<Int, ExpressionError> {
            r.flatMap { v in v.number.map { .success($0) } ?? .failure(.arithmetic(self, "\(name) is the text '\(v)', not a number")) }
        }
        var sums: [Int] = []
        var current: Int
        switch number(head, "\(subject).\(field)") { case .success(let n): current = n; case .failure(let e): return .failure(e) }
        var signs: [Character] = ["+"]
        for term in terms {
            let value: Int
            switch term.operand {
            case .literal(let n): value = n
            case .core(let s, let f):
                switch number(CoreExpression(subject: s, field: f).evaluate(in: context), "\(s).\(f)") {
                case .success(let n): value = n
                case .failure(let e): return .failure(e)
                }
            }
            switch term.op {
            case "*":
                let (p, o) = current.multipliedReportingOverflow(by: value)
                if o { return .failure(.arithmetic(self, "the product overflows")) }
                current = p
            case "/":
                guard value != 0, current % value == 0 else {
                    return .failure(.arithmetic(self, "\(NumberText.grouped(current)) / \(NumberText.grouped(value)) is not a whole number"))
                }
                current /= value
            default:
                sums.append(current); signs.append(term.op); current = value
            }
        }
        sums.append(current)
        var total = 0
        for (sign, v) in zip(signs, sums) {
            let (r, o) = sign == "-" ? total.subtractingReportingOverflow(v) : total.addingReportingOverflow(v)
            if o { return .failure(.arithmetic(self, "the sum overflows")) }
            total = r
        }
        return .success(.number(total))
    }

    /// One `layer.field`, `total.field` or `input.field`.
    private func evaluateField(in context: LessonContext) -> Result<CoreValue, ExpressionError> {
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
            // Where the training crops come from: the side images are resized to (the core's
            // preprocessing convention: 256 for 224–256 inputs, 28 for Fashion-MNIST), how far a crop can
            // shift, and the crop offsets per side.
            case "resize": return .success(.number(Preprocessing(network: report.network.input).resizeSide))
            case "shift": return .success(.number(Preprocessing(network: report.network.input).resizeSide - report.input.height))
            case "offsets": return .success(.number(Preprocessing(network: report.network.input).resizeSide - report.input.height + 1))
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
        case "n", "k", "alpha", "beta":
            if case .lrn(let spec) = layer.kind {
                switch field {
                case "n": .number(spec.size)
                case "k": .text(NumberText.shortDecimal(spec.k))
                case "alpha": .text(NumberText.shortDecimal(spec.alpha))
                default: .text(NumberText.shortDecimal(spec.beta))
                }
            } else { nil }
        case "p":
            if case .dropout(let p) = layer.kind { .text(NumberText.shortDecimal(p)) } else { nil }
        default: nil
        }
    }
}

/// Why a `layer.field` name does not resolve.
public enum ExpressionError: Error, Equatable, CustomStringConvertible {
    case unknownLayer(String, preset: Preset, known: [String])
    case unknownField(CoreExpression, expected: [String])
    case notApplicable(CoreExpression, kind: String)
    case arithmetic(CoreExpression, String)

    public var description: String {
        switch self {
        case .unknownLayer(let name, let preset, let known):
            let learned = known.filter { $0.hasPrefix("conv") || $0.hasPrefix("fc") || $0.hasPrefix("pool") }
            return "no layer '\(name)' in preset \(preset.rawValue) (layers include \(learned.joined(separator: ", ")))"
        case .unknownField(let e, let expected):
            return "unknown field '\(e.field)' in \(e); expected one of: \(expected.joined(separator: ", "))"
        case .arithmetic(let e, let why):
            return "\(e): \(why)"
        case .notApplicable(let e, let kind):
            let known = CoreExpression.layerFields.map(\.name).contains(e.field)
            return known ? "\(e) does not apply: \(e.subject) is a \(kind) layer"
                : "unknown field '\(e.field)' in \(e); expected one of: \(CoreExpression.layerFields.map(\.name).joined(separator: ", "))"
        }
    }
}
