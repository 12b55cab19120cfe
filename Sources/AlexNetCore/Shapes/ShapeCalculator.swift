extension NetworkSpec {
    /// Computes every layer's shapes, costs and receptive field, or explains the first impossible layer.
    public func shapeReport() throws(ShapeError) -> ShapeReport {
        try ShapeCalculator(network: self).run()
    }
}

/// Walks the layers once, carrying the shape, receptive field and jump forward.
struct ShapeCalculator {
    let network: NetworkSpec

    func run() throws(ShapeError) -> ShapeReport {
        let inp = network.input
        guard inp.channels > 0, inp.height > 0, inp.width > 0 else {
            throw ShapeError(file: network.file, layer: "input",
                             message: "input size must be positive, got \(inp.channels)×\(inp.height)×\(inp.width)")
        }
        guard !network.layers.isEmpty else {
            throw ShapeError(file: network.file, layer: "input", message: "the network has no layers")
        }
        var seen = Set<String>()
        var shape = FeatureShape(inp)
        var rf = 1, jump = 1
        var reports: [LayerReport] = []
        for (index, layer) in network.layers.enumerated() {
            func fail(_ message: String) -> ShapeError {
                ShapeError(file: network.file, line: layer.line, layer: layer.name, message: message)
            }
            guard seen.insert(layer.name).inserted else { throw fail("the name is used twice") }
            var r = LayerReport(name: layer.name, kind: layer.kind, input: shape, output: shape,
                                weights: 0, biases: 0, macs: 0, receptiveField: rf, jump: jump)
            switch layer.kind {
            case .conv(let c):
                guard !shape.isFlat else { throw fail("conv needs a C×H×W input, got a flat \(shape.count)") }
                guard c.outChannels > 0 else { throw fail("out channels must be positive, got \(c.outChannels)") }
                guard c.groups > 0 else { throw fail("groups must be positive, got \(c.groups)") }
                guard shape.channels % c.groups == 0 else {
                    throw fail("\(shape.channels) input channels are not divisible by \(c.groups) groups")
                }
                guard c.outChannels % c.groups == 0 else {
                    throw fail("\(c.outChannels) output channels are not divisible by \(c.groups) groups")
                }
                let (fh, fw) = try window(kernel: c.kernel, stride: c.stride, padding: c.padding,
                                          rounding: .floor, shape: shape, fail: fail)
                r.formula = fh; r.widthFormula = fh == fw ? nil : fw
                r.output = FeatureShape(channels: c.outChannels, height: fh.output, width: fw.output)
                let inPerGroup = shape.channels / c.groups
                r.weights = c.outChannels * inPerGroup * c.kernel * c.kernel
                r.biases = c.outChannels
                r.macs = r.output.count * inPerGroup * c.kernel * c.kernel
                rf += (c.kernel - 1) * jump; jump *= c.stride
            case .maxpool(let p):
                guard !shape.isFlat else { throw fail("maxpool needs a C×H×W input, got a flat \(shape.count)") }
                guard p.padding * 2 <= p.kernel else {
                    throw fail("padding \(p.padding) must be at most half the kernel \(p.kernel)")
                }
                let (fh, fw) = try window(kernel: p.kernel, stride: p.stride, padding: p.padding,
                                          rounding: p.rounding, shape: shape, fail: fail)
                r.formula = fh; r.widthFormula = fh == fw ? nil : fw
                r.output = FeatureShape(channels: shape.channels, height: fh.output, width: fw.output)
                rf += (p.kernel - 1) * jump; jump *= p.stride
            case .lrn(let n):
                guard !shape.isFlat else { throw fail("lrn needs a C×H×W input, got a flat \(shape.count)") }
                guard n.size > 0 else { throw fail("size must be positive, got \(n.size)") }
                guard n.k > 0, n.alpha >= 0, n.beta >= 0 else {
                    throw fail("expected k > 0, alpha ≥ 0 and beta ≥ 0, got k \(n.k), alpha \(n.alpha), beta \(n.beta)")
                }
            case .activation:
                break
            case .dropout(let p):
                guard p >= 0, p < 1 else { throw fail("dropout p must be in [0, 1), got \(p)") }
            case .flatten:
                r.output = FeatureShape(flat: shape.count)
                rf = network.input.height; jump = 0
            case .linear(let out):
                guard shape.isFlat else {
                    throw fail("linear needs a flat input, got \(shape): add a flatten layer before it")
                }
                guard out > 0 else { throw fail("out must be positive, got \(out)") }
                r.output = FeatureShape(flat: out)
                r.weights = shape.count * out
                r.biases = out
                r.macs = shape.count * out
            case .softmax:
                guard index == network.layers.count - 1 else { throw fail("softmax must be the last layer") }
            }
            r.receptiveField = rf; r.jump = jump
            reports.append(r)
            shape = r.output
        }
        return ShapeReport(network: network, layers: reports)
    }

    private func window(kernel: Int, stride: Int, padding: Int, rounding: PoolRounding, shape: FeatureShape,
                        fail: (String) -> ShapeError) throws(ShapeError) -> (SizeFormula, SizeFormula) {
        guard kernel > 0 else { throw fail("kernel must be positive, got \(kernel)") }
        guard stride > 0 else { throw fail("stride must be positive, got \(stride)") }
        guard padding >= 0 else { throw fail("padding must not be negative, got \(padding)") }
        let h = SizeFormula(input: shape.height, kernel: kernel, padding: padding, stride: stride, rounding: rounding)
        let w = SizeFormula(input: shape.width, kernel: kernel, padding: padding, stride: stride, rounding: rounding)
        for f in [h, w] where f.span < 0 {
            throw fail("kernel \(kernel) is larger than the padded input \(f.input + 2 * padding) (\(f.input) + 2·\(padding))")
        }
        return (h, w)
    }
}
