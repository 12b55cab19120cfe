import Foundation

extension CaseFolder {
    /// Writes `bytes` to `name` in the folder and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = file(name)
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @discardableResult
    func write(_ name: String, text: String) -> String { write(name, Array(text.utf8)) }

    /// The tiny data set's four files in `dir` (gzipped or raw), with optional replacements by name.
    func writeData(_ dir: String, _ data: TinyDataset, gzip: Bool,
                   replace: [String: [UInt8]] = [:], omit: Set<String> = []) -> [String] {
        var paths: [String] = []
        try? FileManager.default.createDirectory(atPath: file(dir), withIntermediateDirectories: true)
        for (name, bytes) in data.files() where !omit.contains(name) {
            let content = replace[name] ?? bytes
            paths.append(write(dir + "/" + name + (gzip ? ".gz" : ""), gzip ? Zlib.deflate(content, gzip: true) : content))
        }
        return paths
    }
}

/// Numbers that break arithmetic: the edges of Int, powers of two whose products overflow, and text
/// that only looks like a number.
enum Hostile {
    static let bigIntegers = ["9223372036854775807", "4611686018427387904", "4294967296", "2147483648", "1099511627776",
                              "1000000000"]
    static let badIntegers = ["-1", "0", "-9223372036854775808", "9223372036854775808", "99999999999999999999999",
                              "nan", "inf", "-inf", "1e308", "2.5", "0x10", "abc", "", " ", "1_000", "١٢"]
    static let badReals = ["nan", "inf", "-inf", "-1", "0", "1e309", "-0", "abc", "", "1e-400", "0x1p3"]
}

/// Small things every generator uses.
extension FuzzContext {
    /// `train` on the tiny data set: one short epoch, one thread, so the case takes well under a second.
    func quickTrain(data dir: String, epochs: Int = 1, extra: [String] = []) -> [String] {
        ["train", "--preset", "mini", "--data", dir, "--limit", "64", "--epochs", String(epochs), "--test-limit", "32",
         "--batch", "32", "--threads", "1"] + extra
    }
}
