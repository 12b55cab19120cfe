import Foundation

/// Fashion-MNIST IDX files (gzip and raw) in a `--data DIR` folder, read by `train`, `compare` and `features`.
enum IDXCases {
    static let generator = Generator(kind: "idx", count: 112) { random, folder, context, index in
        try make(variant: index % 16, random: &random, folder: folder, context: context)
    }

    static let names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) throws -> FuzzCase {
        let dir = folder.file("data")
        let tiny = context.tinyData
        let gzip = r.chance(0.5)
        func train(_ title: String, _ expect: Expectation, files: [String], known: String? = nil, limit: Bool = true) -> FuzzCase {
            var args = context.quickTrain(data: dir)
            // Without limits the whole file is read, so damage anywhere in it must be found.
            if !limit { args = args.replacingLimit().removingOption("--test-limit") }
            return FuzzCase(title: "idx (\(gzip ? "gzip" : "raw")): " + title, arguments: args, expect: expect,
                            inputs: files, mustName: [dir], known: known)
        }
        func header(_ name: String, count: UInt32) -> [UInt32] { name.contains("images") ? [count, 28, 28] : [count] }
        let target = r.pick(names)
        switch variant {
        case 0, 1:
            return train("the tiny valid data set", .success, files: folder.writeData("data", tiny, gzip: gzip))
        case 2:
            let files = folder.writeData("data", tiny, gzip: gzip)
            let command = r.pick(["features", "compare"])
            let args = command == "features"
                ? ["features", "--preset", "mini", "--data", dir, "--index", String(r.int(0...(TinyDataset.testCount - 1)))]
                : ["compare", "--preset", "mini", "--data", dir, "--limit", "64", "--epochs", "1", "--batch", "32", "--threads", "1", "--target", "0.9"]
            return FuzzCase(title: "idx (\(gzip ? "gzip" : "raw")): \(command) on the tiny valid data set", arguments: args,
                            expect: .success, inputs: files, mustName: [dir])
        case 3:
            let bytes = IDXWriter.file(dimensions: header(target, count: 10), values: [], magic: r.pick([0x0000_0801, 0x0000_0803, 0x0000_0903, 0x0800_0000, 0xFFFF_FFFF].filter { $0 != (target.contains("images") ? 0x803 : 0x801) }))
            return train("\(target) with a wrong magic number", .failure, files: folder.writeData("data", tiny, gzip: gzip, replace: [target: bytes]))
        case 4:
            let bytes = target.contains("images")
                ? IDXWriter.file(dimensions: [UInt32(TinyDataset.trainCount), r.pick([27, 0, 29, 65535]), 28], values: tiny.trainImages)
                : IDXWriter.file(dimensions: [UInt32(TinyDataset.trainCount), 1], values: tiny.trainLabels, magic: 0x0802)
            return train("\(target) with wrong item dimensions", .failure, files: folder.writeData("data", tiny, gzip: gzip, replace: [target: bytes]))
        case 5:
            // Empty training images and labels (count 0).
            let split = r.pick(["train", "t10k"])
            let replace = [split + "-images-idx3-ubyte": IDXWriter.file(dimensions: [0, 28, 28], values: []),
                           split + "-labels-idx1-ubyte": IDXWriter.file(dimensions: [0], values: [])]
            return train("an empty \(split == "train" ? "training" : "test") set (count 0)", .failure,
                         files: folder.writeData("data", tiny, gzip: gzip, replace: replace),
                         known: split == "train" ? "issue12 crash 2: empty training set" : "issue12 wrong: empty test set reports 100%")
        case 6:
            let n = UInt32(r.pick([1, 63, 127, 200]))
            let bytes = IDXWriter.file(dimensions: [n], values: Array(tiny.trainLabels.prefix(Int(n))) + [UInt8](repeating: 1, count: max(0, Int(n) - tiny.trainLabels.count)))
            return train("\(n) training labels for \(TinyDataset.trainCount) images", .failure, files: folder.writeData("data", tiny, gzip: gzip, replace: ["train-labels-idx1-ubyte": bytes]), limit: r.chance(0.5))
        case 7:
            let full = tiny.files().first { $0.name == target }!.bytes
            let cut = r.int(0...(full.count - 1))
            return train("\(target) truncated at \(cut) of \(full.count) bytes", .failure,
                         files: folder.writeData("data", tiny, gzip: gzip, replace: [target: Array(full[0..<cut])]), limit: false)
        case 8:
            let full = tiny.files().first { $0.name == target }!.bytes
            return train("\(target) with trailing bytes", .failure,
                         files: folder.writeData("data", tiny, gzip: gzip, replace: [target: full + r.bytes(r.int(1...100))]), limit: false)
        case 9:
            let bad = UInt8(r.pick([10, 11, 127, 255]))
            var labels = tiny.trainLabels
            labels[r.int(0...31)] = bad
            return train("training label \(bad)", .failure,
                         files: folder.writeData("data", tiny, gzip: gzip, replace: ["train-labels-idx1-ubyte": IDXWriter.file(dimensions: [UInt32(labels.count)], values: labels)]))
        case 10:
            // A header that promises billions of images over a short file: must not allocate them first.
            let count = r.pick([UInt32.max, 0x7FFF_FFFF, 10_000_000])
            let bytes = IDXWriter.file(dimensions: [count, 28, 28], values: tiny.trainImages)
            let withLimit = r.chance(0.3)
            var c = train("train images promising \(count) items\(withLimit ? " (with --limit)" : "")", withLimit ? .either : .failure,
                          files: folder.writeData("data", tiny, gzip: gzip, replace: ["train-images-idx3-ubyte": bytes]), limit: withLimit)
            c.maxRSSMiB = 1024
            return c
        case 11:
            let full = Zlib.deflate(tiny.files().first { $0.name == target }!.bytes, gzip: true)
            var bytes = full
            let what: String
            switch r.int(0...5) {
            case 0: what = "a flipped byte in the stream"; bytes[r.int(12...(full.count - 9))] ^= 0x5A
            case 1: what = "a wrong CRC"; bytes[full.count - 6] ^= 0xFF
            case 2: what = "a truncated stream"; bytes = Array(full.prefix(r.int(10...(full.count - 9))))
            case 3: what = "a wrong length trailer"; bytes[full.count - 2] ^= 0x01
            case 4: what = "a gzip header alone"; bytes = Array(full.prefix(10))
            default: what = "two gzip members"; bytes = full + full
            }
            let files = folder.writeData("data", tiny, gzip: false, omit: [target]) + [folder.write("data/\(target).gz", bytes)]
            return FuzzCase(title: "idx (gzip): \(target).gz with \(what)", arguments: context.quickTrain(data: dir).replacingLimit().removingOption("--test-limit"),
                            expect: what == "two gzip members" ? .either : .failure, inputs: files, mustName: [dir])
        case 12:
            // A gzip bomb: images inflating to 128 MB of zeros, labels for them; the header says so honestly.
            let count = 128 << 20 / 784
            let images = Zlib.gzipZeros(prefix: IDXWriter.file(dimensions: [UInt32(count), 28, 28], values: []), zeros: count * 784)
            let labels = Zlib.deflate(IDXWriter.file(dimensions: [UInt32(count)], values: [UInt8](repeating: 3, count: count)), gzip: true)
            let files = folder.writeData("data", tiny, gzip: false, omit: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"])
                + [folder.write("data/train-images-idx3-ubyte.gz", images), folder.write("data/train-labels-idx1-ubyte.gz", labels)]
            return FuzzCase(title: "idx (gzip): \(count) all-zero training images (a 128 MB bomb) with --limit 64",
                            arguments: context.quickTrain(data: dir), expect: .success, inputs: files, mustName: [dir])
        case 13:
            let what: String, files: [String], path: String
            switch r.int(0...3) {
            case 0: what = "\(target) missing"; files = folder.writeData("data", tiny, gzip: gzip, omit: [target]); path = dir
            case 1: what = "an empty folder"; try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                files = []; path = dir
            case 2: what = "a file as the folder"; files = [folder.write("data", [1, 2, 3])]; path = dir
            default: what = "a missing folder"; files = []; path = folder.file("nowhere")
            }
            var args = context.quickTrain(data: path)
            if r.chance(0.3) { args = ["compare", "--preset", "mini", "--data", path, "--limit", "64", "--threads", "1"] }
            return FuzzCase(title: "idx: \(what) (\(args[0]))", arguments: args, expect: .failure, inputs: files, mustName: [path])
        case 14:
            // features falls back to a test pattern without data; a broken folder given explicitly must not be ignored.
            let bytes = IDXWriter.file(dimensions: [5, 28, 28], values: [], magic: 0x0803)
            let files = folder.writeData("data", tiny, gzip: gzip, replace: ["t10k-images-idx3-ubyte": bytes])
            return FuzzCase(title: "idx: features --data with truncated test images", arguments: ["features", "--preset", "mini", "--data", dir],
                            expect: .failure, inputs: files, mustName: [dir])
        default:
            // Both the .gz and the raw file: the .gz is read; the raw one may be anything.
            var files = folder.writeData("data", tiny, gzip: true)
            files.append(folder.write("data/\(target)", r.bytes(r.int(0...100))))
            return train("\(target) both gzipped and raw (raw one garbage)", .either, files: files)
        }
    }
}

extension Array where Element == String {
    func removingOption(_ name: String) -> [String] {
        guard let k = firstIndex(of: name) else { return self }
        var copy = self
        copy.removeSubrange(k...(k + 1))
        return copy
    }

    /// The quick training arguments without `--limit`, so the whole file is read.
    func replacingLimit() -> [String] {
        guard let k = firstIndex(of: "--limit") else { return self }
        var copy = self
        copy.removeSubrange(k...(k + 1))
        return copy
    }
}
