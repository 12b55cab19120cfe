import AlexNetCore

/// The arithmetic behind a core number, one line at a time, shown after a wrong answer.
enum WorkedAnswer {
    static func lines(for expression: String, in report: ShapeReport) -> [String] {
        let parts = expression.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        if parts[0] == "total" {
            let learned = report.layers.filter { $0.kind.isLearned }
            let key = parts[1]
            let terms = learned.map { "\($0.name) \(NumberText.grouped(key == "macs" ? $0.macs : $0.params))" }
            let total = key == "macs" ? report.totalMACs : report.totalParams
            return ["\(key) = " + terms.joined(separator: " + ") + " = \(NumberText.grouped(total))"]
        }
        guard let index = report.layers.firstIndex(where: { $0.name == parts[0] }) else { return [] }
        let r = report.layers[index]
        let previousRF = index > 0 ? report.layers[index - 1].receptiveField : 1
        let previousJump = index > 0 ? report.layers[index - 1].jump : 1
        return lines(property: parts[1], layer: r, previousRF: previousRF, previousJump: previousJump)
    }

    static func lines(property: String, layer r: LayerReport, previousRF: Int, previousJump: Int) -> [String] {
        let g = NumberText.grouped
        switch property {
        case "output", "output.height", "output.width":
            return r.formula?.steps ?? []
        case "activations":
            return ["activations = C·H·W = \(r.output.channels)·\(r.output.height)·\(r.output.width) = \(g(r.activations))"]
        case "params", "weights", "biases":
            return paramLines(r)
        case "macs":
            switch r.kind {
            case .conv(let c):
                let inPerGroup = r.input.channels / c.groups
                return ["MACs = OH·OW·OC·(C/groups)·K·K = \(r.output.height)·\(r.output.width)·\(c.outChannels)·\(inPerGroup)·\(c.kernel)·\(c.kernel) = \(g(r.macs))"]
            case .linear(let out):
                return ["MACs = in·out = \(r.input.count)·\(out) = \(g(r.macs))"]
            default:
                return ["a \(r.kind.word) layer does no multiply-accumulates: MACs = 0"]
            }
        case "rf":
            if let k = r.kernel {
                return ["rf = previous rf + (K − 1)·jump = \(previousRF) + (\(k) − 1)·\(previousJump) = \(r.receptiveField)"]
            }
            return ["a \(r.kind.word) layer keeps the receptive field: rf = \(r.receptiveField)"]
        default:
            return []
        }
    }

    static func paramLines(_ r: LayerReport) -> [String] {
        let g = NumberText.grouped
        switch r.kind {
        case .conv(let c):
            let inPerGroup = r.input.channels / c.groups
            return [
                "weights = OC·(C/groups)·K·K = \(c.outChannels)·(\(r.input.channels)/\(c.groups))·\(c.kernel)·\(c.kernel) = \(c.outChannels)·\(inPerGroup)·\(c.kernel * c.kernel) = \(g(r.weights))",
                "biases = OC = \(g(r.biases))",
                "params = \(g(r.weights)) + \(g(r.biases)) = \(g(r.params))",
            ]
        case .linear(let out):
            return [
                "weights = in·out = \(g(r.input.count))·\(g(out)) = \(g(r.weights))",
                "biases = out = \(g(r.biases))",
                "params = \(g(r.weights)) + \(g(r.biases)) = \(g(r.params))",
            ]
        default:
            return ["a \(r.kind.word) layer learns nothing: params = 0"]
        }
    }
}
