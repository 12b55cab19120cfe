import Foundation
import Testing

/// CIFAR-10 through the real binary, on generated binary files: `--data` finds them by their names,
/// figure1 trains on 32×32×3, and a broken file is refused in one line naming the file and the record.
@Suite struct CIFAR10EndToEndTests {
    /// Five training files of 16 records and a test file of 8: label k % 10, pixels from the record number.
    static func fixture() throws -> String {
        let dir = NSTemporaryDirectory() + "alexnet-cifar-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func records(_ range: Range<Int>) -> Data {
            Data(range.flatMap { k in [UInt8(k % 10)] + (0..<3_072).map { UInt8((k * 13 + $0) % 251) } })
        }
        for i in 1...5 {
            try records((i * 16)..<(i * 16 + 16)).write(to: URL(fileURLWithPath: dir + "/data_batch_\(i).bin"))
        }
        try records(0..<8).write(to: URL(fileURLWithPath: dir + "/test_batch.bin"))
        return dir
    }

    func run(_ arguments: [String]) throws -> Spawn.Output {
        guard let binary = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        return Spawn.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"])
    }

    @Test func figure1TrainsOnCIFAR10AndBrokenFilesAreRefusedInOneLine() throws {
        let dir = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let train = try run(["train", "--preset", "figure1", "--data", dir, "--epochs", "1", "--batch", "16", "--no-augment"])
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("epoch 1/1") && train.stdout.contains("test error"), "\(train.stdout)")
        // mini takes one grey channel: refused in one line that says what would train.
        let mini = try run(["train", "--preset", "mini", "--data", dir, "--epochs", "1"])
        #expect(mini.status != 0)
        #expect(mini.stderr == "error: mini takes 27×27×1 images; CIFAR-10 is 32×32×3, so only networks with 3 input "
            + "channels and at most 32×32 train on it (try --preset figure1)\n", "\(mini.stderr)")
        // A training file cut inside its third record.
        let cut = dir + "/data_batch_4.bin"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cut))
        try bytes.prefix(2 * 3_073 + 10).write(to: URL(fileURLWithPath: cut))
        let broken = try run(["compare", "--preset", "figure1", "--data", dir, "--epochs", "1"])
        #expect(broken.status != 0)
        #expect(broken.stderr == "error: \(cut): record 3 is cut short: 6,156 bytes is 2 whole records and 10 bytes; "
            + "expected records of 3,073 bytes (1 label + 3,072 pixels)\n", "\(broken.stderr)")
    }
}
