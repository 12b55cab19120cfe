import Foundation
import Testing
@testable import AlexNetCore

/// torchvision's alexnet layout at reduced width, weights from scripts/export_torchvision_alexnet.py
/// --random, and PyTorch's logits for a 224×224 PNG (scripts/make_torchvision_parity_fixture.py): the
/// same file through our PNG reader, preprocessing (used unchanged: already 224×224) and ImageNet
/// normalisation must give PyTorch's logits within 1e-4 relative.
@Suite struct TorchvisionParityTests {
    static func fixture(_ name: String, _ ext: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures")).path
    }

    /// |ours − torch| ≤ 1e-4 × the largest |logit| (a per-element ratio means nothing for logits near zero).
    static func relativeError(_ ours: [Float], _ torch: [Double]) -> Double {
        let scale = torch.map(abs).max() ?? 1
        return zip(ours, torch).map { abs(Double($0) - $1) }.max()! / scale
    }

    @Test func logitsMatchPyTorch() throws {
        let spec = try NetworkConfig.load(path: try Self.fixture("torchvision_small", "yaml"))
        let net = try Network(spec: spec, initialization: .paper, seed: 1)
        let weights = try SafetensorsFile.read(from: try Self.fixture("torchvision_small", "safetensors"))
        var tensors: [String: Tensor] = [:]
        for t in weights.tensors { tensors[t.name] = t.tensor }
        try net.load(tensors, source: "torchvision_small.safetensors")
        let norm = try ChannelNormalization(metadata: weights.metadata, channels: 3, file: "w")
        #expect(norm == .imageNet)

        let preprocessing = Preprocessing(network: spec.input, normalization: norm)
        let input = preprocessing.apply(try ImageFile.load(try Self.fixture("parity_224", "png")))
        let logits = net.forward(input.reshaped([1, 3, 224, 224]), mode: .eval)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: try Self.fixture("torchvision_small_logits", "json")))) as! [String: Any]
        let torch = try #require(json["logits"] as? [Double])
        #expect(torch.count == 1000 && logits.count == 1000)
        let error = Self.relativeError(logits.data, torch)
        #expect(error < 1e-4, "max error relative to the largest logit: \(error)")
        let top = logits.data.indices.sorted { logits.data[$0] > logits.data[$1] }.prefix(5)
        #expect(Array(top) == (json["top5"] as? [Int]))
    }
}
