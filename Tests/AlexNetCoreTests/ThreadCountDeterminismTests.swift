import Foundation
import Testing
@testable import AlexNetCore

/// docs/training.md claims the same seed gives bit-identical weights, and ARCHITECTURE.md that results do not
/// depend on which worker ran a chunk. Here the thread count itself changes and nothing else: a few training
/// steps on 1, 2, 3 and 4 workers must leave every weight, bias and momentum value bit for bit the same. Two
/// networks cover both conv routes: mini's small layers (whole chunks on separate workers) and a layer whose
/// lowered image exceeds the cache budget (one chunk at a time, its lowering and GEMM split across workers),
/// with dropout, pooling, LRN and fc layers on the way.
@Suite(.serialized) struct ThreadCountDeterminismTests {
    static let bigConv = """
        name: bigconv
        input: [1, 28, 28]
        layers:
          - conv: {out: 4, kernel: 3, padding: 1}
          - relu
          - conv: {out: 16, kernel: 11, padding: 5}
          - relu
          - lrn: {size: 5}
          - maxpool: {kernel: 3, stride: 2}
          - flatten
          - dropout: 0.5
          - linear: 10
          - softmax
        """

    /// Every tensor of the checkpoint after `steps` steps on `threads` workers, as bit patterns.
    static func trained(_ spec: NetworkSpec, threads: Int, batch: Int, steps: Int) throws -> [String: [UInt32]] {
        let previous = ComputeThreads.current
        ComputeThreads.set(threads)
        defer { ComputeThreads.set(previous) }
        let net = try Network(spec: spec, initialization: .he, seed: 7)
        let run = try TrainingRun(network: net, train: EmptyDatasetTests.data(batch * steps), test: nil,
                                  options: TrainingOptions(epochs: 1, batchSize: batch, augment: true))
        for _ in 0..<steps { _ = try run.step() }
        var out: [String: [UInt32]] = [:]
        for t in run.checkpoint(activation: .relu).tensors { out[t.name] = t.tensor.data.map(\.bitPattern) }
        return out
    }

    @Test(arguments: ["mini", "bigconv"])
    func threadCountDoesNotChangeTheResult(_ network: String) throws {
        let spec = network == "mini" ? Preset.mini.spec : try NetworkConfig.parse(text: Self.bigConv, file: "bigconv.yaml")
        let batch = network == "mini" ? 64 : 8   // 64: `train`'s default batch
        let steps = Int(ProcessInfo.processInfo.environment["DETERMINISM_STEPS"] ?? "") ?? 3
        let one = try Self.trained(spec, threads: 1, batch: batch, steps: steps)
        #expect(one.count >= 4 && one.values.allSatisfy { !$0.isEmpty })
        for threads in [2, 3, 4] {
            let many = try Self.trained(spec, threads: threads, batch: batch, steps: steps)
            #expect(Set(many.keys) == Set(one.keys))
            for (name, bits) in one {
                let differing = zip(bits, many[name] ?? []).filter { $0 != $1 }.count
                #expect(differing == 0 && many[name]?.count == bits.count,
                        "\(network): \(name) differs in \(differing) of \(bits.count) values with \(threads) threads")
            }
        }
    }
}
