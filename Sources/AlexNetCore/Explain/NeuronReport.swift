import Localization
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
        return e.outputShape.isFlat ? Messages.neuronTitleFlat(layer: u.layer, unit: u.channel, kind: e.kind)
            : Messages.neuronTitle(layer: u.layer, channel: u.channel, y: u.y, x: u.x, kind: e.kind)
    }

    /// The explanation as lines of plain text, top to bottom: where the unit looks, its arithmetic with the
    /// real numbers, then every recomputed value beside the forward pass's.
    /// `classNames` (the weights' classes, in output order) name the softmax's classes when given.
    public static func lines(_ e: NeuronExplanation, classNames: [String] = []) -> [String] {
        var out = [title(e)]
        let rf = e.receptiveField
        if let w = e.window {
            out.append(Messages.neuronWindow(input: e.inputName, shape: "\(e.inputShape)", size: w.size, y: w.y0, x: w.x0, stride: w.stride, padding: w.padding))
            out.append(Messages.neuronClipped(input: e.inputName, box: w.clipped.text)
                       + (w.clipped.height < w.size || w.clipped.width < w.size ? Messages.neuronRestPadding : ""))
        } else {
            out.append(Messages.neuronInput(input: e.inputName, shape: "\(e.inputShape)"))
        }
        out.append(Messages.neuronField(box: rf.text, height: rf.height, width: rf.width))
        if let g = e.group {
            out.append(Messages.neuronGroup(group: g.group + 1, groups: g.groups, first: g.channels.lowerBound, last: g.channels.upperBound - 1))
        }
        switch e.kind {
        case "conv": out += convLines(e)
        case "linear": out += linearLines(e)
        case "maxpool": out += poolLines(e)
        case "softmax": out += softmaxLines(e, classNames: classNames)
        default:
            if let a = e.activation { out.append(activationLine(a)) }
            if let l = e.lrn { out += lrnLines(l) }
            if e.activation == nil && e.lrn == nil { out.append(Messages.neuronIdentity) }
        }
        out.append(Messages.neuronValue(value: number(e.value), forward: number(e.forwardValue), difference: difference(e.value - e.forwardValue)))
        if e.checks.count > 1 {
            for c in e.checks {
                out.append(Messages.neuronCheck(layer: c.layer, recomputed: number(c.recomputed), forward: number(c.forward), difference: difference(c.difference)))
            }
        }
        return out
    }

    private static func convLines(_ e: NeuronExplanation) -> [String] {
        guard let sum = e.sum, let bias = e.bias, let pre = e.preActivation else { return [] }
        let f = e.window?.size ?? 1, perGroup = e.patch?.shape[0] ?? 0
        var out = [Messages.neuronConvSum(terms: e.terms, per: perGroup, f: f)]
        for t in e.shownTerms {
            out.append("  x[\(t.channel),\(t.y),\(t.x)] × w = \(number(t.input)) × \(number(t.weight)) = \(number(t.product))")
        }
        if e.terms > e.shownTerms.count {
            out.append(Messages.neuronMoreProducts(count: e.terms - e.shownTerms.count) + (e.paddingTerms > 0 ? Messages.neuronOnPadding(count: e.paddingTerms) : ""))
        }
        out.append("  Σ = \(number(sum))")
        out.append(Messages.neuronBias(bias: number(bias), pre: number(pre)))
        if let a = e.activation { out.append(activationLine(a)) }
        if let l = e.lrn { out += lrnLines(l) }
        return out
    }

    private static func linearLines(_ e: NeuronExplanation) -> [String] {
        guard let sum = e.sum, let bias = e.bias, let pre = e.preActivation else { return [] }
        var out = [Messages.neuronLinearSum(terms: e.terms)]
        for t in e.shownTerms {
            out.append("  x[\(t.channel)] × w = \(number(t.input)) × \(number(t.weight)) = \(number(t.product))")
        }
        if e.terms > e.shownTerms.count { out.append(Messages.neuronMoreProducts(count: e.terms - e.shownTerms.count)) }
        out.append("  Σ = \(number(sum))")
        out.append(Messages.neuronBias(bias: number(bias), pre: number(pre)))
        if let a = e.activation { out.append(activationLine(a)) }
        return out
    }

    private static func poolLines(_ e: NeuronExplanation) -> [String] {
        guard let p = e.pool else { return [] }
        var out = [Messages.neuronMaxOver(terms: e.terms)]
        for row in p.values { out.append("  " + row.map(number).joined(separator: "  ")) }
        out.append(Messages.neuronWinner(value: number(p.value), y: p.y, x: p.x, input: e.inputName))
        return out
    }

    private static func softmaxLines(_ e: NeuronExplanation, classNames: [String]) -> [String] {
        guard let s = e.softmax else { return [] }
        var out = [Messages.neuronExponentials(classes: s.classes, max: number(s.maxLogit))]
        for t in s.exponentials {
            let name = classNames.indices.contains(t.index) ? " (\(classNames[t.index]))" : ""
            out.append(Messages.neuronClass(index: t.index, name: name, logit: number(t.logit), exp: number(t.exponential)) + (t.index == e.unit.channel ? Messages.neuronThisUnit : ""))
        }
        if s.classes > s.exponentials.count { out.append(Messages.neuronMoreClasses(count: s.classes - s.exponentials.count)) }
        out.append(Messages.neuronSumAll(classes: s.classes, sum: number(s.sum)))
        out.append(Messages.neuronProbability(logit: number(s.logit), max: number(s.maxLogit), sum: number(s.sum), value: number(e.value)))
        return out
    }

    private static func activationLine(_ a: ActivationStep) -> String {
        let name = switch a.function { case .relu: "ReLU"; case .tanh: "tanh"; case .sigmoid: "sigmoid" }
        return "\(a.layer): \(name)(\(number(a.input))) = \(number(a.output))"
    }

    private static func lrnLines(_ l: LRNStep) -> [String] {
        let first = l.neighbours.first?.channel ?? 0, last = l.neighbours.last?.channel ?? 0
        return [
            Messages.neuronLRN(layer: l.layer, first: first, last: last),
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
