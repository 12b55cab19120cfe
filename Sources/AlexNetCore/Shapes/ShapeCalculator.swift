extension NetworkSpec {
    /// Computes every layer's shapes, costs and receptive field, or explains the first impossible layer.
    public func shapeReport() throws(ShapeError) -> ShapeReport {
        try ShapeCalculator(network: self).run()
    }

    /// The same report with conv output sizes rounded as given: `.ceil` is cuda-convnet's
    /// `1 + ⌈(2P + W − F)/S⌉`, under which the paper's 224 input gives conv1 55×55. For the what-if
    /// screen and lessons only: the engine's convolutions use floor, so such a report is not trainable.
    public func shapeReport(convolutionRounding: PoolRounding) throws(ShapeError) -> ShapeReport {
        try ShapeCalculator(network: self, convolutionRounding: convolutionRounding).run()
    }
}

/// Walks the layers once, carrying the shape, receptive field and jump forward.
struct ShapeCalculator {
    let network: NetworkSpec
    /// Rounding of conv output sizes: Caffe and PyTorch floor; cuda-convnet ceils.
    var convolutionRounding: PoolRounding = .floor

    func run() throws(ShapeError) -> ShapeReport {
        let inp = network.input
        func inputError(_ message: String) -> ShapeError {
            ShapeError(file: network.file, line: network.inputLine, layer: "input", message: message)
        }
        guard inp.channels > 0, inp.height > 0, inp.width > 0 else {
            throw inputError("input size must be positive, got \(inp.channels)×\(inp.height)×\(inp.width)")
        }
        for (what, value, limit) in [("channels", inp.channels, ShapeLimits.channels),
                                     ("height", inp.height, ShapeLimits.side), ("width", inp.width, ShapeLimits.side)]
        where value > limit {
            throw inputError("input \(what) must be in \(ShapeLimits.range(1, limit)), got \(value)")
        }
        guard !network.layers.isEmpty else {
            throw inputError("the network has no layers")
        }
        var seen = Set<String>()
        var shape = FeatureShape(inp)
        var rf = 1, jump = 1
        // Running totals, checked so that the report's sums and byte counts (×4 for fp32) never overflow.
        var totalParams = 0, totalMACs = 0
        var totalActivations = CheckedSize.product(inp.channels, inp.height, inp.width) ?? 0
        var reports: [LayerReport] = []
        for (index, layer) in network.layers.enumerated() {
            func fail(_ message: String) -> ShapeError {
                ShapeError(file: network.file, line: layer.line, layer: layer.name, message: message)
            }
            func inRange(_ what: String, _ value: Int, _ low: Int, _ high: Int) throws(ShapeError) {
                guard (low...high).contains(value) else {
                    throw fail("\(what) must be in \(ShapeLimits.range(low, high)), got \(value)")
                }
            }
            /// A size that must fit in 64 bits, or the layer's error saying which one did not.
            func checked(_ value: Int?, _ what: @autoclosure () -> String) throws(ShapeError) -> Int {
                guard let value else { throw fail(what()) }
                return value
            }
            guard seen.insert(layer.name).inserted else { throw fail("the name is used twice") }
            guard layer.initialBias == 0 || (layer.kind.isLearned && layer.initialBias.isFinite) else {
                throw fail(layer.kind.isLearned ? "the initial bias must be a finite number, got \(layer.initialBias)"
                                                : "\(layer.kind.word) has no biases, so it takes no initial bias")
            }
            var r = LayerReport(name: layer.name, kind: layer.kind, input: shape, output: shape,
                                weights: 0, biases: 0, macs: 0, receptiveField: rf, jump: jump)
            switch layer.kind {
            case .conv(let c):
                guard !shape.isFlat else { throw fail("conv needs a C×H×W input, got a flat \(shape.count)") }
                try inRange("out channels", c.outChannels, 1, ShapeLimits.channels)
                try inRange("groups", c.groups, 1, ShapeLimits.channels)
                guard shape.channels % c.groups == 0 else {
                    throw fail("\(shape.channels) input channels are not divisible by \(c.groups) groups")
                }
                guard c.outChannels % c.groups == 0 else {
                    throw fail("\(c.outChannels) output channels are not divisible by \(c.groups) groups")
                }
                let (fh, fw) = try window(c.window, rounding: convolutionRounding, shape: shape, fail: fail)
                r.formula = fh; r.widthFormula = fh == fw ? nil : fw
                _ = try checked(CheckedSize.product(c.outChannels, fh.output, fw.output),
                                "the output \(c.outChannels)×\(fh.output)×\(fw.output) has more values than 64-bit integers can count")
                r.output = FeatureShape(channels: c.outChannels, height: fh.output, width: fw.output)
                let inPerGroup = shape.channels / c.groups
                r.weights = try checked(CheckedSize.product(c.outChannels, inPerGroup, c.kernel, c.kernel),
                                        "\(c.outChannels) output channels × \(inPerGroup) input channels × \(c.kernel)×\(c.kernel) kernels make the parameter count overflow 64-bit integers")
                r.biases = c.outChannels
                r.macs = try checked(CheckedSize.product(r.output.count, inPerGroup, c.kernel, c.kernel),
                                     "\(r.output.count) outputs × \(inPerGroup)·\(c.kernel)·\(c.kernel) inputs each make the multiply-accumulate count overflow 64-bit integers")
                try advance(&rf, &jump, kernel: c.kernel, stride: c.stride, checked: checked)
            case .maxpool(let p):
                guard !shape.isFlat else { throw fail("maxpool needs a C×H×W input, got a flat \(shape.count)") }
                let (fh, fw) = try window(p.window, rounding: p.rounding, shape: shape, fail: fail)
                guard p.padding * 2 <= p.kernel else {
                    throw fail("padding \(p.padding) must be at most half the kernel \(p.kernel)")
                }
                r.formula = fh; r.widthFormula = fh == fw ? nil : fw
                r.output = FeatureShape(channels: shape.channels, height: fh.output, width: fw.output)
                try advance(&rf, &jump, kernel: p.kernel, stride: p.stride, checked: checked)
            case .lrn(let n):
                guard !shape.isFlat else { throw fail("lrn needs a C×H×W input, got a flat \(shape.count)") }
                try inRange("size", n.size, 1, ShapeLimits.channels)
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
                try inRange("out", out, 1, ShapeLimits.channels)
                r.output = FeatureShape(flat: out)
                r.weights = try checked(CheckedSize.product(shape.count, out),
                                        "\(shape.count) inputs × \(out) outputs make the parameter count overflow 64-bit integers")
                r.biases = out
                r.macs = r.weights
            case .softmax:
                guard index == network.layers.count - 1 else { throw fail("softmax must be the last layer") }
            }
            r.receptiveField = rf; r.jump = jump
            totalParams = try checked(CheckedSize.sum(totalParams, r.weights, r.biases),
                                      "the network's parameters up to this layer overflow 64-bit integers")
            totalMACs = try checked(CheckedSize.sum(totalMACs, r.macs), "the network's multiply-accumulates up to this layer overflow 64-bit integers")
            totalActivations = try checked(CheckedSize.sum(totalActivations, r.output.count),
                                           "the network's activations up to this layer overflow 64-bit integers")
            _ = try checked(CheckedSize.product(max(totalParams, totalActivations), 4),
                            "the bytes of the network's \(NumberText.grouped(max(totalParams, totalActivations))) fp32 values overflow 64-bit integers")
            reports.append(r)
            shape = r.output
        }
        return ShapeReport(network: network, layers: reports)
    }

    /// Receptive field and jump after a window of `kernel` with `stride`: rf += (K − 1)·jump, jump ·= S.
    private func advance(_ rf: inout Int, _ jump: inout Int, kernel: Int, stride: Int,
                         checked: (Int?, @autoclosure () -> String) throws(ShapeError) -> Int) throws(ShapeError) {
        let grown = try checked(CheckedSize.product(kernel - 1, jump).flatMap { CheckedSize.sum(rf, $0) },
                                "the receptive field (\(rf) + \(kernel - 1)·\(jump) pixels) would overflow 64-bit integers")
        jump = try checked(CheckedSize.product(jump, stride), "the product of the strides so far (\(jump)·\(stride)) would overflow 64-bit integers")
        rf = grown
    }

    /// The height and width formulas of `window` over `shape`, or why the window cannot be used.
    private func window(_ window: WindowSpec, rounding: PoolRounding, shape: FeatureShape,
                        fail: (String) -> ShapeError) throws(ShapeError) -> (SizeFormula, SizeFormula) {
        let (kernel, stride, padding) = (window.kernel, window.stride, window.padding)
        guard kernel > 0 else { throw fail("kernel must be positive, got \(kernel)") }
        guard stride > 0 else { throw fail("stride must be positive, got \(stride)") }
        guard padding >= 0 else { throw fail("padding must not be negative, got \(padding)") }
        for (what, value, low) in [("kernel", kernel, 1), ("stride", stride, 1), ("padding", padding, 0)]
        where value > ShapeLimits.side {
            throw fail("\(what) must be in \(ShapeLimits.range(low, ShapeLimits.side)), got \(value)")
        }
        let h = window.formula(input: shape.height, rounding: rounding)
        let w = window.formula(input: shape.width, rounding: rounding)
        for f in [h, w] where f.span < 0 {
            throw fail("kernel \(kernel) is larger than the padded input \(f.input + 2 * padding) (\(f.input) + 2·\(padding))")
        }
        return (h, w)
    }
}
