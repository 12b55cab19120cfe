import Localization
import AlexNetCore

extension QuizGenerator {
    /// "Which input rows does conv2's unit at y 7, x 12 see?": the box comes from the core's
    /// `ShapeReport.receptiveField(ofLayer:y:x:)`; the worked answer walks the rows back window by window.
    mutating func unitReceptiveBox(onAlexNet: Bool) -> QuizQuestion {
        let report = onAlexNet ? alexnet : (try? Preset.mini.spec.shapeReport()) ?? alexnet
        let candidates = report.layers.indices.filter { report.layers[$0].formula != nil }
        let index = candidates[rng.below(candidates.count)]
        let layer = report.layers[index]
        let (y, x) = (rng.below(layer.output.height), rng.below(layer.output.width))
        let box = report.receptiveField(ofLayer: index, y: y, x: x)
        let input = report.input
        let prompt = (onAlexNet ? Messages.quizBoxAlexNet : Messages.quizBoxMini)(layer.name, y, x, layer.output.height, layer.output.width,
                                                                                input.height, input.width)
        var worked = [Messages.quizBoxRule]
        var (r0, r1) = (y, y)
        for i in stride(from: index, through: 0, by: -1) {
            let l = report.layers[i]
            guard let f = l.kernel, let s = l.stride, let p = l.padding else { continue }
            let height = report.inputShape(ofLayer: i).height
            let (a, b) = (r0 * s - p, r1 * s - p + f - 1)
            let (ca, cb) = (max(0, a), min(height - 1, b))
            worked.append(Messages.quizBoxStep(layer: l.name, f: f, s: s, p: p, r0: r0, r1: r1, input: report.inputName(ofLayer: i), a: a, b: b,
                                               clip: ca != a || cb != b ? Messages.quizBoxClipped(ca, cb) : ""))
            (r0, r1) = (ca, cb)
        }
        worked.append(Messages.quizBoxResult(box.text, last: box.y1))
        return QuizQuestion(kind: .unitReceptiveBox, prompt: prompt, answer: box.y1, worked: worked,
                            givens: ["layer": index, "alexnet": onAlexNet ? 1 : 0, "y": y, "x": x, "a": box.y0, "c": box.x0, "d": box.x1])
    }
}
