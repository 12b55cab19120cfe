import Foundation
import Testing
@testable import AlexNetCore

/// An empty split used to crash in `FashionMNIST.batch` (index past the end) and an empty test set
/// reported 100% accuracy: both are refused with one line naming the file.
@Suite struct EmptyDatasetTests {
    @Test func headerWithZeroImagesIsRefused() throws {
        let dir = TemporaryDirectory()
        try IDXReaderTests.writeSplit(in: dir, images: IDXReaderTests.idx([0, 28, 28], []), labelsFile: IDXReaderTests.idx([0], []))
        let error = #expect(throws: DatasetError.self) { try FashionMNIST.load(.train, directory: dir.path) }
        #expect(error?.description == "\(dir.path)/train-images-idx3-ubyte.gz: the header says 0 images; expected at least 1 training image")
    }

    @Test func limitOfZeroIsRefused() throws {
        let dir = TemporaryDirectory()
        try IDXReaderTests.writeSplit(in: dir)
        let error = #expect(throws: DatasetError.self) { try FashionMNIST.load(.train, directory: dir.path, limit: 0) }
        #expect(error?.description == "\(dir.path)/train-images-idx3-ubyte.gz: keeping the first 0 of its 3 images leaves none; expected a limit of at least 1")
    }

    static func data(_ n: Int, split: FashionMNIST.Split = .train) -> FashionMNIST {
        FashionMNIST(split: split, pixels: (0..<n * 784).map { UInt8($0 % 251) }, labels: (0..<n).map { $0 % 10 })
    }

    static let setups: [(train: Int, test: Int, testLimit: Int?, message: String)] = [
        (0, 4, nil, "the training set has no images; expected at least 1"),
        (4, 0, nil, "the test set has no images to measure (test limit none, 0 test images); expected at least 1"),
        (4, 4, 0, "the test set has no images to measure (test limit 0, 4 test images); expected at least 1"),
    ]

    @Test(arguments: setups)
    func runWithoutImagesIsRefused(train: Int, test: Int, testLimit: Int?, message: String) throws {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        let error = #expect(throws: TrainingSetupError.self) {
            try TrainingRun(network: net, train: Self.data(train), test: Self.data(test, split: .test),
                            options: TrainingOptions(epochs: 1, batchSize: 2, testLimit: testLimit))
        }
        #expect(error?.message == message)
    }
}
