import Foundation

/// CIFAR-10, the paper's Figure 1 dataset, from its binary version (`cifar-10-binary.tar.gz`):
/// `data_batch_1.bin` … `data_batch_5.bin` (training) and `test_batch.bin`, each a sequence of
/// 3,073-byte records — one label byte (0…9), then 1,024 red, 1,024 green and 1,024 blue bytes, each a
/// 32×32 plane in row-major order. The real files hold 10,000 records each; any whole number is read.
public enum CIFAR10 {
    public static let name = "CIFAR-10"
    public static let side = 32
    public static let channels = 3
    public static let imageBytes = channels * side * side
    public static let recordBytes = 1 + imageBytes
    /// The five training files, in the order their records are read.
    public static let trainFiles = (1...5).map { "data_batch_\($0).bin" }
    public static let testFile = "test_batch.bin"
    /// Where the archive unpacks (`tar xzf cifar-10-binary.tar.gz`); `--data` may name it or its parent.
    public static let archiveFolder = "cifar-10-batches-bin"
    /// A file of more records than this is refused before anything is read (the real ones hold 10,000).
    public static let maximumRecords = 100_000
    /// Label order, as `batches.meta.txt` lists them.
    public static let classNames = ["airplane", "automobile", "bird", "cat", "deer",
                                    "dog", "frog", "horse", "ship", "truck"]
    public static let downloadHint = "get cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html "
        + "and unpack it (see docs/cifar10.md)"

    /// The directory holding CIFAR-10's binary files when `directory` is such a directory, or holds the
    /// unpacked `cifar-10-batches-bin` folder; nil otherwise. The one test of "is this CIFAR-10?": a
    /// `--data` directory is CIFAR-10 when it has its first training file or its test file.
    public static func locate(_ directory: String) -> String? {
        for candidate in [directory, (directory as NSString).appendingPathComponent(archiveFolder)] {
            let has = [trainFiles[0], testFile].contains {
                FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent($0))
            }
            if has { return candidate }
        }
        return nil
    }

    /// Reads a split from `directory` (as `locate` finds it), keeping the first `limit` images. Every file
    /// of the split must be there, hold whole records and only labels 0…9.
    public static func load(_ split: ImageDataset.Split, directory: String, limit: Int? = nil) throws(DatasetError) -> ImageDataset {
        let folder = locate(directory) ?? directory
        let files = split == .train ? trainFiles : [testFile]
        var pixels: [UInt8] = [], labels: [Int] = []
        for file in files {
            if let limit, labels.count >= limit { break }
            let path = (folder as NSString).appendingPathComponent(file)
            let left = limit.map { $0 - labels.count }
            try read(path: path, keeping: left, pixels: &pixels, labels: &labels)
        }
        guard !labels.isEmpty else {
            let path = (folder as NSString).appendingPathComponent(files[0])
            throw .malformed(path: path, message: "holds no records; expected at least one \(recordBytes)-byte record")
        }
        return ImageDataset(name: name, split: split, channels: channels, side: side, classNames: classNames,
                            pixels: pixels, labels: labels)
    }

    /// Appends the first `keeping` records (all when nil) of one file, after checking its size.
    static func read(path: String, keeping: Int?, pixels: inout [UInt8], labels: inout [Int]) throws(DatasetError) {
        let file = (path as NSString).lastPathComponent
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT {
                throw .missingFile(path: path, expected: "CIFAR-10's \(file), records of 1 label byte + 3,072 pixel bytes")
            }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(info.st_size)
        let whole = size / recordBytes, extra = size % recordBytes
        if extra != 0 {
            let cifar100 = size % (recordBytes + 1) == 0
                ? " (records of \(NumberText.grouped(recordBytes + 1)) bytes, as in CIFAR-100's binary version, would fit)" : ""
            throw .malformed(path: path, message: "record \(NumberText.grouped(whole + 1)) is cut short: "
                + "\(NumberText.grouped(size)) bytes is \(NumberText.grouped(whole)) whole records and \(NumberText.grouped(extra)) bytes; "
                + "expected records of \(NumberText.grouped(recordBytes)) bytes (1 label + 3,072 pixels)\(cifar100)")
        }
        guard whole <= maximumRecords else {
            throw .malformed(path: path, message: "holds \(NumberText.grouped(whole)) records; expected at most "
                + "\(NumberText.grouped(maximumRecords)) (CIFAR-10's files hold 10,000)")
        }
        let keep = min(whole, keeping ?? whole)
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, limit: size) } catch { throw .unreadable(path: path, reason: error.reason) }
        guard bytes.count == size else {
            throw .unreadable(path: path, reason: "its size changed while it was read (\(size) then \(bytes.count) bytes)")
        }
        pixels.reserveCapacity(pixels.count + keep * imageBytes)
        labels.reserveCapacity(labels.count + keep)
        for r in 0..<keep {
            let at = r * recordBytes
            let label = Int(bytes[at])
            guard label < classNames.count else {
                throw .malformed(path: path, message: "record \(NumberText.grouped(r + 1)) has label \(label); "
                    + "CIFAR-10's labels are 0…9 (is this file from another dataset?)")
            }
            labels.append(label)
            pixels.append(contentsOf: bytes[(at + 1)..<(at + recordBytes)])
        }
    }
}
