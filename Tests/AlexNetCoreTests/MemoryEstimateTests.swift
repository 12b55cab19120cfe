import Testing
@testable import AlexNetCore

/// The memory estimate against figures computed by hand (and by an independent script) from the
/// presets' layer lists, and the refusal of networks that would not fit.
@Suite struct MemoryEstimateTests {
    /// mini: P = 218,186 parameters; A = 126,765 values per example (729 input + 3·23,328 conv1/relu1/norm1
    /// + 5,408 pool1 + 3·10,816 + 2,304 pool2 + 6·2,304 conv3…relu5 + 256 pool5 + 7·256 flatten…relu7
    /// + 2·10). The conv layers share one workspace, chunks aimed at 2^18 floats but at least 512 GEMM
    /// columns. Batch 1: the largest lowering is conv2's 144·169 = 24,336 floats, the largest product
    /// conv1's 32·729 = 23,328. Batch 64, training: conv3's chunk is 15 images (512/36 rounded up), its
    /// lowering (and its dOut's, 64·9 rows) 576·36·15 = 311,040 floats; conv1's chunk 14 images
    /// (2^18 / 25·729), its product and masked dOut 32·729·14 = 326,592 each; conv3's weights 36,864,
    /// rearranged, and its weight and bias gradients of one chunk, 36,928.
    @Test(arguments: [
        // batch 1, inference: 2·4·P, 4·A, 4·(24,336 + 23,328)
        (1, false, 1_745_488, 507_060, 190_656, 2_443_204),
        // batch 64, training: 3·4·P, 2·4·64·A, 4·(311,040 + 2·326,592 + 36,864 + 36,928)
        (64, true, 2_618_232, 64_903_680, 4_152_064, 71_673_976),
    ])
    func mini(batch: Int, training: Bool, params: Int, acts: Int, work: Int, total: Int) throws {
        let e = try MemoryEstimate(report: Preset.mini.spec.shapeReport(), batch: batch, training: training)
        #expect(e.parameterBytes == params)
        #expect(e.activationBytes == acts)
        #expect(e.workspaceBytes == work)
        #expect(params + acts + work == total)
        // The rest of the process: 48 MiB and a tenth of the engine's bytes, so the total bounds the peak from above.
        #expect(e.otherBytes == 50_331_648 + total / 10)
        #expect(e.totalBytes == total + e.otherBytes)
    }

    /// alexnet (two towers): P = 60,965,224; A = 2,090,027 (dropout after fc6 and fc7, as in the paper:
    /// drop6 holds 4,096 values, not flatten's 9,216). Each image's lowering is over 2^16 floats, so chunks
    /// are sized for 2,048 GEMM columns: conv1 1 image (3,025 columns), conv2 3 (729 each), conv3–5 13 (169).
    /// Batch 1: conv1's lowering 363·3,025 = 1,098,075 floats and product 96·3,025 = 290,400. Batch 128,
    /// training: conv3's lowering, 2,304 rows × 169 × 13 images = 5,061,888 floats (its input gradient is
    /// folded back by col2im: 256 input channels < 384 outputs); conv3's product and masked dOut
    /// 384·169·13 = 843,648 each; conv3's weights 884,736 rearranged and one chunk's gradients of them and its
    /// 384 biases, 885,120.
    @Test(arguments: [
        (1, false, 487_721_792, 8_360_108, 5_553_900, 501_635_800),
        (128, true, 731_582_688, 2_140_187_648, 34_076_160, 2_905_846_496),
    ])
    func alexnet(batch: Int, training: Bool, params: Int, acts: Int, work: Int, total: Int) throws {
        let e = try MemoryEstimate(report: Preset.alexnet.spec.shapeReport(), batch: batch, training: training)
        #expect(e.parameterBytes == params)
        #expect(e.activationBytes == acts)
        #expect(e.workspaceBytes == work)
        #expect(params + acts + work == total)
        #expect(e.totalBytes == total + 50_331_648 + total / 10)
    }

    @Test func tooLargeIsRefusedInOneLine() throws {
        let report = try Preset.mini.spec.shapeReport()
        let limit = MemoryLimit(bytes: 2 << 20, source: "--max-memory 2MiB")
        #expect(throws: MemoryError(file: nil, network: "mini", message:
            "needs about 50.6 MiB for one example (weights 1.7 MiB, activations 495.2 KiB, workspace 186.2 KiB, "
            + "rest of the process 48.2 MiB), more than the 2.0 MiB of --max-memory 2MiB")) {
            try MemoryBudget(batch: 1, training: false, limit: limit).check(report)
        }
        // The same network fits at 51 MiB: 2,443,204 + 50,331,648 + 244,320.
        #expect(try MemoryBudget(limit: MemoryLimit(bytes: 51 << 20, source: "x")).check(report).totalBytes == 53_019_172)
    }

    @Test func overflowingBatchIsAnError() throws {
        let report = try Preset.alexnet.spec.shapeReport()
        #expect(throws: MemoryError(file: nil, network: "alexnet", message: "its memory for batch \(Int.max / 2) overflows 64-bit integers")) {
            try MemoryEstimate(report: report, batch: Int.max / 2, training: true)
        }
    }

    /// Network refuses before allocating: 3×100000×100000 would need terabytes; the test would die
    /// allocating them if the check came after.
    @Test func networkRefusesBeforeAllocating() throws {
        let spec = try NetworkConfig.parse(text: "input: [3, 100000, 100000]\nlayers:\n  - conv: {out: 8, kernel: 3}\n  - relu\n",
                                           file: "big.yaml")
        do {
            _ = try Network(spec: spec, initialization: .he, seed: 1)
            Issue.record("expected a MemoryError")
        } catch let error as MemoryError {
            #expect("\(error)".hasPrefix("big.yaml: network 'big' needs about "))
            #expect("\(error)".hasSuffix("GiB of the machine's memory") || "\(error)".hasSuffix("the container's memory limit") || "\(error)".hasSuffix("left to this process"))
        }
        // A network that fits is built as before.
        _ = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1,
                        memory: MemoryBudget(batch: 64, training: true, limit: MemoryLimit(bytes: 200 << 20, source: "x")))
    }

    @Test func machineMemoryIsPositive() {
        #expect(MemoryLimit.machine.bytes > 1 << 20)
    }

    @Test(arguments: [
        ("2GiB", 2 << 30), ("2 GiB", 2 << 30), ("512MiB", 512 << 20), ("512M", 512 << 20), ("1.5G", 3 << 29),
        ("800MB", 800_000_000), ("1TB", 1_000_000_000_000), ("4096", 4096), ("4096B", 4096), ("1k", 1024),
        // Whole bytes exactly: a Double rounds Int.max up past 64 bits, which read as "less than 1MiB".
        ("9223372036854775807B", Int.max), ("9223372036854775807", Int.max),
    ] as [(String, Int)])
    func sizesParse(text: String, bytes: Int) {
        #expect(MemoryLimit.bytes(parsing: text) == bytes)
    }

    @Test(arguments: ["", "GiB", "two GiB", "2 GiBs", "-1GiB", "1e3", "99999999999TiB", "nan", "1.2.3G", "9223372036854775808B"])
    func nonSizesAreRejected(text: String) {
        #expect(MemoryLimit.bytes(parsing: text) == nil)
    }
}
