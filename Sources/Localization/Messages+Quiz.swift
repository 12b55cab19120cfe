// Messages of the quiz: the session's prompts and feedback, the generated questions with their worked
// answers, the worksheet and the progress lines. Formulas inside them stay as in English.
public extension Messages {
    // MARK: - Session
    static func quizPromptLine(_ n: Int, of total: Int, prompt: String) -> String { text(["n": n, "total": total, "prompt": prompt]) }
    static var quizPleaseWholeNumber: String { text() }
    static var quizTryAgain: String { text() }
    static func quizScore(correct: Int, asked: Int) -> String { text(["correct": correct, "asked": asked]) }
    static var quizKeys: String { text() }
    static func quizMissedFirst(_ kinds: String) -> String { text(["kinds": kinds]) }
    static func quizNewBest(_ topic: String) -> String { text(["topic": topic]) }
    static func quizBest(_ topic: String, correct: Int, outOf: Int, sessions: Int) -> String {
        text(["topic": topic, "correct": correct, "outOf": outOf, "sessions": sessions, "zes": sessions == 1 ? "" : "zes"])
    }
    /// A question kind's short name (`QuizKind.rawValue` picks it).
    static func quizKindTitle(_ kind: String) -> String { text(key: "kind_" + kind) }

    // MARK: - Worksheet
    static func worksheetTitle(topic: String, count: Int, seed: String) -> String {
        text(["topic": topic, "count": count, "s": s(count), "seed": seed])
    }
    static func worksheetIntro(_ command: String) -> String { text(["command": command]) }
    static var worksheetInstructorCopy: String { text() }

    // MARK: - Questions: who is asked about
    static func quizIntroAlexNet(_ layer: String) -> String { text(["layer": layer]) }
    static var quizIntroConv: String { text() }
    static var quizIntroPool: String { text() }
    static var quizIntroLayer: String { text() }
    static var quizIntroFC: String { text() }
    static func quizCheck(_ formula: String) -> String { text(["formula": formula]) }

    // MARK: - Shapes
    static func quizWhatFilters(_ count: Int, kernel: Int) -> String { text(["count": count, "k": kernel]) }
    static func quizWhatWindows(_ kernel: Int) -> String { text(["k": kernel]) }
    static func quizWindowOutput(_ intro: String, input: String, what: String, stride: Int, padding: Int) -> String {
        text(["intro": intro, "input": input, "what": what, "stride": stride, "padding": padding])
    }
    static func quizPadding(_ intro: String, kernel: Int, side: Int) -> String { text(["intro": intro, "k": kernel, "w": side]) }
    static func quizPaddingWorked(kernel: Int, padding: Int) -> String { text(["k": kernel, "p": padding]) }
    static func quizStride(_ intro: String, kernel: Int, padding: Int, side: Int, out: Int) -> String {
        text(["intro": intro, "k": kernel, "p": padding, "w": side, "out": out])
    }
    static func quizStrideWorked(side: Int, kernel: Int, padding: Int, span: Int, outMinusOne: Int, stride: Int) -> String {
        text(["w": side, "k": kernel, "p": padding, "span": span, "outm1": outMinusOne, "s": stride])
    }
    static func quizInput(_ intro: String, kernel: Int, stride: Int, padding: Int, out: Int) -> String {
        text(["intro": intro, "k": kernel, "stride": stride, "p": padding, "out": out])
    }
    static func quizInputWorked(outMinusOne: Int, stride: Int, kernel: Int, padding: Int, answer: Int) -> String {
        text(["outm1": outMinusOne, "stride": stride, "k": kernel, "p": padding, "answer": answer])
    }
    static func quizIntroPoolCeilAlexNet(side: Int, layer: String) -> String { text(["side": side, "layer": layer]) }
    static var quizIntroPoolCeil: String { text() }
    static func quizPoolCeil(_ intro: String, side: Int, kernel: Int, stride: Int, padding: Int) -> String {
        text(["intro": intro, "w": side, "k": kernel, "stride": stride, "p": padding])
    }
    static func quizRoundingDownInstead(_ formula: String) -> String { text(["formula": formula]) }

    // MARK: - Parameters and cost
    static var quizOneGroup: String { text() }
    static func quizGroups(_ groups: Int, per: Int, channels: Int) -> String { text(["groups": groups, "per": per, "cin": channels]) }
    static func quizConvParams(_ intro: String, filters: Int, kernel: Int, channels: Int, grouping: String) -> String {
        text(["intro": intro, "cout": filters, "k": kernel, "cin": channels, "grouping": grouping])
    }
    static func quizConvWeights(filters: Int, per: Int, kernel: Int, weights: String) -> String {
        text(["cout": filters, "per": per, "k": kernel, "weights": weights])
    }
    static func quizBiasesOut(_ biases: Int) -> String { text(["biases": biases]) }
    static func quizTotalSum(weights: String, biases: Int, total: String) -> String { text(["weights": weights, "biases": biases, "total": total]) }
    static func quizFCParams(_ intro: String, inputs: Int, outputs: Int) -> String { text(["intro": intro, "in": inputs, "out": outputs]) }
    static func quizFCWeights(inputs: Int, outputs: Int, weights: String) -> String { text(["in": inputs, "out": outputs, "weights": weights]) }
    static func quizBiasesOutputs(_ biases: Int) -> String { text(["biases": biases]) }
    static func quizTotal(_ total: String) -> String { text(["total": total]) }
    static func quizConvMACs(_ intro: String, input: String, output: String, kernel: Int, groups: Int) -> String {
        text(["intro": intro, "input": input, "output": output, "k": kernel, "groups": groups, "s": s(groups)])
    }
    static func quizMACsPerOutput(per: Int, kernel: Int, product: Int) -> String { text(["per": per, "k": kernel, "n": product]) }
    static func quizOutputsCount(channels: Int, height: Int, width: Int, count: String) -> String {
        text(["c": channels, "h": height, "w": width, "n": count])
    }
    static func quizMACsTotal(outputs: String, per: Int, macs: String) -> String { text(["outputs": outputs, "per": per, "macs": macs]) }
    static func quizFCMACs(_ intro: String, inputs: Int, outputs: Int) -> String { text(["intro": intro, "in": inputs, "out": outputs]) }
    static func quizFCMACsWorked(inputs: Int, outputs: Int, macs: String) -> String { text(["in": inputs, "out": outputs, "macs": macs]) }
    static var quizOneImage: String { text() }
    static func quizBatchOf(_ n: Int) -> String { text(["n": n]) }
    static func quizActivationMemory(network: String, layer: String, output: String, who: String) -> String {
        text(["network": network, "layer": layer, "output": output, "who": who])
    }
    static func quizValuesPerImage(_ dims: String, count: String) -> String { text(["dims": dims, "n": count]) }
    static func quizBytes(values: String, batch: Int, bytes: String, readable: String) -> String {
        text(["values": values, "batch": batch, "bytes": bytes, "readable": readable])
    }
    static func quizMostParams(network: String, list: String) -> String { text(["network": network, "list": list]) }
    static func quizHoldsOf(_ layer: String, params: String, total: String) -> String { text(["layer": layer, "params": params, "total": total]) }
    static func quizWhatInput(from: Int, to: Int) -> String { text(["from": from, "to": to]) }
    static func quizWhatConv5(_ width: Int, old: Int) -> String { text(["width": width, "old": old]) }
    static func quizWhatIfParams(preset: String, total: String, what: String) -> String { text(["preset": preset, "total": total, "what": what]) }
    static func quizTotalChange(before: String, after: String, change: String) -> String { text(["before": before, "after": after, "change": change]) }
    static func quizShareMACs(network: String, total: String) -> String { text(["network": network, "total": total]) }
    static func quizShareParams(network: String, total: String) -> String { text(["network": network, "total": total]) }
    static func quizConvMultiplyAdds(_ part: String) -> String { text(["part": part]) }
    static func quizFCParameters(_ part: String) -> String { text(["part": part]) }
    static var quizShareMACsNote: String { text() }
    static var quizShareParamsNote: String { text() }

    // MARK: - Receptive fields
    static func quizReceptiveAlexNet(stack: String, layer: String) -> String { text(["stack": stack, "layer": layer]) }
    static func quizReceptiveStack(stack: String, layer: String) -> String { text(["stack": stack, "layer": layer]) }
    static var quizReceptiveRule: String { text() }
    static func quizBoxAlexNet(layer: String, y: Int, x: Int, height: Int, width: Int, inputHeight: Int, inputWidth: Int) -> String {
        text(["layer": layer, "y": y, "x": x, "h": height, "w": width, "ih": inputHeight, "iw": inputWidth])
    }
    static func quizBoxMini(layer: String, y: Int, x: Int, height: Int, width: Int, inputHeight: Int, inputWidth: Int) -> String {
        text(["layer": layer, "y": y, "x": x, "h": height, "w": width, "ih": inputHeight, "iw": inputWidth])
    }
    static var quizBoxRule: String { text() }
    static func quizBoxStep(layer: String, f: Int, s: Int, p: Int, r0: Int, r1: Int, input: String, a: Int, b: Int, clip: String) -> String {
        text(["layer": layer, "f": f, "stride": s, "p": p, "r0": r0, "r1": r1, "input": input, "a": a, "b": b, "clip": clip])
    }
    static func quizBoxClipped(_ a: Int, _ b: Int) -> String { text(["a": a, "b": b]) }
    static func quizBoxResult(_ box: String, last: Int) -> String { text(["box": box, "b": last]) }

    // MARK: - Dropout and LRN
    static func quizDropoutAlexNet(layer: String, rate: String, count: String) -> String { text(["layer": layer, "p": rate, "n": count]) }
    static func quizDropoutLayer(rate: String, count: String) -> String { text(["p": rate, "n": count]) }
    static func quizDropoutZeroed(_ intro: String) -> String { text(["intro": intro]) }
    static func quizDropoutZeroedWorked(count: String, rate: String, zeroed: String) -> String { text(["n": count, "p": rate, "zeroed": zeroed]) }
    static func quizDropoutPaper(value: Int, rate: String) -> String { text(["x": value, "p": rate]) }
    static func quizDropoutPaperWorked(keep: String, value: Int, expected: Int) -> String { text(["q": keep, "x": value, "expected": expected]) }
    static var quizDropoutPaperNote: String { text() }
    static func quizDropoutInverted(rate: String, value: Int) -> String { text(["p": rate, "x": value]) }
    static func quizDropoutInvertedWorked(keep: String, value: Int, kept: Int) -> String { text(["q": keep, "x": value, "kept": kept]) }
    static func quizDropoutInvertedNote(kept: Int, value: Int) -> String { text(["kept": kept, "x": value]) }
    static func quizLRN(k: String, n: Int, alpha: String, beta: String, list: String) -> String {
        text(["k": k, "n": n, "alpha": alpha, "beta": beta, "list": list])
    }
    static func quizLRNRule(_ n: Int) -> String { text(["n": n]) }
}
