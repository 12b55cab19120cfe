#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// `alexnet neuron` through the real binary: the explanation in text and JSON, and one clear line for a
/// unit that does not exist.
@Suite struct NeuronEndToEndTests {
    static func run(_ arguments: [String]) throws -> Spawn.Output {
        let binary = try #require(AlexNetBinary.path, "the alexnet binary (run `swift build` first)")
        // The built-in pattern, the same on every machine.
        return Spawn.run([binary, "neuron", "--pattern"] + arguments,
                         environment: ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "TERM": "xterm-256color"])
    }

    @Test func textWritesOutTheSumAndChecksItAgainstTheForwardPass() throws {
        let out = try Self.run(["--preset", "mini", "--layer", "conv1", "--channel", "5", "--y", "10", "--x", "20"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("conv1 channel 5 at y 10, x 20 (conv)"))
        // 5×5, padding 2: unit (10, 20) looks at rows 8–12, cols 18–22.
        #expect(lines.contains("window on input (27×27×1): 5×5 at y 8, x 18, stride 1, padding 2"))
        #expect(lines.contains("receptive field on the image: rows 8–12, cols 18–22 (5×5 pixels)"))
        #expect(lines.contains("sum of 25 products (C·F·F = 1·5·5), input × weight:"))
        #expect(lines.contains { $0.hasPrefix("  + bias ") && $0.contains("= pre-activation ") })
        #expect(lines.contains { $0.hasPrefix("relu1: ReLU(") })
        #expect(lines.contains { $0.hasPrefix("norm1: divided by (k + α·Σ a²)^β over channels 3–7") })
        #expect(lines.contains { $0.hasPrefix("value ") && $0.contains(", forward pass ") })
    }

    @Test func jsonHasTheKeysAndTheValueEqualsTheForwardPass() throws {
        let out = try Self.run(["--preset", "mini", "--layer", "conv2", "--channel", "40", "--y", "6", "--x", "0", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        for key in ["layer", "channel", "y", "x", "window", "receptive_field", "terms", "sum", "bias", "pre_activation",
                    "activation", "value", "forward_value"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["layer"] as? String == "conv2")
        // Grouped conv2 of mini: 16 of the 32 channels, 3×3.
        #expect(object["terms"] as? Int == 16 * 9)
        let window = try #require(object["window"] as? [String: Any])
        #expect(window["y0"] as? Int == 5 && window["x0"] as? Int == -1 && window["size"] as? Int == 3 && window["stride"] as? Int == 1)
        let rf = try #require(object["receptive_field"] as? [String: Any])
        #expect(rf["y0"] as? Int == 8 && rf["y1"] as? Int == 18 && rf["x0"] as? Int == 0 && rf["x1"] as? Int == 6)
        let value = try #require(object["value"] as? Double), forward = try #require(object["forward_value"] as? Double)
        #expect(abs(value - forward) <= 1e-5 * max(abs(forward), 0.1))
        let sum = try #require(object["sum"] as? Double), bias = try #require(object["bias"] as? Double)
        let pre = try #require(object["pre_activation"] as? Double)
        #expect(abs(sum + bias - pre) < 1e-9)
    }

    @Test(arguments: [
        (["--layer", "conv1", "--channel", "32", "--y", "0", "--x", "0"], "error: channel 32 is out of range for conv1 (32 channels: 0–31)"),
        (["--layer", "conv1", "--channel", "0", "--y", "27", "--x", "0"], "error: y 27 is out of range for conv1 (27×27×32 output: y 0–26)"),
        (["--layer", "pool1", "--channel", "0", "--y", "0", "--x", "13"], "error: x 13 is out of range for pool1 (13×13×32 output: x 0–12)"),
        (["--layer", "fc8", "--channel", "10"], "error: unit 10 is out of range for fc8 (10 units: 0–9)"),
        (["--layer", "prob", "--channel", "1", "--y", "2"], "error: prob is flat (10 units): give y 0 and x 0, got y 2, x 0"),
        (["--layer", "conv1", "--channel", "0", "--index", "3"],
         "error: --index 3 picks a Fashion-MNIST test image, but the input is the built-in test pattern (--pattern); expected no --index"),
        (["--layer", "conv9", "--channel", "0"], "error: network 'mini' has no layer 'conv9'; its layers are conv1, relu1, norm1, pool1, conv2, relu2, norm2, pool2, conv3, relu3, conv4, relu4, conv5, relu5, pool5, flatten, drop6, fc6, relu6, drop7, fc7, relu7, fc8, prob"),
    ])
    func outOfRangeUnitIsOneLine(arguments: [String], expected: String) throws {
        let out = try Self.run(["--preset", "mini"] + arguments)
        #expect(out.status == 1)
        #expect(out.stderr == expected + "\n")
        #expect(out.stdout.isEmpty)
    }
}

/// The inspector in a real 80×24 terminal: `4` then `i` on mini's feature maps, the cursor moved, the
/// panel scrolled down to the check against the forward pass.
@Suite(.timeLimit(.minutes(1)))
struct NeuronInspectorEndToEndTests {
    @Test func inspectorOpensMovesAndScrollsAt80x24() throws {
        let tmux = try TmuxSession.launch("explore --preset mini --data /nonexistent", width: 80, height: 24, waitingFor: "Layers")
        tmux.keys("4")
        try tmux.waitFor("conv1 32 maps of 27×27")
        tmux.keys("i")
        try tmux.waitFor("conv1 channel 0 at y 13, x 13 (conv)", "more ↓", "i back")
        tmux.keys("l", "j")
        try tmux.waitFor("conv1 channel 0 at y 14, x 14 (conv)", "rows 12–16, cols 12–16")
        tmux.keys("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("more ↑", ", forward pass ", "norm1: recomputed ")
        tmux.keys("i")
        try tmux.waitUntil("the maps again") { !$0.contains("(conv)") && $0.contains("conv1 32 maps of 27×27") }
        #expect(try tmux.stop() == 0)
    }
}
}
