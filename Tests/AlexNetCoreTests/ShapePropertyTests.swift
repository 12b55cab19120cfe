import AlexNetCore
import PropertyBased
import Testing

/// Properties of the shape arithmetic over random windows and random networks, each checked against a
/// definition written here, not the code's own formula. A failure prints its smallest input and a seed
/// to replay it (`.fixedSeed("…")`).
@Suite struct ShapePropertyTests {
    static let side = Gen.int(in: 1...600), kernel = Gen.int(in: 1...30), stride = Gen.int(in: 1...12), padding = Gen.int(in: 0...12)

    /// The numbers of a line of the filled-in formula, thousands separators dropped: `= 54 + 1 = 55` → [54, 1, 55].
    static func numbers(_ line: String) -> [Int] {
        line.replacingOccurrences(of: ",", with: "").split { !$0.isNumber }.compactMap { Int($0) }
    }

    /// Floor rounding: the output is ≥ 1 exactly when the window fits the padded input, and it is then the
    /// number of window positions: the last one fits, one stride more would not.
    @Test func floorOutputCountsTheWindowsThatFit() async {
        await propertyCheck(count: 500, input: Self.side, Self.kernel, Self.stride, Self.padding) { w, f, s, p in
            let formula = SizeFormula(input: w, kernel: f, padding: p, stride: s)
            let fits = f <= w + 2 * p
            #expect((formula.output >= 1) == fits)
            guard fits else { return }
            let out = formula.output
            #expect((out - 1) * s + f <= w + 2 * p, "the last window fits")
            #expect(out * s + f > w + 2 * p, "one more window would not")
        }
    }

    /// Ceil rounding (PyTorch's ceil_mode, Caffe): one more window when part of the input is left over, but
    /// never a last window that starts past the input and its left padding, with or without padding
    /// (51, kernel 2, stride 3 gives 17 as in PyTorch, not 18).
    @Test func ceilOutputAddsAPartialWindowThatStartsInside() async {
        await propertyCheck(count: 500, input: Self.side, Self.kernel, Self.stride, Self.padding) { w, f, s, p in
            let formula = SizeFormula(input: w, kernel: f, padding: p, stride: s, rounding: .ceil)
            guard f <= w + 2 * p else { #expect(formula.output == 0); return }
            var out = (w + 2 * p - f + s - 1) / s + 1
            if (out - 1) * s >= w + p { out -= 1 }
            #expect(formula.output == out)
            // With padding at most half the window (PyTorch refuses more), the dropped window can only be the
            // extra one ceil added: ceil is floor or floor + 1. (W 1, F 1, S 1, P 1 gives 2 against floor's 3.)
            let floor = SizeFormula(input: w, kernel: f, padding: p, stride: s).output
            if 2 * p <= f { #expect(out == floor || out == floor + 1) }
        }
    }

    /// The filled-in formula ends on the output, and with floor its last step is true arithmetic
    /// (`⌊216/4⌋ + 1` → `= 54 + 1 = 55`); the one-line form ends on the output too.
    @Test func filledInFormulaEndsOnTheOutput() async {
        await propertyCheck(count: 500, input: Self.side, Self.kernel, Self.stride, Self.padding) { w, f, s, p in
            guard f <= w + 2 * p else { return }
            let formula = SizeFormula(input: w, kernel: f, padding: p, stride: s)
            let last = Self.numbers(formula.steps.last ?? "")
            #expect(last == [(w - f + 2 * p) / s, 1, formula.output], "\(formula.steps)")
            #expect(Self.numbers(formula.text).last == formula.output)
            let ceil = SizeFormula(input: w, kernel: f, padding: p, stride: s, rounding: .ceil)
            #expect(Self.numbers(ceil.steps.last ?? "").last == ceil.output, "\(ceil.steps)")
        }
    }

    /// Through the whole calculator: a one-conv network on a W×W input is accepted exactly when the window
    /// fits, and its report shows the same side and formula.
    @Test func networkAcceptsALayerExactlyWhenItsWindowFits() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...300), Self.kernel, Self.stride, Self.padding) { w, f, s, p in
            let yaml = "name: one\ninput: [3, \(w), \(w)]\nlayers:\n  - conv: {out: 4, kernel: \(f), stride: \(s), padding: \(p)}\n"
            let spec = try NetworkConfig.parse(text: yaml, file: "one.yaml")
            let report = try? spec.shapeReport()
            #expect((report != nil) == (f <= w + 2 * p), "W \(w), F \(f), S \(s), P \(p)")
            guard let layer = report?.layers.first else { return }
            #expect(layer.output.height == (w - f + 2 * p) / s + 1 && layer.output.width == layer.output.height)
            #expect(Self.numbers(layer.formulaText).last == layer.output.height, "\(layer.formulaText)")
        }
    }

    /// A random stack of conv, pool and linear layers: where it is valid, each layer's parameters are its
    /// own count (C_out · C_in/G · F² + C_out, inputs · outputs + outputs) and the totals are the layers' sums.
    @Test func totalsAreTheSumOfTheLayers() async {
        let layerCodes = Gen.int(in: 0...1_000_000).array(of: 1...6)
        await propertyCheck(count: 200, input: Gen.int(in: 8...64), Gen.int(in: 1...4), layerCodes) { side, channels, codes in
            var lines: [String] = []
            for code in codes {
                switch code % 3 {
                case 0:
                    let groups = [1, 2][code / 3 % 2], out = groups * (1 + code / 6 % 16)
                    lines.append("  - conv: {out: \(out), kernel: \(1 + code / 100 % 5), stride: \(1 + code / 1000 % 2), padding: \(code / 10_000 % 3), groups: \(groups)}")
                case 1: lines.append("  - maxpool: {kernel: \(2 + code / 3 % 2), stride: \(1 + code / 10 % 2)}")
                default: lines.append("  - relu")
                }
            }
            lines += ["  - flatten", "  - linear: \(1 + codes[0] % 50)"]
            let yaml = "name: stack\ninput: [\(channels * 2), \(side), \(side)]\nlayers:\n" + lines.joined(separator: "\n") + "\n"
            guard let spec = try? NetworkConfig.parse(text: yaml, file: "stack.yaml"), let report = try? spec.shapeReport() else { return }
            for layer in report.layers {
                switch layer.kind {
                case .conv(let c):
                    let k = c.kernel
                    #expect(layer.weights == c.outChannels * (layer.input.channels / c.groups) * k * k, "\(layer.name)")
                    #expect(layer.biases == c.outChannels)
                case .linear(let out):
                    #expect(layer.weights == layer.input.count * out && layer.biases == out, "\(layer.name)")
                default:
                    #expect(layer.params == 0, "\(layer.name) has no parameters")
                }
            }
            #expect(report.totalParams == report.layers.map(\.params).reduce(0, +))
            #expect(report.totalMACs == report.layers.map(\.macs).reduce(0, +))
        }
    }
}
