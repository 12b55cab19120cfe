/// IDX files (magic `00 00 08 rank`, big-endian dimensions, bytes) and the small data set cases train on.
enum IDXWriter {
    static func file(dimensions: [UInt32], values: [UInt8], magic: UInt32? = nil) -> [UInt8] {
        PNGWriter.be32(magic ?? (0x0800 | UInt32(dimensions.count))) + dimensions.flatMap(PNGWriter.be32) + values
    }
}

/// A Fashion-MNIST look-alike, small enough to train on in a fraction of a second: 28×28 images whose
/// class shows as a bright band, so a few steps already learn something.
struct TinyDataset: Sendable {
    static let trainCount = 128, testCount = 64
    let trainImages: [UInt8], trainLabels: [UInt8], testImages: [UInt8], testLabels: [UInt8]

    init(seed: UInt64) {
        var random = FuzzRandom(seed: seed)
        func make(_ n: Int) -> ([UInt8], [UInt8]) {
            var pixels: [UInt8] = [], labels: [UInt8] = []
            for _ in 0..<n {
                let label = random.int(0...9)
                labels.append(UInt8(label))
                for y in 0..<28 {
                    for _ in 0..<28 {
                        let band = y / 3 == label
                        pixels.append(band ? UInt8(200 + random.int(0...55)) : UInt8(random.int(0...40)))
                    }
                }
            }
            return (pixels, labels)
        }
        (trainImages, trainLabels) = make(Self.trainCount)
        (testImages, testLabels) = make(Self.testCount)
    }

    /// The four files by name (without `.gz`).
    func files(trainImages ti: [UInt8]? = nil) -> [(name: String, bytes: [UInt8])] {
        [("train-images-idx3-ubyte", IDXWriter.file(dimensions: [UInt32(Self.trainCount), 28, 28], values: ti ?? trainImages)),
         ("train-labels-idx1-ubyte", IDXWriter.file(dimensions: [UInt32(Self.trainCount)], values: trainLabels)),
         ("t10k-images-idx3-ubyte", IDXWriter.file(dimensions: [UInt32(Self.testCount), 28, 28], values: testImages)),
         ("t10k-labels-idx1-ubyte", IDXWriter.file(dimensions: [UInt32(Self.testCount)], values: testLabels))]
    }
}
