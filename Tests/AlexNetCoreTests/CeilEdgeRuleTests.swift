import Testing
@testable import AlexNetCore

/// Ceil rounding's edge rule: PyTorch (`ceil_mode=True`) drops a last window that would start at or past
/// the input and its left padding, i.e. if (out − 1)·S ≥ W + P then out − 1 (Caffe only when P > 0).
@Suite struct CeilEdgeRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var w, f, p, s: Int
        /// ⌈(W − F + 2P)/S⌉ + 1, before the rule.
        var ceilCount: Int
        var out: Int
        var testDescription: String { "W\(w) F\(f) P\(p) S\(s)" }
        var drops: Bool { ceilCount != out }
    }

    // Worked by hand from the rule: span = W − F + 2P, q = ⌈span/S⌉, drop when q·S ≥ W + P.
    // (Each agrees with torch.nn.functional.max_pool2d(…, ceil_mode=True) in PyTorch 2.)
    static let table: [Case] = [
        // The rule applies without padding: span 49, q 17, 17·3 = 51 ≥ 51 + 0.
        Case(w: 51, f: 2, p: 0, s: 3, ceilCount: 18, out: 17),
        // …and with padding: span 5, q 3, 3·2 = 6 ≥ 5 + 1.
        Case(w: 5, f: 2, p: 1, s: 2, ceilCount: 4, out: 3),
        Case(w: 3, f: 2, p: 1, s: 2, ceilCount: 3, out: 2),      // span 3, q 2, 4 ≥ 4
        Case(w: 1, f: 2, p: 1, s: 2, ceilCount: 2, out: 1),      // span 1, q 1, 2 ≥ 2
        Case(w: 6, f: 4, p: 2, s: 4, ceilCount: 3, out: 2),      // span 6, q 2, 8 ≥ 8
        Case(w: 4, f: 2, p: 1, s: 3, ceilCount: 3, out: 2),      // span 4, q 2, 6 ≥ 5
        Case(w: 2, f: 2, p: 1, s: 3, ceilCount: 2, out: 1),      // span 2, q 1, 3 ≥ 3
        Case(w: 8, f: 3, p: 1, s: 3, ceilCount: 4, out: 3),      // span 7, q 3, 9 ≥ 9
        Case(w: 10, f: 4, p: 2, s: 3, ceilCount: 5, out: 4),     // span 10, q 4, 12 ≥ 12
        Case(w: 5, f: 3, p: 1, s: 3, ceilCount: 3, out: 2),      // span 4, q 2, 6 ≥ 6
        // Ceil adds a window and the rule keeps it: it starts inside the input.
        Case(w: 52, f: 2, p: 0, s: 3, ceilCount: 18, out: 18),   // span 50, q 17, 51 < 52
        Case(w: 7, f: 2, p: 0, s: 2, ceilCount: 4, out: 4),      // span 5, q 3, 6 < 7
        Case(w: 12, f: 5, p: 2, s: 4, ceilCount: 4, out: 4),     // span 11, q 3, 12 < 14
        Case(w: 224, f: 3, p: 0, s: 2, ceilCount: 112, out: 112), // span 221, q 111, 222 < 224
        Case(w: 6, f: 3, p: 1, s: 2, ceilCount: 4, out: 4),      // span 5, q 3, 6 < 7
        // Exact fits: ceil is floor and the last window ends at the padded edge.
        Case(w: 50, f: 2, p: 0, s: 3, ceilCount: 17, out: 17),   // span 48 = 16·3
        Case(w: 227, f: 3, p: 0, s: 2, ceilCount: 113, out: 113), // span 224 = 112·2
        Case(w: 10, f: 2, p: 1, s: 5, ceilCount: 3, out: 3),     // span 10 = 2·5, 10 < 11
        Case(w: 9, f: 3, p: 1, s: 4, ceilCount: 3, out: 3),      // span 8 = 2·4, 8 < 10
        Case(w: 7, f: 3, p: 1, s: 2, ceilCount: 4, out: 4),      // span 6 = 3·2, 6 < 8
    ]

    @Test(arguments: table)
    func ceilOutputFollowsTheRule(c: Case) {
        let f = SizeFormula(input: c.w, kernel: c.f, padding: c.p, stride: c.s, rounding: .ceil)
        #expect(f.output == c.out)
        #expect(f.dropsLastWindow == c.drops)
        // The last kept window starts inside the input or its left padding, so it sees a real pixel.
        #expect((f.output - 1) * c.s < c.w + c.p)
    }

    @Test(arguments: table)
    func floorNeverDrops(c: Case) {
        let f = SizeFormula(input: c.w, kernel: c.f, padding: c.p, stride: c.s, rounding: .floor)
        #expect(!f.dropsLastWindow)
        #expect(f.output == (c.w - c.f + 2 * c.p) / c.s + 1)
    }

    @Test func theFilledInFormulaShowsTheRule() {
        let f = SizeFormula(input: 51, kernel: 2, padding: 0, stride: 3, rounding: .ceil)
        #expect(f.steps == ["out = ⌈(W − F + 2P)/S⌉ + 1", "    = ⌈(51 − 2 + 2·0)/3⌉ + 1", "    = ⌈49/3⌉ + 1",
                            "    = 17 + 1 = 18", "    but window 18 would start at 17·3 = 51",
                            "    ≥ W + P = 51, past the input: drop it", "    = 18 − 1 = 17"])
        #expect(f.text == "⌈(51 − 2 + 2·0)/3⌉ + 1 = 18, but the last starts past the input: 17")
        // Windows 0–1, 3–4, …, 48–49: pixel 50 at the edge and 16 gaps between windows go unseen.
        #expect(f.edgePixels == 1)
        #expect(f.droppedPixels == 17)
        #expect(f.exactnessNote == "not exact: 49/3 leaves 1; rounding up would add window 18, but it would start at 51, "
                + "past the input and its left padding (51 + 0), so it is dropped as PyTorch does; "
                + "the last 1 input pixel along this side is never seen; stride 3 > window 2 leaves 1 pixel between "
                + "neighbouring windows, so 16 input pixels along this side are never seen")
        // Every step fits the 44-column left panel of an 80-column screen, after its 2-column indent.
        for line in f.steps { #expect(line.count + 2 <= 44, "\(line)") }
    }

    /// The case that used to print `= 3 + 1 = 3`.
    @Test func paddedCeilStepsAddUp() {
        let f = SizeFormula(input: 5, kernel: 2, padding: 1, stride: 2, rounding: .ceil)
        #expect(f.steps == ["out = ⌈(W − F + 2P)/S⌉ + 1", "    = ⌈(5 − 2 + 2·1)/2⌉ + 1", "    = ⌈5/2⌉ + 1",
                            "    = 3 + 1 = 4", "    but window 4 would start at 3·2 = 6",
                            "    ≥ W + P = 6, past the input: drop it", "    = 4 − 1 = 3"])
        // Windows over padded 0–1, 2–3, 4–5 (input pixels −1…4): every input pixel is seen.
        #expect(f.edgePixels == 0)
        #expect(f.droppedPixels == 0)
        let kept = SizeFormula(input: 7, kernel: 2, padding: 0, stride: 2, rounding: .ceil)
        #expect(kept.steps.last == "    = 3 + 1 = 4")
        #expect(kept.text == "⌈(7 − 2 + 2·0)/2⌉ + 1 = 4")
    }

    /// The shape report, the engine's pooling and a config all give the rule's size.
    @Test func engineAndReportAgree() throws {
        let spec = NetworkSpec(name: "edge", input: InputShape(channels: 2, height: 51, width: 52), layers: [
            LayerSpec(name: "pool", kind: .maxpool(PoolSpec(kernel: 2, stride: 3, rounding: .ceil))),
        ])
        let report = try spec.shapeReport()
        #expect(report.output == FeatureShape(channels: 2, height: 17, width: 18))
        let pool = MaxPool(spec: PoolSpec(kernel: 2, stride: 3, rounding: .ceil))
        let x = Tensor(shape: [1, 2, 51, 52], data: (0..<(2 * 51 * 52)).map { Float(($0 * 7919) % 5303) })
        let y = pool.forward(x, mode: .train)
        #expect(y.shape == [1, 2, 17, 18])
        // Each output is the max of its clipped window, worked here from the indices.
        var expected: [Float] = []
        for c in 0..<2 {
            for oh in 0..<17 {
                for ow in 0..<18 {
                    var best = -Float.infinity
                    for h in (oh * 3)..<min(51, oh * 3 + 2) {
                        for w in (ow * 3)..<min(52, ow * 3 + 2) { best = max(best, x.data[(c * 51 + h) * 52 + w]) }
                    }
                    expected.append(best)
                }
            }
        }
        #expect(y.data == expected)
        let dx = pool.backward(Tensor(repeating: 1, shape: y.shape))
        #expect(dx.data.reduce(0, +) == Float(y.count))
    }
}
