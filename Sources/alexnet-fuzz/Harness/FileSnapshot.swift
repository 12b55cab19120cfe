import Foundation

/// The case folder's files and their hashes, before and after a run: an input that changed, or a file
/// nobody asked for (a temporary file left behind), is a failure.
struct FileSnapshot {
    /// Relative path → FNV-1a hash of the contents (directories hash to 0).
    var entries: [String: UInt64]

    init(folder: String) {
        entries = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            entries[relative] = isDirectory.boolValue ? 0 : Self.hash(path)
        }
    }

    static func hash(_ path: String) -> UInt64 {
        guard let data = FileManager.default.contents(atPath: path) else { return 1 }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for b in raw.bindMemory(to: UInt8.self) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        return h
    }

    /// Problems between `before` and this snapshot: changed or removed inputs, unexpected new files.
    func problems(since before: FileSnapshot, inputs: [String], outputs: [String], folder: String) -> [String] {
        var found: [String] = []
        let relativeInputs = Set(inputs.compactMap { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : nil })
        for name in relativeInputs.sorted() {
            guard let old = before.entries[name] else { continue }
            guard let new = entries[name] else { found.append("input \(name) was removed"); continue }
            if new != old { found.append("input \(name) was changed") }
        }
        for name in entries.keys.sorted() where before.entries[name] == nil {
            let allowed = outputs.contains { pattern in
                pattern.hasSuffix("*") ? name.hasPrefix(String(pattern.dropLast())) : name == pattern
            }
            if !allowed { found.append("left an unexpected file \(name)") }
        }
        return found
    }
}
