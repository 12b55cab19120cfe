#if canImport(Glibc)
import Glibc
#endif

/// The text and JSON forms of a `NeuronExplanation`, shared by `alexnet neuron` and the inspector panel.
public enum NeuronReport {
    /// About four significant digits, without Foundation's locale: 0.1234, -2.075, 1234.5, 3.2e-07.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        if v == 0 { return "0" }
        let magnitude = abs(v)
        if magnitude >= 1e6 || magnitude < 1e-4 { return scientific(v) }
        let places = max(1, min(6, 3 - Int(floor(log10(magnitude)))))
        return NumberText.fixed(v, places)
    }

    /// 3.20e-07: mantissa with two places, a signed two-digit exponent.
    public static func scientific(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return number(v) }
        var e = Int(floor(log10(abs(v))))
        var m = v / pow(10, Double(e))
        if abs((m * 100).rounded()) >= 1000 { m /= 10; e += 1 }
        return NumberText.fixed(m, 2) + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
    }

    /// A difference, always in exponent form so that 3e-08 is not rounded away.
    public static func difference(_ v: Double) -> String { v == 0 ? "0" : scientific(v) }

    /// The headline: which unit, of which layer, of what kind.
    public static func title(_ e: NeuronExplanation) -> String {
        let u = e.unit
        return e.outputShape.isFlat ? "\(u.layer) unit \(u.channel) (\(e.kind))"
            : "\(u.layer) channel \(u.channel) at y \(u.y), x \(u.x) (\(e.kind))"
    }

    /// The explanation as lines of plain text, top to bottom: where the unit looks, its arithmetic with the
    /// real numbers, then every recomputed value beside the forward pass's.
    /// `classNames` (the weights' classes, in output order) name the softmax's classes when given.
    public static func lines(_ e: NeuronExplanation, classNames: [String] = []) -> [String] {
        var out = [title(e)]
        let rf = e.receptiveField
        if let w = e.window {
            out.append("window on \(e.inputName) (\(e.inputShape)): \(w.size)×\(w.size) at y \(w.y0), x \(w.x0), stride \(w.stride), padding \(w.padding)")
            out.append("  clipped to \(e.inputName): \(w.clipped.text)" + (w.clipped.height < w.size || w.clipped.width < w.size ? " (the rest is padding)" : ""))
        } else {
            out.append("input: \(e.inputName) (\(e.inputShape))")
        }
        out.append("receptive field on the image: \(rf.text) (\(rf.height)×\(rf.width) pixels)")
        if let g = e.group {
            out.append("grouped conv: group \(g.group + 1) of \(g.groups), so only input channels \(g.channels.lowerBound)–\(g.channels.upperBound - 1)")
        }
        switch e.kind {
        case "conv": out += convLines(e)
        case "linear": out += linearLines(e)
        case "maxpool": out += poolLines(e)
        case "softmax": out += softmaxLines(e, classNames: classNames)
        default:
            if let a = e.activation { out.append(activationLine(a)) }
            if let l = e.lrn { out += lrnLines(l) }
            if e.activation == nil && e.lrn == nil { out.append("identity at evaluation: the value is its input's") }
        }
        out.append("value \(number(e.value)), forward pass \(number(e.forwardValue)), difference \(difference(e.value - e.forwardValue))")
        if e.checks.count > 1 {
            for c in e.checks {
                out.append("  \(c.layer): recomputed \(number(c.recomputed)), forward \(number(c.forward)), difference \(difference(c.difference))")
            }
        }
        return out
    }

    private static func convLines(_ e: NeuronExplanation) -> [String] {
        guard let sum = e.sum, let bias = e.bias, let pre = e.preActivation else { return [] }
        let f = e.window?.size ?? 1, perGroup = e.patch?.shape[0] ?? 0
        var out = ["sum of \(e.terms) products (C·F·F = \(perGroup)·\(f)·\(f)), input × weight:"]
        for t in e.shownTerms {
            out.append("  x[\(t.channel),\(t.y),\(t.x)] × w = \(number(t.input)) × \(number(t.weight)) = \(number(t.product))")
        }
        if e.terms > e.shownTerms.count {
            out.append("  … \(e.terms - e.shownTerms.count) more products" + (e.paddingTerms > 0 ? " (\(e.paddingTerms) on the padding, 0 each)" : ""))
        }
        out.append("  Σ = \(number(sum))")
        out.append("  + bias \(number(bias)) = pre-activation \(number(pre))")
        if let a = e.activation { out.append(activationLine(a)) }
        if let l = e.lrn { out += lrnLines(l) }
        return out
    }

    private static func linearLines(_ e: NeuronExplanation) -> [String] {
        guard let sum = e.sum, let bias = e.bias, let pre = e.preActivation else { return [] }
        var out = ["sum of \(e.terms) products, input × weight; the largest contributions:"]
        for t in e.shownTerms {
            out.append("  x[\(t.channel)] × w = \(number(t.input)) × \(number(t.weight)) = \(number(t.product))")
        }
        if e.terms > e.shownTerms.count { out.append("  … \(e.terms - e.shownTerms.count) more products") }
        out.append("  Σ = \(number(sum))")
        out.append("  + bias \(number(bias)) = pre-activation \(number(pre))")
        if let a = e.activation { out.append(activationLine(a)) }
        return out
    }

    private static func poolLines(_ e: NeuronExplanation) -> [String] {
        guard let p = e.pool else { return [] }
        var out = ["max over the window's \(e.terms) values:"]
        for row in p.values { out.append("  " + row.map(number).joined(separator: "  ")) }
        out.append("  winner: \(number(p.value)) at y \(p.y), x \(p.x) of \(e.inputName)")
        return out
    }

    private static func softmaxLines(_ e: NeuronExplanation, classNames: [String]) -> [String] {
        guard let s = e.softmax else { return [] }
        var out = ["exponentials e^(z − max z) of the \(s.classes) logits (max z = \(number(s.maxLogit))):"]
        for t in s.exponentials {
            let name = classNames.indices.contains(t.index) ? " (\(classNames[t.index]))" : ""
            out.append("  class \(t.index)\(name): z = \(number(t.logit)), e^(z − max) = \(number(t.exponential))" + (t.index == e.unit.channel ? "  ← this unit" : ""))
        }
        if s.classes > s.exponentials.count { out.append("  … \(s.classes - s.exponentials.count) more classes") }
        out.append("  sum of all \(s.classes) = \(number(s.sum))")
        out.append("  probability = e^(\(number(s.logit)) − \(number(s.maxLogit))) / \(number(s.sum)) = \(number(e.value))")
        return out
    }

    private static func activationLine(_ a: ActivationStep) -> String {
        let name = switch a.function { case .relu: "ReLU"; case .tanh: "tanh"; case .sigmoid: "sigmoid" }
        return "\(a.layer): \(name)(\(number(a.input))) = \(number(a.output))"
    }

    private static func lrnLines(_ l: LRNStep) -> [String] {
        let first = l.neighbours.first?.channel ?? 0, last = l.neighbours.last?.channel ?? 0
        return [
            "\(l.layer): divided by (k + α·Σ a²)^β over channels \(first)–\(last) at this position:",
            "  a = " + l.neighbours.map { "ch\($0.channel) \(number($0.value))" }.joined(separator: ", "),
            "  (\(NumberText.shortDecimal(l.spec.k)) + \(NumberText.shortDecimal(l.spec.alpha))·\(number(l.sumOfSquares)))^\(NumberText.shortDecimal(l.spec.beta)) = \(number(l.divisor))",
            "  \(number(l.input)) / \(number(l.divisor)) = \(number(l.output))",
        ]
    }

    // MARK: - JSON

    /// The keys `alexnet neuron --format json` promises, plus the details of each kind.
    public static func json(_ e: NeuronExplanation) -> JSONValue {
        let d: (Double?) -> JSONValue = { $0.map(JSONValue.double) ?? .null }
        var fields: [(String, JSONValue)] = [
            ("layer", .string(e.unit.layer)), ("kind", .string(e.kind)),
            ("channel", .int(e.unit.channel)), ("y", .int(e.unit.y)), ("x", .int(e.unit.x)),
            ("input", .string(e.inputName)), ("input_shape", .array(e.inputShape.dimensions.map(JSONValue.int))),
        ]
        if let w = e.window {
            fields.append(("window", .object([("y0", .int(w.y0)), ("x0", .int(w.x0)), ("size", .int(w.size)),
                                              ("stride", .int(w.stride)), ("padding", .int(w.padding)),
                                              ("clipped", box(w.clipped))])))
        } else {
            fields.append(("window", .null))
        }
        fields.append(("receptive_field", box(e.receptiveField)))
        if let g = e.group {
            fields.append(("group", .object([("groups", .int(g.groups)), ("group", .int(g.group)),
                                             ("channels", .array([.int(g.channels.lowerBound), .int(g.channels.upperBound - 1)]))])))
        }
        fields += [("terms", .int(e.terms)), ("padding_terms", .int(e.paddingTerms)),
                   ("products", .array(e.shownTerms.map { t in
                       .object([("channel", .int(t.channel)), ("y", .int(t.y)), ("x", .int(t.x)),
                                ("input", .double(t.input)), ("weight", .double(t.weight)), ("product", .double(t.product))])
                   })),
                   ("sum", d(e.sum)), ("bias", d(e.bias)), ("pre_activation", d(e.preActivation))]
        fields.append(("activation", e.activation.map { a in
            .object([("layer", .string(a.layer)), ("function", .string(a.function.rawValue)), ("value", .double(a.output))])
        } ?? .null))
        if let l = e.lrn {
            fields.append(("lrn", .object([("layer", .string(l.layer)),
                                           ("neighbours", .array(l.neighbours.map { .object([("channel", .int($0.channel)), ("value", .double($0.value))]) })),
                                           ("sum_of_squares", .double(l.sumOfSquares)), ("divisor", .double(l.divisor)),
                                           ("value", .double(l.output))])))
        }
        if let p = e.pool {
            fields.append(("pool", .object([("values", .array(p.values.map { .array($0.map(JSONValue.double)) })),
                                            ("winner", .object([("y", .int(p.y)), ("x", .int(p.x)), ("value", .double(p.value))]))])))
        }
        if let s = e.softmax {
            fields.append(("softmax", .object([("logit", .double(s.logit)), ("max_logit", .double(s.maxLogit)),
                                               ("exponentials", .array(s.exponentials.map { .object([("class", .int($0.index)), ("logit", .double($0.logit)), ("exp", .double($0.exponential))]) })),
                                               ("sum", .double(s.sum))])))
        }
        fields += [("value", .double(e.value)), ("forward_value", .double(e.forwardValue)),
                   ("difference", .double(e.value - e.forwardValue)),
                   ("checks", .array(e.checks.map { c in
                       .object([("layer", .string(c.layer)), ("recomputed", .double(c.recomputed)),
                                ("forward", .double(c.forward)), ("difference", .double(c.difference))])
                   }))]
        return .object(fields)
    }

    private static func box(_ b: PixelBox) -> JSONValue {
        .object([("y0", .int(b.y0)), ("y1", .int(b.y1)), ("x0", .int(b.x0)), ("x1", .int(b.x1))])
    }
}
