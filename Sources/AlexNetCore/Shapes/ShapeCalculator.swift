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
        try checkInput()
        let inp = network.input
        var seen = Set<String>()
        var shape = FeatureShape(inp)
        var rf = 1, jump = 1
        var totals = RunningTotals(activations: CheckedSize.product(inp.channels, inp.height, inp.width) ?? 0)
        var reports: [LayerReport] = []
        for (index, layer) in network.layers.enumerated() {
            let check = LayerCheck(file: network.file, layer: layer)
            guard seen.insert(layer.name).inserted else { throw check.fail("the name is used twice") }
            guard layer.initialBias == 0 || (layer.kind.isLearned && layer.initialBias.isFinite) else {
                throw check.fail(layer.kind.isLearned ? "the initial bias must be a finite number, got \(layer.initialBias)"
                                                      : "\(layer.kind.word) has no biases, so it takes no initial bias")
            }
            var r = LayerReport(name: layer.name, kind: layer.kind, input: shape, output: shape,
                                weights: 0, biases: 0, macs: 0, receptiveField: rf, jump: jump)
            switch layer.kind {
            case .conv(let c):
                try conv(c, into: &r, check: check)
                try advance(&rf, &jump, kernel: c.kernel, stride: c.stride, check: check)
            case .maxpool(let p):
                try maxpool(p, into: &r, check: check)
                try advance(&rf, &jump, kernel: p.kernel, stride: p.stride, check: check)
            case .lrn(let n):
                guard !shape.isFlat else { throw check.fail("lrn needs a C×H×W input, got a flat \(shape.count)") }
                try check.inRange("size", n.size, 1, ShapeLimits.channels)
                guard n.k > 0, n.alpha >= 0, n.beta >= 0 else {
                    throw check.fail("expected k > 0, alpha ≥ 0 and beta ≥ 0, got k \(n.k), alpha \(n.alpha), beta \(n.beta)")
                }
            case .activation:
                break
            case .dropout(let p):
                guard p >= 0, p < 1 else { throw check.fail("dropout p must be in [0, 1), got \(p)") }
            case .flatten:
                r.output = FeatureShape(flat: shape.count)
                rf = network.input.height; jump = 0
            case .linear(let out):
                try linear(out: out, into: &r, check: check)
            case .softmax:
                guard index == network.layers.count - 1 else { throw check.fail("softmax must be the last layer") }
            }
            r.receptiveField = rf; r.jump = jump
            try totals.add(r, check: check)
            reports.append(r)
            shape = r.output
        }
        return ShapeReport(network: network, layers: reports, convolutionRounding: convolutionRounding)
    }

    /// The input must be a positive C×H×W within `ShapeLimits`, and some layer must follow it.
    private func checkInput() throws(ShapeError) {
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
    }

    /// A conv layer's output shape, weights, biases and MACs over `r.input`.
    private func conv(_ c: ConvSpec, into r: inout LayerReport, check: LayerCheck) throws(ShapeError) {
        let shape = r.input
        guard !shape.isFlat else { throw check.fail("conv needs a C×H×W input, got a flat \(shape.count)") }
        try check.inRange("out channels", c.outChannels, 1, ShapeLimits.channels)
        try check.inRange("groups", c.groups, 1, ShapeLimits.channels)
        guard shape.channels % c.groups == 0 else {
            throw check.fail("\(shape.channels) input channels are not divisible by \(c.groups) groups")
        }
        guard c.outChannels % c.groups == 0 else {
            throw check.fail("\(c.outChannels) output channels are not divisible by \(c.groups) groups")
        }
        let (fh, fw) = try window(c.window, rounding: convolutionRounding, shape: shape, check: check)
        r.formula = fh; r.widthFormula = fh == fw ? nil : fw
        _ = try check.checked(CheckedSize.product(c.outChannels, fh.output, fw.output),
                              "the output \(c.outChannels)×\(fh.output)×\(fw.output) has more values than 64-bit integers can count")
        r.output = FeatureShape(channels: c.outChannels, height: fh.output, width: fw.output)
        let inPerGroup = shape.channels / c.groups
        r.weights = try check.checked(CheckedSize.product(c.outChannels, inPerGroup, c.kernel, c.kernel),
                                      "\(c.outChannels) output channels × \(inPerGroup) input channels × \(c.kernel)×\(c.kernel) kernels make the parameter count overflow 64-bit integers")
        r.biases = c.outChannels
        r.macs = try check.checked(CheckedSize.product(r.output.count, inPerGroup, c.kernel, c.kernel),
                                   "\(r.output.count) outputs × \(inPerGroup)·\(c.kernel)·\(c.kernel) inputs each make the multiply-accumulate count overflow 64-bit integers")
    }

    /// A max-pool layer's output shape over `r.input` (channels unchanged).
    private func maxpool(_ p: PoolSpec, into r: inout LayerReport, check: LayerCheck) throws(ShapeError) {
        let shape = r.input
        guard !shape.isFlat else { throw check.fail("maxpool needs a C×H×W input, got a flat \(shape.count)") }
        let (fh, fw) = try window(p.window, rounding: p.rounding, shape: shape, check: check)
        guard p.padding * 2 <= p.kernel else {
            throw check.fail("padding \(p.padding) must be at most half the kernel \(p.kernel)")
        }
        r.formula = fh; r.widthFormula = fh == fw ? nil : fw
        r.output = FeatureShape(channels: shape.channels, height: fh.output, width: fw.output)
    }

    /// A linear layer's output, weights, biases and MACs over the flat `r.input`.
    private func linear(out: Int, into r: inout LayerReport, check: LayerCheck) throws(ShapeError) {
        let shape = r.input
        guard shape.isFlat else {
            throw check.fail("linear needs a flat input, got \(shape): add a flatten layer before it")
        }
        try check.inRange("out", out, 1, ShapeLimits.channels)
        r.output = FeatureShape(flat: out)
        r.weights = try check.checked(CheckedSize.product(shape.count, out),
                                      "\(shape.count) inputs × \(out) outputs make the parameter count overflow 64-bit integers")
        r.biases = out
        r.macs = r.weights
    }

    /// Receptive field and jump after a window of `kernel` with `stride`: rf += (K − 1)·jump, jump ·= S.
    private func advance(_ rf: inout Int, _ jump: inout Int, kernel: Int, stride: Int,
                         check: LayerCheck) throws(ShapeError) {
        let grown = try check.checked(CheckedSize.product(kernel - 1, jump).flatMap { CheckedSize.sum(rf, $0) },
                                "the receptive field (\(rf) + \(kernel - 1)·\(jump) pixels) would overflow 64-bit integers")
        jump = try check.checked(CheckedSize.product(jump, stride), "the product of the strides so far (\(jump)·\(stride)) would overflow 64-bit integers")
        rf = grown
    }

    /// The height and width formulas of `window` over `shape`, or why the window cannot be used.
    private func window(_ window: WindowSpec, rounding: PoolRounding, shape: FeatureShape,
                        check: LayerCheck) throws(ShapeError) -> (SizeFormula, SizeFormula) {
        let (kernel, stride, padding) = (window.kernel, window.stride, window.padding)
        guard kernel > 0 else { throw check.fail("kernel must be positive, got \(kernel)") }
        guard stride > 0 else { throw check.fail("stride must be positive, got \(stride)") }
        guard padding >= 0 else { throw check.fail("padding must not be negative, got \(padding)") }
        for (what, value, low) in [("kernel", kernel, 1), ("stride", stride, 1), ("padding", padding, 0)]
        where value > ShapeLimits.side {
            throw check.fail("\(what) must be in \(ShapeLimits.range(low, ShapeLimits.side)), got \(value)")
        }
        let h = window.formula(input: shape.height, rounding: rounding)
        let w = window.formula(input: shape.width, rounding: rounding)
        for f in [h, w] where f.span < 0 {
            throw check.fail("kernel \(kernel) is larger than the padded input \(f.input + 2 * padding) (\(f.input) + 2·\(padding))")
        }
        return (h, w)
    }
}

/// Errors and range checks for one layer, each naming the file, line and layer at fault.
private struct LayerCheck {
    let file: String?
    let layer: LayerSpec

    func fail(_ message: String) -> ShapeError {
        ShapeError(file: file, line: layer.line, layer: layer.name, message: message)
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
}

/// The report's running sums, checked so that they and their byte counts (×4 for fp32) never overflow.
private struct RunningTotals {
    var params = 0, macs = 0
    var activations: Int

    mutating func add(_ r: LayerReport, check: LayerCheck) throws(ShapeError) {
        params = try check.checked(CheckedSize.sum(params, r.weights, r.biases),
                                   "the network's parameters up to this layer overflow 64-bit integers")
        macs = try check.checked(CheckedSize.sum(macs, r.macs), "the network's multiply-accumulates up to this layer overflow 64-bit integers")
        activations = try check.checked(CheckedSize.sum(activations, r.output.count),
                                        "the network's activations up to this layer overflow 64-bit integers")
        _ = try check.checked(CheckedSize.product(max(params, activations), 4),
                              "the bytes of the network's \(NumberText.grouped(max(params, activations))) fp32 values overflow 64-bit integers")
    }
}
