// The layer walk's explanation of each layer kind and of the two GPUs' split.
public extension Messages {
    static func explainConv(filters: Int, stride: Int, kernel: Int, depth: Int) -> String { text(["filters": filters, "stride": stride, "k": kernel, "depth": depth]) }
    static func explainGroups(groups: Int, per: Int, maps: Int) -> String { text(["groups": groups, "per": per, "maps": maps]) }
    static var explainReLU: String { text() }
    static var explainTanh: String { text() }
    static var explainSigmoid: String { text() }
    static func explainLRN(n: Int, k: String, alpha: String, beta: String) -> String { text(["n": n, "k": k, "alpha": alpha, "beta": beta]) }
    static func explainMaxPool(kernel: Int, stride: Int) -> String { text(["k": kernel, "stride": stride]) }
    static func explainOverlapping(kernel: Int, stride: Int) -> String { text(["k": kernel, "stride": stride]) }
    static func explainDropout(rate: String) -> String { text(["p": rate]) }
    static func explainDropoutAfter(layer: String) -> String { text(["layer": layer]) }
    static func explainDropoutBefore(layer: String) -> String { text(["layer": layer]) }
    static func explainFlatten(input: String, count: String) -> String { text(["input": input, "count": count]) }
    static var explainFlattenTorchvision: String { text() }
    static func explainLinear(outputs: String, inputs: String) -> String { text(["outputs": outputs, "inputs": inputs]) }
    static func explainLinearShare(share: String) -> String { text(["share": share]) }
    static var explainSoftmaxTorchvision: String { text() }
    static func explainSoftmax(scores: String) -> String { text(["scores": scores]) }
    static func explainPaper224(floor: String, ceil: String) -> String { text(["floor": floor, "ceil": ceil]) }
    static func explainWithInput(input: Int, note: String) -> String { text(["input": input, "note": note]) }
    static func explainNeurons(h: Int, w: Int, c: Int, count: String) -> String { text(["h": h, "w": w, "c": c, "count": count]) }
    static func gpuHalf(half: Int) -> String { text(["half": half]) }
    static func gpuOwnMaps(half: String, maps: Int) -> String { text(["half": half, "maps": maps]) }
    static func gpuBothSeeAll(half: String, channels: Int) -> String { text(["half": half, "channels": channels]) }
    static func gpuEachReadsAll(half: String, maps: Int) -> String { text(["half": half, "maps": maps]) }
    static func gpuNeuronsBoth(half: Int) -> String { text(["half": half]) }
    static var gpuInputBoth: String { text() }
    static var gpuOwnHalf: String { text() }
    static func gpuOwnMapsOnly(maps: Int) -> String { text(["maps": maps]) }
}

// The layer walk's numbers panel and parameter table.
public extension Messages {
    static func detailWidth(formula: String) -> String { text(["formula": formula]) }
    static var detailShape: String { text() }
    static var detailParameters: String { text() }
    static func detailWeightsProduct(product: String) -> String { text(["product": product]) }
    static func detailWeightsBiases(weights: String, biases: String) -> String { text(["weights": weights, "biases": biases]) }
    static var detailNothingToLearn: String { text() }
    static var detailTwoGPUs: String { text() }
    static var detailMACs: String { text() }
    static var detailNoMACs: String { text() }
    static var detailMACsPerImage: String { text() }
    static var detailActivations: String { text() }
    static var detailReceptive: String { text() }
    static var detailInputPixels: String { text() }
    static func detailJump(jump: Int) -> String { text(["jump": jump]) }
    static var kindConvolution: String { text() }
    static var kindLRN: String { text() }
    static var kindOverlappingMaxPool: String { text() }
    static var kindMaxPool: String { text() }
    static var kindDropout: String { text() }
    static var kindFlatten: String { text() }
    static var kindFullyConnected: String { text() }
    static func hyperConv(filters: Int, kernel: Int, depth: Int, stride: Int, padding: Int, groups: String) -> String { text(["filters": filters, "k": kernel, "depth": depth, "stride": stride, "padding": padding, "groups": groups]) }
    static func hyperGroups(groups: Int) -> String { text(["groups": groups]) }
    static func hyperPool(kernel: Int, stride: Int, padding: Int) -> String { text(["k": kernel, "stride": stride, "padding": padding]) }
    static func hyperDropout(rate: String) -> String { text(["p": rate]) }
    static var tableWhere: String { text() }
    static var tableLive: String { text() }
    static var tableLayer: String { text() }
    static var tableParams: String { text() }
    static var tableSoFar: String { text() }
    static var tableShare: String { text() }
}
