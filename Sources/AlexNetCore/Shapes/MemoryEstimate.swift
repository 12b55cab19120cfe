/// The bytes an engine `Network` takes for a batch, computed from the shapes alone so that a network
/// too large for the machine is refused before anything is allocated.
///
/// It counts what the engine keeps (fp32, 4 bytes a value):
/// - parameters: every weight and bias, and its gradient (a `Parameter` always holds both): 2 × 4·P;
///   training adds the momentum buffer: 3 × 4·P;
/// - activations: the input and every layer's output for the batch, 4·N·A with A the values of one
///   example (the feature screens keep them all; training keeps them for backward). Training doubles
///   this for the layers' caches (LRN scales, pooling indices, dropout masks) and the gradients that
///   flow back, which together are about one more copy;
/// - workspace, shared by the conv layers: the largest chunk's lowered matrix ((C/G)·K·K × OH·OW floats
///   per image, or in training the lowered dOut, (OC/G)·K·K × H·W, for as many images as
///   `Conv2D.imagesPerChunk` gives) and the largest GEMM output; training adds a chunk's dOut through a
///   fused ReLU, the largest conv weights (rearranged for the input gradient) and one chunk's weight and
///   bias gradients;
/// - the rest of the process, so that the total is an upper bound of the peak, not a guess under it (inference
///   peaked at 1.04–1.08× the three parts above): a tenth of them (copies between layers, the allocator's slack)
///   and 48 MiB (the program, its libraries, OpenBLAS's buffers, thread stacks).
public struct MemoryEstimate: Sendable, Equatable {
    public var batch: Int
    public var training: Bool
    public var parameterBytes: Int
    public var activationBytes: Int
    public var workspaceBytes: Int
    public var otherBytes: Int
    public var totalBytes: Int

    /// The process beyond the engine's buffers: `fixedOther` plus the engine's bytes ÷ `slackDivisor`.
    public static let fixedOther = 48 << 20
    public static let slackDivisor = 10

    /// The estimate for `report`'s network at `batch` examples; a size that overflows 64 bits is an error.
    public init(report: ShapeReport, batch: Int, training: Bool) throws(MemoryError) {
        let network = report.network
        func overflow() -> MemoryError {
            MemoryError(file: network.file, network: network.name,
                        message: "its memory for batch \(batch) overflows 64-bit integers")
        }
        guard batch > 0 else {
            throw MemoryError(file: network.file, network: network.name, message: "the batch must be positive, got \(batch)")
        }
        self.batch = batch; self.training = training
        guard let params = CheckedSize.product(report.totalParams, 4, training ? 3 : 2) else { throw overflow() }
        let perExample = CheckedSize.sum(of: [report.input.count] + report.layers.map(\.activations))
        guard let acts = perExample.flatMap({ CheckedSize.product($0, batch, 4, training ? 2 : 1) }) else { throw overflow() }
        // One workspace shared by the conv layers: the largest chunk's lowered matrix and GEMM output, and in
        // training a chunk's dOut through a fused ReLU, the rearranged weights and a chunk's weight and bias
        // gradients. (Small layers run up to one chunk per core at once, each with its own copy of the first
        // three, and keep every chunk's gradients, up to 4 MB: a few MB more on mini, none on AlexNet's layers.)
        var columns = 0, product = 0, masked = 0, flipped = 0
        var firstConv = true
        for layer in report.layers {
            guard case .conv(let c) = layer.kind else { continue }
            defer { firstConv = false }
            let (cg, ocg) = (layer.input.channels / c.groups, c.outChannels / c.groups)
            let positions = layer.output.height * layer.output.width
            let inPositions = layer.input.height * layer.input.width
            guard var perImage = CheckedSize.product(cg, c.kernel, c.kernel, positions),
                  var perProduct = CheckedSize.product(ocg, positions) else { throw overflow() }
            if training, !firstConv {
                // The input gradient: dOut lowered (OC/G·K·K × H·W, stride 1) and a GEMM output of C/G × H·W.
                guard let t = CheckedSize.product(ocg, c.kernel, c.kernel, inPositions),
                      let d = CheckedSize.product(cg, inPositions) else { throw overflow() }
                if Conv2D.inputGradientByConvolution(c, inChannels: layer.input.channels) { perImage = max(perImage, t) }
                perProduct = max(perProduct, d)
            }
            let images = min(batch, Conv2D.imagesPerChunk(floatsPerImage: perImage, positions: positions))
            guard let cols = CheckedSize.product(perImage, images, 4),
                  let prod = CheckedSize.product(perProduct, images, 4),
                  let out = CheckedSize.product(ocg, positions, images, training ? 4 : 0),
                  let weights = CheckedSize.product(layer.weights + layer.params, training ? 4 : 0) else { throw overflow() }
            columns = max(columns, cols); product = max(product, prod); masked = max(masked, out)
            flipped = max(flipped, weights)
        }
        guard let work = CheckedSize.sum(columns, product, masked, flipped), let engine = CheckedSize.sum(params, acts, work),
              let other = CheckedSize.sum(Self.fixedOther, engine / Self.slackDivisor), let total = CheckedSize.sum(engine, other) else {
            throw overflow()
        }
        parameterBytes = params; activationBytes = acts; workspaceBytes = work; otherBytes = other; totalBytes = total
    }

    /// Refuses the network when the estimate exceeds `limit`, in one line giving both sizes.
    public func check(against limit: MemoryLimit, network: NetworkSpec) throws(MemoryError) {
        guard totalBytes > limit.bytes else { return }
        let what = training ? "training at batch \(batch)" : (batch == 1 ? "one example" : "a batch of \(batch)")
        throw MemoryError(file: network.file, network: network.name, message:
            "needs about \(NumberText.bytes(totalBytes)) for \(what) (weights \(NumberText.bytes(parameterBytes)), "
            + "activations \(NumberText.bytes(activationBytes)), workspace \(NumberText.bytes(workspaceBytes)), "
            + "rest of the process \(NumberText.bytes(otherBytes))), "
            + "more than \(limit.description)")
    }
}

/// How much memory a network may take: the machine's, or a limit the user gave.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
    public var bytes: Int
    /// Where the limit comes from, for messages: "the machine's memory", "--max-memory".
    public var source: String

    public init(bytes: Int, source: String) { self.bytes = bytes; self.source = source }

    /// "the 23.54 GiB of the machine's memory", "the 2.00 GiB of --max-memory"
    public var description: String { "the \(NumberText.bytes(bytes)) of \(source)" }
}

/// A network that would not fit in memory (or whose size cannot even be counted).
public struct MemoryError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var network: String
    public var message: String

    /// `big.yaml: network 'big' needs about 31.20 GiB for one example (…), more than the 23.54 GiB of the machine's memory`
    public var description: String {
        (file.map { "\($0): " } ?? "") + "network '\(network)' \(message)"
    }
}

/// The batch a network will be run at, whether it trains, and how much memory it may take: what
/// `Network` checks before it allocates anything.
public struct MemoryBudget: Sendable, Equatable {
    public var batch: Int
    public var training: Bool
    public var limit: MemoryLimit

    /// One example, no training, the machine's memory: what every network needs at least.
    public init(batch: Int = 1, training: Bool = false, limit: MemoryLimit = .machine) {
        self.batch = batch; self.training = training; self.limit = limit
    }

    /// The estimate for `report` at this batch, refused when it exceeds the limit.
    @discardableResult
    public func check(_ report: ShapeReport) throws(MemoryError) -> MemoryEstimate {
        let estimate = try MemoryEstimate(report: report, batch: batch, training: training)
        try estimate.check(against: limit, network: report.network)
        return estimate
    }
}
