import Testing
@testable import AlexNetCore

/// ReLU's "dead units" on pictures with a constant background (Fashion-MNIST's black edges): the old
/// measure counted every background position as dead; the honest one counts only units whose input varies.
@Suite struct ReLUDeadnessTests {
    /// One 3×3 conv with three hand-set channels, ReLU, then a classifier so the network trains:
    /// - channel 0 passes the centre pixel minus 0.5 (alive exactly on the object, zero on the background);
    /// - channel 1 is −centre − 0.5: zero everywhere, a dead channel;
    /// - channel 2 is the constant 1: alive everywhere.
    static func network(side: Int) throws -> Network {
        let spec = NetworkSpec(name: "background", input: InputShape(channels: 1, height: side, width: side), layers: [
            LayerSpec(name: "conv1", kind: .conv(ConvSpec(outChannels: 3, kernel: 3, stride: 1, padding: 1))),
            LayerSpec(name: "relu1", kind: .activation(.relu)),
            LayerSpec(name: "flatten", kind: .flatten),
            LayerSpec(name: "fc2", kind: .linear(out: 10)),
            LayerSpec(name: "softmax", kind: .softmax),
        ])
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        let w = try #require(net.parameter(named: "features.0.weight")), b = try #require(net.parameter(named: "features.0.bias"))
        var weights = [Float](repeating: 0, count: 27)
        weights[4] = 1; weights[9 + 4] = -1
        w.value = Tensor(shape: [3, 1, 3, 3], data: weights)
        b.value = Tensor(shape: [3], data: [-0.5, -0.5, 1])
        return net
    }

    /// Eight images: background 0, a 4×4 object at rows and columns 2..<6 whose pixels are in [1, 2] and
    /// differ between images.
    static func images(side: Int) -> Tensor {
        var random = SeededRandom(seed: 9)
        var data = [Float](repeating: 0, count: 8 * side * side)
        for i in 0..<8 {
            for y in 2..<6 { for x in 2..<6 { data[i * side * side + y * side + x] = 1 + Float(random.uniform()) } }
        }
        return Tensor(shape: [8, 1, side, side], data: data)
    }

    /// Counted by hand. Windows (3×3, padding 1) that touch the object: rows and columns 1..<7, 36
    /// positions; 16 of them are on the object, 20 on its rim (channel 0 sees only the centre: zero there).
    /// Varying units 3 × 36 = 108, dead among them: channel 0's rim 20 + channel 1's 36 = 56.
    /// Old measure over all 3·side² units: channel 0's side² − 16 + channel 1's side².
    @Test(arguments: [8, 16]) func backgroundInflatesTheOldMeasureOnly(side: Int) throws {
        let net = try Self.network(side: side)
        let x = Self.images(side: side)
        _ = net.forward(x, mode: .eval, keepActivations: true)
        let y = try #require(net.activations["relu1"])
        let varies = ReLUDeadness.convInputVaries(x, spec: ConvSpec(outChannels: 3, kernel: 3, stride: 1, padding: 1),
                                                  outHeight: side, outWidth: side)
        #expect(varies.filter { $0 }.count == 108)
        let d = ReLUDeadness(output: y, inputVaries: varies)
        let plane = Double(side * side)
        let old = (plane - 16 + plane) / (3 * plane)
        #expect(abs(d.zeroForWholeBatch - old) < 1e-12)
        #expect(abs(d.dead - 56.0 / 108) < 1e-12)
        #expect(abs(d.deadChannels - 1.0 / 3) < 1e-12)
        #expect(abs(d.constantInput - (plane - 36) / plane) < 1e-12)
        // The old measure's error is the background: it grows with the canvas, the new one does not move.
        #expect(d.zeroForWholeBatch - d.dead > (side == 8 ? 0.06 : 0.12))

        // A training step measures the same on its own (fused conv + ReLU) forward.
        _ = try Trainer(network: net, learningRate: 0.01).trainStep(Batch(images: x, labels: Array(0..<8)))
        let m = try #require(net.layerMeasures().first)
        #expect(m.layer == "conv1")
        #expect(abs((m.saturation ?? -1) - 56.0 / 108) < 1e-12)
        #expect(abs((m.deadChannels ?? -1) - 1.0 / 3) < 1e-12)
        #expect(abs((m.constantInput ?? -1) - (plane - 36) / plane) < 1e-12)
    }

    /// Stride, padding and groups: a unit varies exactly when its window, over its group's channels,
    /// touches a varying pixel (brute force over every window).
    @Test func windowsFollowStridePaddingAndGroups() {
        let (n, c, h, w) = (3, 4, 7, 6)
        var random = SeededRandom(seed: 4)
        var data = [Float](repeating: 0.25, count: n * c * h * w)
        // A few varying pixels, in channel 1 (group 0) and channel 3 (group 1).
        for (ch, y, x) in [(1, 0, 0), (3, 5, 4), (3, 2, 2)] {
            for i in 0..<n { data[((i * c + ch) * h + y) * w + x] = Float(random.uniform()) + Float(i) }
        }
        let x = Tensor(shape: [n, c, h, w], data: data)
        let spec = ConvSpec(outChannels: 4, kernel: 3, stride: 2, padding: 1, groups: 2)
        let (oh, ow) = ((h + 2 - 3) / 2 + 1, (w + 2 - 3) / 2 + 1)
        let varies = ReLUDeadness.convInputVaries(x, spec: spec, outHeight: oh, outWidth: ow)
        for o in 0..<4 {
            let channels = o < 2 ? [0, 1] : [2, 3]
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var expected = false
                    for ch in channels {
                        for ky in 0..<3 {
                            for kx in 0..<3 {
                                let (yy, xx) = (oy * 2 - 1 + ky, ox * 2 - 1 + kx)
                                guard yy >= 0, yy < h, xx >= 0, xx < w else { continue }
                                let first = data[(ch * h + yy) * w + xx]
                                for i in 1..<n where data[((i * c + ch) * h + yy) * w + xx] != first { expected = true }
                            }
                        }
                    }
                    #expect(varies[(o * oh + oy) * ow + ox] == expected, "unit \(o),\(oy),\(ox)")
                }
            }
        }
    }
}
