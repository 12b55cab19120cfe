/// The output-size formula of a sliding window, `out = ⌊(W − F + 2P)/S⌋ + 1`, with its numbers kept
/// so that screens, lessons and quizzes can show every step.
public struct SizeFormula: Sendable, Equatable {
    /// W: input size along one side.
    public var input: Int
    /// F: window (kernel) size.
    public var kernel: Int
    /// P: padding on each side.
    public var padding: Int
    /// S: stride.
    public var stride: Int
    public var rounding: PoolRounding

    public init(input: Int, kernel: Int, padding: Int, stride: Int, rounding: PoolRounding = .floor) {
        self.input = input; self.kernel = kernel; self.padding = padding; self.stride = stride
        self.rounding = rounding
    }

    /// W − F + 2P: how far the window travels.
    public var span: Int { input - kernel + 2 * padding }

    /// (W − F + 2P) mod S: input pixels (past the padding) that no window reaches, with floor rounding.
    public var remainder: Int { span >= 0 && stride > 0 ? span % stride : 0 }

    /// Real input pixels (not padding) at the far edge that no window covers, with floor rounding.
    public var droppedPixels: Int {
        rounding == .floor ? max(0, remainder - padding) : 0
    }

    /// True when the windows tile the padded input exactly.
    public var isExact: Bool { remainder == 0 }

    /// Whether the window fits at all and the stride is positive.
    public var isValid: Bool { stride > 0 && kernel > 0 && padding >= 0 && span >= 0 && input > 0 }

    /// The output size (0 when invalid). Ceil rounding follows PyTorch and Caffe: the last window must
    /// start inside the input or the left padding.
    public var output: Int {
        guard isValid else { return 0 }
        switch rounding {
        case .floor:
            return span / stride + 1
        case .ceil:
            var out = (span + stride - 1) / stride + 1
            if padding > 0, (out - 1) * stride >= input + padding { out -= 1 }
            return out
        }
    }

    /// `⌊(227 − 11 + 2·0)/4⌋ + 1 = 55`
    public var text: String {
        let (l, r) = rounding == .floor ? ("⌊", "⌋") : ("⌈", "⌉")
        return "\(l)(\(input) − \(kernel) + 2·\(padding))/\(stride)\(r) + 1 = \(output)"
    }

    /// The same formula one step at a time, for the layer walk and worked quiz answers.
    public var steps: [String] {
        let (l, r) = rounding == .floor ? ("⌊", "⌋") : ("⌈", "⌉")
        var lines = [
            "out = \(l)(W − F + 2P)/S\(r) + 1",
            "    = \(l)(\(input) − \(kernel) + 2·\(padding))/\(stride)\(r) + 1",
            "    = \(l)\(span)/\(stride)\(r) + 1",
        ]
        let q = rounding == .floor ? span / stride : (span + stride - 1) / stride
        lines.append("    = \(q) + 1 = \(output)")
        return lines
    }

    /// A sentence on whether the tiling is exact, e.g. the 224-vs-227 puzzle.
    public var exactnessNote: String {
        if isExact { return "exact: \(span) = \(span / max(stride, 1))·\(stride), every pixel is used" }
        switch rounding {
        case .floor:
            let lost = droppedPixels
            if lost == 0 {
                return "not exact: \(span)/\(stride) leaves \(remainder); only padding is left over, no input pixel is lost"
            }
            let px = lost == 1 ? "pixel along this side is" : "pixels along this side are"
            return "not exact: \(span)/\(stride) leaves \(remainder); the last \(lost) input \(px) never seen"
        case .ceil:
            return "not exact: \(span)/\(stride) leaves \(remainder); the last window hangs \(stride - remainder) past the edge"
        }
    }
}
