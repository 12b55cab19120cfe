import Foundation
import Testing
@testable import AlexNetCore

/// CIFAR-10's binary files, generated small: records of 1 label byte + 3,072 pixel bytes (R, G, B planes).
@Suite struct CIFAR10Tests {
    /// Record `k` of a fixture: label k % 10, pixel i of plane c = (k·7 + c·31 + i) mod 256, so every byte
    /// is known from where it is.
    static func record(_ k: Int) -> [UInt8] {
        [UInt8(k % 10)] + (0..<3).flatMap { c in (0..<1024).map { i in UInt8((k * 7 + c * 31 + i) % 256) } }
    }

    /// The five training files with 3, 2, 0, 1 and 1 records (record numbers 0…6 across them) and a test
    /// file with 4 (numbers 100…103).
    static func fixture() -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        var k = 0
        for (file, count) in zip(CIFAR10.trainFiles, [3, 2, 0, 1, 1]) {
            _ = dir.write((0..<count).flatMap { _ in defer { k += 1 }; return record(k) }, to: file)
        }
        _ = dir.write((100..<104).flatMap(record), to: CIFAR10.testFile)
        return dir
    }

    @Test func readsEveryByteInFileOrder() throws {
        let dir = Self.fixture()
        let train = try CIFAR10.load(.train, directory: dir.path)
        #expect(train.count == 7)
        #expect(train.labels == (0..<7).map { $0 % 10 })
        #expect(train.pixels == (0..<7).flatMap { Array(Self.record($0).dropFirst()) })
        #expect(train.channels == 3 && train.side == 32 && train.name == "CIFAR-10")
        #expect(train.classNames == ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"])
        let test = try CIFAR10.load(.test, directory: dir.path)
        #expect(test.labels == [0, 1, 2, 3])
        #expect(test.pixels == (100..<104).flatMap { Array(Self.record($0).dropFirst()) })
        // The planes are R, G, B: image 1's green plane starts at byte 1,024 of the record's pixels.
        let image = train.image(at: 1)
        #expect(image.shape == [3, 32, 32])
        #expect(image.data[1024] == Float((7 + 31) % 256) / 255)
        #expect(image.data[2 * 1024 + 5] == Float((7 + 62 + 5) % 256) / 255)
        // The first N records, across files.
        let some = try CIFAR10.load(.train, directory: dir.path, limit: 4)
        #expect(some.labels == [0, 1, 2, 3])
        #expect(some.pixels == Array(train.pixels.prefix(4 * 3072)))
    }

    @Test func directoryIsDetectedByItsFiles() throws {
        let dir = Self.fixture()
        #expect(DataSource(directory: dir.path) == .cifar10(directory: dir.path))
        // The folder the archive unpacks to, named by its parent.
        let parent = TemporaryDirectory()
        let inner = parent.file(CIFAR10.archiveFolder)
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        try Data(Self.record(0)).write(to: URL(fileURLWithPath: (inner as NSString).appendingPathComponent(CIFAR10.testFile)))
        #expect(DataSource(directory: parent.path) == .cifar10(directory: inner))
        let other = TemporaryDirectory()
        #expect(DataSource(directory: other.path) == .fashionMNIST(directory: other.path))
        #expect(DataSource(directory: FashionMNIST.defaultDirectory).name == "Fashion-MNIST")
    }

    /// Each bad file is refused in one line naming the file and the record.
    @Test func truncatedMixedAndMissingFilesAreRefusedInOneLine() throws {
        let dir = Self.fixture()
        let cut = dir.write(Self.record(0) + Self.record(1) + Array(Self.record(2).prefix(100)), to: CIFAR10.trainFiles[1])
        var message = Self.message { try CIFAR10.load(.train, directory: dir.path) }
        #expect(message == "\(cut): record 3 is cut short: 6,246 bytes is 2 whole records and 100 bytes; "
            + "expected records of 3,073 bytes (1 label + 3,072 pixels)")

        // CIFAR-100's records carry two label bytes: 3,074 bytes each.
        let hundred = dir.write((0..<3).flatMap { [UInt8(1)] + Self.record($0) }, to: CIFAR10.trainFiles[1])
        message = Self.message { try CIFAR10.load(.train, directory: dir.path) }
        #expect(message == "\(hundred): record 4 is cut short: 9,222 bytes is 3 whole records and 3 bytes; expected records "
            + "of 3,073 bytes (1 label + 3,072 pixels) (records of 3,074 bytes, as in CIFAR-100's binary version, would fit)")

        var wrongLabel = Self.record(0) + Self.record(1)
        wrongLabel[3073] = 57
        let mixed = dir.write(wrongLabel, to: CIFAR10.trainFiles[1])
        message = Self.message { try CIFAR10.load(.train, directory: dir.path) }
        #expect(message == "\(mixed): record 2 has label 57; CIFAR-10's labels are 0…9 (is this file from another dataset?)")

        try FileManager.default.removeItem(atPath: dir.file(CIFAR10.trainFiles[2]))
        _ = dir.write(Self.record(0), to: CIFAR10.trainFiles[1])
        message = Self.message { try CIFAR10.load(.train, directory: dir.path) }
        #expect(message == "\(dir.file(CIFAR10.trainFiles[2])): no such file (expected CIFAR-10's data_batch_3.bin, "
            + "records of 1 label byte + 3,072 pixel bytes)")
        #expect(!message.contains("\n"))
    }

    /// A file of more records than any CIFAR-10 file is refused from its size, before it is read (the file
    /// is sparse: it takes no disk).
    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let dir = Self.fixture()
        let path = dir.file(CIFAR10.testFile)
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        #expect(ftruncate(fd, off_t((CIFAR10.maximumRecords + 1) * CIFAR10.recordBytes)) == 0)
        close(fd)
        let message = Self.message { try CIFAR10.load(.test, directory: dir.path) }
        #expect(message == "\(path): holds 100,001 records; expected at most 100,000 (CIFAR-10's files hold 10,000)")
    }

    /// cuda-convnet's layers-80sec.cfg on 32×32×3: maps 32 → 16 → 8 → 4 (its pooling rounds up), fc4 reads 1,024.
    @Test func figure1FollowsTheData() throws {
        let dir = Self.fixture()
        let source = DataSource(directory: dir.path)
        let spec = source.spec(for: .figure1)
        let report = try spec.shapeReport()
        #expect(spec.input == InputShape(channels: 3, height: 32, width: 32))
        #expect(report.layers.filter { if case .maxpool = $0.kind { true } else { false } }.map(\.output.height) == [16, 8, 4])
        // 3·25·32+32 + 32·25·32+32 + 32·25·64+64 + 1,024·10+10
        #expect(report.totalParams == 2_432 + 25_632 + 51_264 + 10_250)
        #expect(source.spec(for: .mini) == Preset.mini.spec)
        #expect(DataSource(directory: "/nonexistent").spec(for: .figure1) == Preset.figure1.spec)

        // It trains on the fixture; mini (one grey channel) is refused in one line.
        let train = try CIFAR10.load(.train, directory: source.directory)
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        let run = try TrainingRun(network: net, train: train, test: nil,
                                  options: TrainingOptions(epochs: 1, batchSize: 4, learningRate: 0.01, seed: 1, augment: false))
        let p = try run.step()
        #expect(p.loss.isFinite)
        let mini = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        #expect(throws: TrainingSetupError.self) {
            _ = try TrainingRun(network: mini, train: train, test: nil, options: TrainingOptions())
        }
        #expect(train.mismatch(Preset.mini.spec.input, outputs: 10, network: "mini")
            == "mini takes 27×27×1 images; CIFAR-10 is 32×32×3, so only networks with 3 input channels and at most "
            + "32×32 train on it (try --preset figure1)")
    }

    static func message(_ body: () throws -> ImageDataset) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }
}
