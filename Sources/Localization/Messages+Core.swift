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
