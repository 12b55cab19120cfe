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
        let name = onAlexNet ? "\(Self.paperNetwork)'s" : "The mini network's"
        let input = report.input
        let prompt = "\(name) \(layer.name) unit at y \(y), x \(x) (of its \(layer.output.height)×\(layer.output.width) maps): "
            + "its receptive field on the \(input.height)×\(input.width) input is a box of rows a–b. What is b, its last row (rows count from 0)?"
        var worked = ["Going back one window at a time, rows r0–r1 of a layer's output come from rows r0·S − P … r1·S − P + F − 1 of its input, clipped to the input:"]
        var (r0, r1) = (y, y)
        for i in stride(from: index, through: 0, by: -1) {
            let l = report.layers[i]
            guard let f = l.kernel, let s = l.stride, let p = l.padding else { continue }
            let height = report.inputShape(ofLayer: i).height
            let (a, b) = (r0 * s - p, r1 * s - p + f - 1)
            let (ca, cb) = (max(0, a), min(height - 1, b))
            worked.append("\(l.name) (F=\(f), S=\(s), P=\(p)): rows \(r0)–\(r1) ← \(report.inputName(ofLayer: i)) rows \(a)–\(b)"
                          + (ca != a || cb != b ? ", clipped to \(ca)–\(cb)" : ""))
            (r0, r1) = (ca, cb)
        }
        worked.append("The box: \(box.text) of the input, so b = \(box.y1).")
        return QuizQuestion(kind: .unitReceptiveBox, prompt: prompt, answer: box.y1, worked: worked,
                            givens: ["layer": index, "alexnet": onAlexNet ? 1 : 0, "y": y, "x": x, "a": box.y0, "c": box.x0, "d": box.x1])
    }
}
