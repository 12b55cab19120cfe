import Foundation
import Testing
@testable import AlexNetCore

@Suite struct IDXReaderTests {
    /// IDX bytes: magic 00 00 08 <rank>, big-endian dimensions, values.
    static func idx(_ dims: [Int], _ values: [UInt8], magic: UInt8? = nil) -> [UInt8] {
        var out: [UInt8] = [0, 0, 0x08, magic ?? UInt8(dims.count)]
        for d in dims { out += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
        return out + values
    }

    /// Three 28×28 images whose pixel (r, c) of image i is (i·50 + r + c) mod 256.
    static let pixels: [UInt8] = (0..<3 * 784).map { (k: Int) -> UInt8 in
        let (i, p) = (k / 784, k % 784)
        return UInt8((i * 50 + p / 28 + p % 28) % 256)
    }
    static let labels: [UInt8] = [9, 0, 3]

    /// Writes a training split (gzipped through zlib) into `dir`, with optional replacements.
    static func writeSplit(in dir: TemporaryDirectory, images: [UInt8]? = nil, labelsFile: [UInt8]? = nil,
                           gzip: Bool = true) throws {
        let imageBytes = images ?? idx([3, 28, 28], pixels)
        let labelBytes = labelsFile ?? idx([3], labels)
        if gzip {
            try GzipWriter.write(imageBytes, to: dir.file("train-images-idx3-ubyte.gz"))
            try GzipWriter.write(labelBytes, to: dir.file("train-labels-idx1-ubyte.gz"))
        } else {
            _ = dir.write(imageBytes, to: "train-images-idx3-ubyte")
            _ = dir.write(labelBytes, to: "train-labels-idx1-ubyte")
        }
    }

    @Test(arguments: [true, false])
    func readsGzippedAndPlainFiles(gzip: Bool) throws {
        let dir = TemporaryDirectory()
        try Self.writeSplit(in: dir, gzip: gzip)
        let data = try FashionMNIST.load(.train, directory: dir.path)
        #expect(data.count == 3)
        #expect(data.labels == [9, 0, 3])
        #expect(data.pixels == Self.pixels)
        // Image 1, row 2, column 5: (50 + 2 + 5) / 255.
        #expect(data.image(at: 1).shape == [1, 28, 28])
        #expect(data.image(at: 1).data[2 * 28 + 5] == Float(57) / 255)
    }

    @Test func limitKeepsTheFirstImages() throws {
        let dir = TemporaryDirectory()
        try Self.writeSplit(in: dir)
        let data = try FashionMNIST.load(.train, directory: dir.path, limit: 2)
        #expect(data.labels == [9, 0])
        #expect(data.pixels == Array(Self.pixels.prefix(2 * 784)))
    }

    @Test func batchIsNormalisedNCHW() throws {
        let dir = TemporaryDirectory()
        try Self.writeSplit(in: dir)
        let data = try FashionMNIST.load(.train, directory: dir.path)
        let norm = PixelNormalization(mean: 0.25, std: 0.5)
        let (images, labels) = data.batch([2, 0], normalization: norm)
        #expect(images.shape == [2, 1, 28, 28])
        #expect(labels == [3, 9])
        // Batch row 0 is image 2: pixel (0, 1) = 101; row 1 is image 0: pixel (27, 27) = 54.
        let expected0: Float = (101.0 / 255 - 0.25) / 0.5
        let expected1: Float = (54.0 / 255 - 0.25) / 0.5
        #expect(abs(images.data[1] - expected0) < 1e-6)
        #expect(abs(images.data[784 + 783] - expected1) < 1e-6)
    }

    @Test func normalisationMeasuresMeanAndStd() {
        // Pixels 0 and 255 in equal numbers: mean 0.5, std 0.5.
        let n = PixelNormalization(measuring: [0, 255, 0, 255])
        #expect(abs(n.mean - 0.5) < 1e-6 && abs(n.std - 0.5) < 1e-6)
        #expect(n.apply(UInt8(255)) == 1)
        #expect(PixelNormalization.unit.apply(UInt8(51)) == Float(51) / 255)
    }

    static func imagesPath(_ dir: TemporaryDirectory) -> String { dir.file("train-images-idx3-ubyte.gz") }
    static func labelsPath(_ dir: TemporaryDirectory) -> String { dir.file("train-labels-idx1-ubyte.gz") }

    /// (case, setup, expected error text with DIR for the directory)
    static let malformed: [(String, @Sendable (TemporaryDirectory) throws -> Void, String)] = [
        ("labels file missing", { dir in
            try writeSplit(in: dir); try FileManager.default.removeItem(atPath: labelsPath(dir))
        }, "DIR/train-labels-idx1-ubyte.gz: no such file (expected the Fashion-MNIST training labels, IDX of unsigned bytes)"),
        ("labels in place of images", { dir in
            try writeSplit(in: dir, images: idx([3], labels))
        }, "DIR/train-images-idx3-ubyte.gz: expected IDX magic number 0x00000803 (unsigned bytes, 3-dimensional data), got 0x00000801"),
        ("float IDX", { dir in
            try writeSplit(in: dir, labelsFile: [0, 0, 0x0D, 1, 0, 0, 0, 3] + [UInt8](repeating: 0, count: 12))
        }, "DIR/train-labels-idx1-ubyte.gz: expected IDX magic number 0x00000801 (unsigned bytes, labels), got 0x00000d01"),
        ("32×32 images", { dir in
            try writeSplit(in: dir, images: idx([3, 32, 32], [UInt8](repeating: 0, count: 3 * 1024)))
        }, "DIR/train-images-idx3-ubyte.gz: expected items of 28×28, the header says 32×32"),
        ("truncated images", { dir in
            try writeSplit(in: dir, images: idx([3, 28, 28], Array(pixels.prefix(2 * 784 + 500))))
        }, "DIR/train-images-idx3-ubyte.gz: truncated: the header promises 3 items of 784 bytes, the data ends after 2 items"),
        ("header cut short", { dir in
            try writeSplit(in: dir, images: [0, 0, 8, 3, 0, 0])
        }, "DIR/train-images-idx3-ubyte.gz: file ends inside the header: expected 3 dimensions of 4 bytes, got 2 bytes"),
        ("empty file", { dir in
            try writeSplit(in: dir, labelsFile: [])
        }, "DIR/train-labels-idx1-ubyte.gz: file ends after 0 bytes; expected the IDX magic number 0x00000801 (unsigned bytes, labels)"),
        ("fewer labels than images", { dir in
            try writeSplit(in: dir, labelsFile: idx([2], [1, 2]))
        }, "DIR/train-labels-idx1-ubyte.gz: has 2 labels but train-images-idx3-ubyte.gz has 3 images"),
        ("label out of range", { dir in
            try writeSplit(in: dir, labelsFile: idx([3], [1, 10, 2]))
        }, "DIR/train-labels-idx1-ubyte.gz: label 10 of item 1 is outside 0...9"),
        ("trailing data", { dir in
            try writeSplit(in: dir, labelsFile: idx([3], labels + [7]))
        }, "DIR/train-labels-idx1-ubyte.gz: the header promises 3 items of 1 bytes, but more data follows"),
        ("missing directory", { dir in
            try FileManager.default.removeItem(atPath: dir.path)
        }, "DIR: no such directory"),
    ]

    @Test(arguments: malformed)
    func malformedFilesGiveOneLineErrors(name: String, setup: @Sendable (TemporaryDirectory) throws -> Void, message: String) throws {
        let dir = TemporaryDirectory()
        try setup(dir)
        let error = #expect(throws: DatasetError.self, "\(name)") {
            try FashionMNIST.load(.train, directory: dir.path)
        }
        #expect(error?.description == message.replacingOccurrences(of: "DIR", with: dir.path))
    }

    @Test func damagedGzipIsAnErrorNamingTheFile() throws {
        let dir = TemporaryDirectory()
        try Self.writeSplit(in: dir)
        let path = Self.imagesPath(dir)
        let good = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        // Cut the compressed stream in half, then separately garble its middle.
        for bad in [Array(good.prefix(good.count / 2)),
                    good.enumerated().map { $0.offset > 20 && $0.offset < good.count - 12 ? $0.element ^ 0x5A : $0.element }] {
            _ = FileManager.default.createFile(atPath: path, contents: Data(bad))
            let error = #expect(throws: DatasetError.self) { try FashionMNIST.load(.train, directory: dir.path) }
            let text = error?.description ?? ""
            #expect(text.hasPrefix(path + ": "), "\(text)")
            #expect(text.contains("cannot read: corrupt gzip data") || text.contains("cannot read: the gzip stream is cut short"), "\(text)")
            #expect(!text.dropFirst(path.count).contains(path), "the path is named once: \(text)")
        }
    }

    @Test func defaultDirectoryHintTellsHowToInstall() {
        #expect(FashionMNIST.missingDirectoryError("/usr/share/datasets/fashion-mnist/").description
                == "/usr/share/datasets/fashion-mnist/: no such directory; install it with: apt-get install dataset-fashion-mnist")
        #expect(FashionMNIST.missingDirectoryError("/home/me/data").description == "/home/me/data: no such directory")
    }

    // MARK: - The real files from Debian's dataset-fashion-mnist, when installed

    static let realFilesPresent = FileManager.default.fileExists(atPath: FashionMNIST.defaultDirectory + "/train-images-idx3-ubyte.gz")

    @Test(.enabled(if: !FileManager.default.fileExists(atPath: FashionMNIST.defaultDirectory)))
    func missingDefaultDirectoryGivesTheInstallHint() {
        let error = #expect(throws: DatasetError.self) { try FashionMNIST.load(.test) }
        #expect(error == .missingDirectory(path: FashionMNIST.defaultDirectory, hint: FashionMNIST.installHint))
    }

    @Test(.enabled(if: realFilesPresent))
    func realTrainingSet() throws {
        let train = try FashionMNIST.load(.train)
        #expect(train.count == 60_000)
        #expect(train.pixels.count == 60_000 * 28 * 28)
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        #expect(train.labelCounts() == [Int](repeating: 6_000, count: 10))
        // The dataset's README shows these first items: ankle boot, T-shirt, T-shirt, dress.
        #expect(Array(train.labels.prefix(4)) == [9, 0, 0, 3])
        // The commonly quoted normalisation constants of Fashion-MNIST: mean 0.2860, std 0.3530.
        let n = train.measuredNormalization()
        #expect(abs(n.mean[0] - 0.2860) < 5e-4 && abs(n.std[0] - 0.3530) < 5e-4)
    }

    @Test(.enabled(if: realFilesPresent))
    func realTestSet() throws {
        let test = try FashionMNIST.load(.test)
        #expect(test.count == 10_000)
        #expect(test.labelCounts() == [Int](repeating: 1_000, count: 10))
        let limited = try FashionMNIST.load(.test, limit: 5)
        #expect(limited.count == 5)
        #expect(limited.pixels == Array(test.pixels.prefix(5 * 784)))
    }
}
