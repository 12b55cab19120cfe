// Messages of the core's own text forms: a window formula's exactness note and edge rule, a unit's box,
// the presets' one-line summaries.
public extension Messages {
    static func gapNote(stride: Int, window: Int, between: Int, unseen: Int) -> String { text(["stride": stride, "window": window, "between": between, "s": s(between), "unseen": unseen, "s2": s(unseen), "are": unseen == 1 ? "is" : "are"]) }
    static func exactEveryPixel(span: Int, times: Int, stride: Int) -> String { text(["span": span, "times": times, "stride": stride]) }
    static func exactNothingLeft(span: Int, times: Int, stride: Int) -> String { text(["span": span, "times": times, "stride": stride]) }
    static func notExactPaddingOnly(span: Int, stride: Int, remainder: Int) -> String { text(["span": span, "stride": stride, "remainder": remainder]) }
    static func notExactLost(span: Int, stride: Int, remainder: Int, lost: Int) -> String { text(["span": span, "stride": stride, "remainder": remainder, "lost": lost, "s": s(lost), "are": lost == 1 ? "is" : "are"]) }
    static func notExactHangs(span: Int, stride: Int, remainder: Int, hang: Int) -> String { text(["span": span, "stride": stride, "remainder": remainder, "hang": hang]) }
    static func edgeExact(span: Int, times: Int, stride: Int) -> String { text(["span": span, "times": times, "stride": stride]) }
    static func edgeNotExact(span: Int, stride: Int, remainder: Int) -> String { text(["span": span, "stride": stride, "remainder": remainder]) }
    static func edgeDropped(window: Int, start: Int, input: Int, padding: Int) -> String { text(["window": window, "start": start, "input": input, "padding": padding]) }
    static func edgeLost(lost: Int) -> String { text(["lost": lost, "s": s(lost), "are": lost == 1 ? "is" : "are"]) }
    static func formulaPastInput(formula: String, windows: Int, output: Int) -> String { text(["formula": formula, "windows": windows, "output": output]) }
    static func stepWouldStart(window: Int, quotient: Int, stride: Int, start: Int) -> String { text(["window": window, "q": quotient, "stride": stride, "start": start]) }
    static func stepPastInput(edge: Int) -> String { text(["edge": edge]) }
    static func boxRowsCols(y0: Int, y1: Int, x0: Int, x1: Int) -> String { text(["y0": y0, "y1": y1, "x0": x0, "x1": x1]) }
    static var presetAlexNet: String { text() }
    static var presetAlexNet1Tower: String { text() }
    static var presetTorchvision: String { text() }
    static var presetMini: String { text() }
    static var presetFigure1: String { text() }
    static var presetLeNet5: String { text() }
    static var presetZFNet: String { text() }
    static var presetVGG16: String { text() }
}

// The ReLU-vs-tanh comparison's result line.
public extension Messages {
    static var resultNoRuns: String { text() }
    static func resultFirstAt(name: String, target: String, step: String) -> String { text(["name": name, "target": target, "step": step]) }
    static func resultFirstAtCompact(name: String, target: String, step: String) -> String { text(["name": name, "target": target, "step": step]) }
    static func resultOtherAt(name: String, step: String) -> String { text(["name": name, "step": step]) }
    static func resultFirstNever(name: String, target: String, last: String) -> String { text(["name": name, "target": target, "last": last]) }
    static func resultFirstNeverCompact(name: String, target: String, last: String) -> String { text(["name": name, "target": target, "last": last]) }
    static func resultOtherNever(name: String, last: String) -> String { text(["name": name, "last": last]) }
    static func resultLastError(error: String, step: String) -> String { text(["error": error, "step": step]) }
    static func resultMoreSteps(ratio: String, label: String) -> String { text(["ratio": ratio, "label": label]) }
    static func resultFewerSteps(ratio: String, label: String) -> String { text(["ratio": ratio, "label": label]) }
    static var resultPartsSeparator: String { text() }
    static var resultRatiosIntro: String { text() }
    static var resultRatiosSeparator: String { text() }
}

// The neuron inspector's explanation (alexnet neuron and the features screen's panel).
public extension Messages {
    static func neuronTitleFlat(layer: String, unit: Int, kind: String) -> String { text(["layer": layer, "unit": unit, "kind": kind]) }
    static func neuronTitle(layer: String, channel: Int, y: Int, x: Int, kind: String) -> String { text(["layer": layer, "channel": channel, "y": y, "x": x, "kind": kind]) }
    static func neuronWindow(input: String, shape: String, size: Int, y: Int, x: Int, stride: Int, padding: Int) -> String { text(["input": input, "shape": shape, "size": size, "y": y, "x": x, "stride": stride, "padding": padding]) }
    static func neuronClipped(input: String, box: String) -> String { text(["input": input, "box": box]) }
    static var neuronRestPadding: String { text() }
    static func neuronInput(input: String, shape: String) -> String { text(["input": input, "shape": shape]) }
    static func neuronField(box: String, height: Int, width: Int) -> String { text(["box": box, "h": height, "w": width]) }
    static func neuronGroup(group: Int, groups: Int, first: Int, last: Int) -> String { text(["group": group, "groups": groups, "first": first, "last": last]) }
    static var neuronIdentity: String { text() }
    static func neuronValue(value: String, forward: String, difference: String) -> String { text(["value": value, "forward": forward, "difference": difference]) }
    static func neuronCheck(layer: String, recomputed: String, forward: String, difference: String) -> String { text(["layer": layer, "recomputed": recomputed, "forward": forward, "difference": difference]) }
    static func neuronConvSum(terms: Int, per: Int, f: Int) -> String { text(["terms": terms, "per": per, "f": f]) }
    static func neuronMoreProducts(count: Int) -> String { text(["count": count]) }
    static func neuronOnPadding(count: Int) -> String { text(["count": count]) }
    static func neuronBias(bias: String, pre: String) -> String { text(["bias": bias, "pre": pre]) }
    static func neuronLinearSum(terms: Int) -> String { text(["terms": terms]) }
    static func neuronMaxOver(terms: Int) -> String { text(["terms": terms]) }
    static func neuronWinner(value: String, y: Int, x: Int, input: String) -> String { text(["value": value, "y": y, "x": x, "input": input]) }
    static func neuronExponentials(classes: Int, max: String) -> String { text(["classes": classes, "max": max]) }
    static func neuronClass(index: Int, name: String, logit: String, exp: String) -> String { text(["index": index, "name": name, "logit": logit, "exp": exp]) }
    static var neuronThisUnit: String { text() }
    static func neuronMoreClasses(count: Int) -> String { text(["count": count]) }
    static func neuronSumAll(classes: Int, sum: String) -> String { text(["classes": classes, "sum": sum]) }
    static func neuronProbability(logit: String, max: String, sum: String, value: String) -> String { text(["logit": logit, "max": max, "sum": sum, "value": value]) }
    static func neuronLRN(layer: String, first: Int, last: Int) -> String { text(["layer": layer, "first": first, "last": last]) }
}
