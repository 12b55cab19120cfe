/// The output-size formula of a sliding window, `out = ⌊(W − F + 2P)/S⌋ + 1`, with its numbers kept
/// so that screens, lessons and quizzes can show every step. With `.ceil` it is cuda-convnet's
/// `1 + ⌈(2P + W − F)/S⌉` (Krizhevsky's own code: 224 → 55 at conv1, the last window over 3 zeros),
/// less a last window that would start past the input and its left padding, as PyTorch's
/// `ceil_mode` does: if (out − 1)·S ≥ W + P then out − 1 (51, F 2, S 3 gives 17, not 18). Caffe
/// applies the same test only when P > 0 and otherwise keeps a window over nothing; we follow PyTorch.
/// Every size the program computes (shape reports, the engine's pooling, the what-if screen) comes
/// from here.
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

    /// Real input pixels (not padding) at the far edge that no window covers: with floor rounding the
    /// remainder less the padding; with ceil none, unless the edge rule dropped the last window.
    public var edgePixels: Int {
        let out = output
        guard out > 0 else { return 0 }
        return max(0, input - ((out - 1) * stride - padding + kernel))
    }

    /// Real input pixels that fall between two neighbouring windows: only when the stride is larger
    /// than the window (F = 3, S = 4 never sees columns 3, 7, 11, …).
    public var gapPixels: Int { max(0, unseenPixels - edgePixels) }

    /// Every real input pixel along one side that no window covers: the gaps between windows when
    /// S > F, and the leftover at the far edge.
    public var droppedPixels: Int { unseenPixels }

    /// True when every real input pixel along this side is under some window.
    public var seesEveryPixel: Bool { unseenPixels == 0 }

    /// True when the windows tile the padded input exactly (nothing left over at the far edge).
    public var isExact: Bool { remainder == 0 }

    /// W minus the pixels covered by the union of the windows. Windows that overlap or touch (S ≤ F)
    /// cover one run; otherwise each window covers its own F pixels clipped to the input.
    private var unseenPixels: Int {
        let out = output
        guard out > 0, input > 0 else { return 0 }
        func clipped(_ i: Int) -> (Int, Int) {
            let start = i * stride - padding
            return (max(0, start), min(input - 1, start + kernel - 1))
        }
        if stride <= kernel {
            let (a, _) = clipped(0), (_, b) = clipped(out - 1)
            return input - max(0, b - a + 1)
        }
        var covered = 0
        for i in 0..<out {
            let (a, b) = clipped(i)
            covered += max(0, b - a + 1)
        }
        return input - covered
    }

    /// Whether the window fits at all and the stride is positive.
    public var isValid: Bool { stride > 0 && kernel > 0 && padding >= 0 && span >= 0 && input > 0 }

    /// ⌊(W − F + 2P)/S⌋ or ⌈(W − F + 2P)/S⌉, before the edge rule.
    private var quotient: Int {
        guard stride > 0 else { return 0 }
        return rounding == .floor ? span / stride : (span + stride - 1) / stride
    }

    /// True when ceil rounding's last window would start at or past W + P (the input and its left
    /// padding, counted on the padded input), where it would see only right padding: PyTorch drops it
    /// (Caffe too, when P > 0), and so do we. Never with floor rounding, whose last window ends inside
    /// the padded input.
    public var dropsLastWindow: Bool {
        isValid && rounding == .ceil && quotient * stride >= input + padding
    }

    /// The output size (0 when invalid).
    public var output: Int {
        guard isValid else { return 0 }
        return quotient + 1 - (dropsLastWindow ? 1 : 0)
    }

    /// `⌊(227 − 11 + 2·0)/4⌋ + 1 = 55`; with the edge rule
    /// `⌈(51 − 2 + 2·0)/3⌉ + 1 = 18, but the last starts past the input: 17`.
    public var text: String {
        let (l, r) = rounding == .floor ? ("⌊", "⌋") : ("⌈", "⌉")
        let formula = "\(l)(\(input) − \(kernel) + 2·\(padding))/\(stride)\(r) + 1"
        guard isValid, dropsLastWindow else { return "\(formula) = \(output)" }
        return "\(formula) = \(quotient + 1), but the last starts past the input: \(output)"
    }

    /// The same formula one step at a time, for the layer walk and worked quiz answers. Every line
    /// fits the 44-column panel of an 80-column screen for sizes up to two digits.
    public var steps: [String] {
        let (l, r) = rounding == .floor ? ("⌊", "⌋") : ("⌈", "⌉")
        var lines = [
            "out = \(l)(W − F + 2P)/S\(r) + 1",
            "    = \(l)(\(input) − \(kernel) + 2·\(padding))/\(stride)\(r) + 1",
            "    = \(l)\(span)/\(stride)\(r) + 1",
        ]
        guard dropsLastWindow else {
            lines.append("    = \(quotient) + 1 = \(output)")
            return lines
        }
        lines += [
            "    = \(quotient) + 1 = \(quotient + 1)",
            "    but window \(quotient + 1) would start at \(quotient)·\(stride) = \(quotient * stride)",
            "    ≥ W + P = \(input + padding), past the input: drop it",
            "    = \(quotient + 1) − 1 = \(output)",
        ]
        return lines
    }

    /// A sentence on whether the tiling is exact, e.g. the 224-vs-227 puzzle, and whether every input
    /// pixel is seen (a stride larger than the window leaves gaps even when the tiling is exact).
    public var exactnessNote: String {
        let gaps = gapPixels
        let gapText = gaps == 0 ? "" : "; stride \(stride) > window \(kernel) leaves \(stride - kernel) pixel\(stride - kernel == 1 ? "" : "s") between neighbouring windows, so \(gaps) input pixel\(gaps == 1 ? "" : "s") along this side \(gaps == 1 ? "is" : "are") never seen"
        if dropsLastWindow { return edgeRuleNote + gapText }
        if isExact {
            if gaps == 0 { return "exact: \(span) = \(span / max(stride, 1))·\(stride), every pixel is used" }
            return "exact: \(span) = \(span / max(stride, 1))·\(stride), nothing is left over at the edge" + gapText
        }
        switch rounding {
        case .floor:
            let lost = edgePixels
            if lost == 0 {
                return "not exact: \(span)/\(stride) leaves \(remainder); only padding is left over, no input pixel is lost at the edge" + gapText
            }
            let px = lost == 1 ? "pixel along this side is" : "pixels along this side are"
            return "not exact: \(span)/\(stride) leaves \(remainder); the last \(lost) input \(px) never seen" + gapText
        case .ceil:
            return "not exact: \(span)/\(stride) leaves \(remainder); the last window hangs \(stride - remainder) past the edge (a conv reads zeros there, a max pool ignores it)" + gapText
        }
    }

    /// The exactness note when ceil rounding's extra window is dropped, and what that leaves unseen.
    private var edgeRuleNote: String {
        let head = isExact ? "exact: \(span) = \(quotient)·\(stride)"
                           : "not exact: \(span)/\(stride) leaves \(remainder)"
        let drop = "; rounding up would add window \(quotient + 1), but it would start at \(quotient * stride), "
            + "past the input and its left padding (\(input) + \(padding)), so it is dropped as PyTorch does"
        let lost = edgePixels
        let edge = lost == 0 ? "" : lost == 1 ? "; the last 1 input pixel along this side is never seen"
                                              : "; the last \(lost) input pixels along this side are never seen"
        return head + drop + edge
    }
}
