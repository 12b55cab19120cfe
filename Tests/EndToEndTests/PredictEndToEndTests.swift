#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

// Inside TerminalSuites (EndToEnd.swift): tmux suites run one at a time. Not indented, to keep diffs small.
extension TerminalSuites {
/// `alexnet predict`, `filters` and `features` through the real binary: torchvision parity, the shipped
/// trained mini on Fashion-MNIST test images, JPEG errors as one line, and headers naming the weights.
@Suite struct PredictEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/AlexNetCoreTests/Fixtures").path

    /// Runs the binary in `dir` (a fresh directory when nil) with a plain environment.
    func run(_ arguments: String, in dir: String? = nil) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        let where_ = dir ?? Self.temporaryDirectory()
        return Spawn.run(["/bin/sh", "-c", "cd '\(where_)' && '\(binary)' \(arguments) </dev/null"],
                         environment: ["PATH": "/usr/bin:/bin", "HOME": where_, "TERM": "xterm-256color", "NO_COLOR": "1"])
    }

    static func temporaryDirectory() -> String {
        return EndToEnd.makeDirectory("alexnet-predict-e2e")
    }

    @Test func torchvisionLogitsMatchPyTorch() throws {
        let f = Self.fixtures
        let out = try run("predict --config '\(f)/torchvision_small.yaml' --weights '\(f)/torchvision_small.safetensors' --image '\(f)/parity_224.png' --format json --logits --top 3")
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(json["network"] as? String == "torchvision-small")
        #expect((json["weights"] as? String)?.hasSuffix("torchvision_small.safetensors") == true)
        let image = try #require((json["images"] as? [[String: Any]])?.first)
        #expect(image["input"] as? [Int] == [3, 224, 224])
        let norm = try #require(image["normalization"] as? [String: [Double]])
        #expect(norm["mean"] == [0.485, 0.456, 0.406] && norm["std"] == [0.229, 0.224, 0.225])
        let ours = try #require(image["logits"] as? [Double])
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f + "/torchvision_small_logits.json"))) as? [String: Any])
        let torch = try #require(expected["logits"] as? [Double])
        #expect(ours.count == 1000)
        let scale = torch.map(abs).max()!
        let error = zip(ours, torch).map { abs($0 - $1) }.max()! / scale
        #expect(error < 1e-4, "max |Δ| / max |logit| = \(error)")
        let top = try #require(image["top"] as? [[String: Any]])
        #expect(top.count == 3)
        #expect(top.map { $0["index"] as? Int } == (expected["top5"] as? [Int])!.prefix(3).map { Optional($0) })
        let names = try String(contentsOfFile: Self.root.appendingPathComponent("data/imagenet_classes.txt").path, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for t in top { #expect(t["label"] as? String == names[t["index"] as! Int]) }
        let p = top.compactMap { $0["probability"] as? Double }
        #expect(p.count == 3 && p[0] >= p[1] && p[1] >= p[2] && p[0] > 0 && p[0] < 1)
    }

    /// Fashion-MNIST test images 0–99 as PGM files (decompressed with gzip), classified by the shipped mini.
    @Test func shippedMiniGetsTestImagesRight() throws {
        let data = "/usr/share/datasets/fashion-mnist"
        let dir = Self.temporaryDirectory()
        let unpack = Spawn.run(["/bin/sh", "-c", "gzip -dc \(data)/t10k-images-idx3-ubyte.gz | head -c 78416 > '\(dir)/images' && gzip -dc \(data)/t10k-labels-idx1-ubyte.gz | head -c 108 > '\(dir)/labels'"],
                               environment: ["PATH": "/usr/bin:/bin"])
        #expect(unpack.status == 0, "\(unpack.stderr)")
        let images = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/images")))
        let labels = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/labels")))
        try #require(images.count == 16 + 100 * 784 && labels.count == 108)
        var names: [String] = []
        for i in 0..<100 {
            let name = "test\(i).pgm"
            let pixels = images[(16 + i * 784)..<(16 + (i + 1) * 784)]
            try Data(Array("P5 28 28 255\n".utf8) + pixels).write(to: URL(fileURLWithPath: dir + "/" + name))
            names.append(name)
        }
        let out = try run("predict --preset mini --format json --top 1 --image " + names.joined(separator: " "), in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect((json["weights"] as? String)?.hasSuffix("weights/mini.safetensors") == true)
        let results = try #require(json["images"] as? [[String: Any]])
        #expect(results.count == 100)
        var right = 0
        for (i, r) in results.enumerated() {
            #expect(r["image"] as? String == "test\(i).pgm")
            let top = (r["top"] as? [[String: Any]])?.first
            if top?["index"] as? Int == Int(labels[8 + i]) { right += 1 }
        }
        #expect(right >= 85, "\(right)/100 right")
    }

    @Test func tableNamesWeightsAndLabels() throws {
        let f = Self.fixtures
        let out = try run("predict --preset mini --image '\(f)/jpeg_baseline_rgb.jpg' --top 2")
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("mini, weights: checkpoint ") == true)
        #expect(lines.first?.contains("mini.safetensors") == true && lines.first?.contains("shipped") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("labels: Fashion-MNIST; input 27×27×1; normalisation mean ") })
        #expect(lines.contains { $0.hasPrefix("   1. ") && $0.contains("logit") })
        let untrained = try run("predict --preset mini --untrained --image '\(f)/jpeg_grey.jpg'")
        #expect(untrained.stdout.hasPrefix("mini, weights: untrained, He normal, seed 1"), "\(untrained.stdout)")
    }

    @Test func corruptJPEGIsOneLineNamingTheFile() throws {
        let dir = Self.temporaryDirectory()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/jpeg_baseline_rgb.jpg"))
        try bytes.prefix(bytes.count - 12).write(to: URL(fileURLWithPath: dir + "/cut.jpg"))  // inside the scan data
        let out = try run("predict --preset mini --image cut.jpg", in: dir)
        #expect(out.status == 1)
        #expect(out.stderr == "error: cut.jpg: corrupt JPEG data: Premature end of JPEG file\n")
        let features = try run("features --preset mini --image cut.jpg", in: dir)
        #expect(features.stderr == "error: cut.jpg: corrupt JPEG data: Premature end of JPEG file\n")
    }

    @Test func filtersAndFeaturesOfMiniShowTheShippedWeights() throws {
        let filters = try run("filters --preset mini")
        #expect(filters.status == 0, "\(filters.stderr)")
        #expect(filters.stdout.hasPrefix("mini conv1: 32 filters of 5×5×1, checkpoint "), "\(filters.stdout.prefix(200))")
        #expect(filters.stdout.split(separator: "\n").first?.contains("weights/mini.safetensors") == true)
        let untrained = try run("filters --preset mini --untrained")
        #expect(untrained.stdout.hasPrefix("mini conv1: 32 filters of 5×5×1, untrained, He normal, seed 1"), "\(untrained.stdout.prefix(200))")
        let features = try run("features --preset mini")
        #expect(features.status == 0, "\(features.stderr)")
        #expect(features.stdout.contains("weights: checkpoint ") && features.stdout.contains("mini.safetensors"), "\(features.stdout.prefix(300))")
        #expect(!features.stdout.contains("(untrained weights)"))
    }

    @Test func explorerOnMiniShowsTheShippedWeights() throws {
        let tmux = try TmuxSession.launch("explore --preset mini", width: 120, height: 40, waitingFor: "conv1  convolution")
        tmux.keys("3")
        try tmux.waitFor("conv1 filters 32 × 5×5×1", "checkpoint ", "mini.safetensors")
        #expect(try tmux.stop() == 0)
    }
}
}
