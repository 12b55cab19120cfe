import CZlib
import Foundation

/// Reads a gzip file as a byte stream through zlib (Foundation on Linux cannot gunzip).
///
/// zlib reads uncompressed files transparently, so plain IDX files work too. A class because it
/// owns the zlib handle, closed once in `deinit`.
final class GzipReader {
    let path: String
    private let handle: gzFile

    /// Opens `path` for reading.
    init(path: String) throws(DatasetError) {
        // A FIFO or device named like a data file must not block or stream forever: open it as a checked regular
        // file and hand the descriptor to zlib. The data is read incrementally, so no size limit applies here.
        let fd: Int32
        do { fd = try FileBytes.openRegular(path, limit: .max).fd } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        guard let handle = gzdopen(fd, "rb") else {
            close(fd)
            throw .unreadable(path: path, reason: "cannot open the file")
        }
        self.path = path
        self.handle = handle
        gzbuffer(handle, 1 << 18)
    }

    deinit { gzclose_r(handle) }

    /// Up to `count` bytes; fewer only at the end of the data. A corrupt or truncated gzip stream
    /// is an error, not a short read. Memory grows with what is actually read, so a corrupt header
    /// promising gigabytes costs nothing.
    func read(_ count: Int) throws(DatasetError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(count, 1 << 24))
        while out.count < count {
            let want = min(count - out.count, chunk.count)
            var failure: String?
            let got = chunk.withUnsafeMutableBytes { raw -> Int in
                let n = gzread(handle, raw.baseAddress!, UInt32(want))
                if n < 0 { failure = errorText(); return 0 }
                if n == 0 {
                    // A stream cut in the middle reports Z_BUF_ERROR at its end rather than a negative count.
                    var code: Int32 = 0
                    _ = gzerror(handle, &code)
                    if code != Z_OK { failure = errorText() }
                }
                return Int(n)
            }
            if let failure { throw .unreadable(path: path, reason: failure) }
            if got == 0 { break }
            if out.isEmpty && got == count { return got == chunk.count ? chunk : Array(chunk[0..<got]) }
            out.append(contentsOf: chunk[0..<got])
        }
        return out
    }

    private func errorText() -> String {
        var code: Int32 = 0
        guard let message = gzerror(handle, &code) else { return "zlib error \(code)" }
        var text = String(cString: message)
        // zlib prefixes its messages with the path, which the error already names.
        if text.hasPrefix(path + ": ") { text.removeFirst(path.count + 2) }
        switch code {
        case Z_DATA_ERROR: return "corrupt gzip data (\(text))"
        case Z_BUF_ERROR: return "the gzip stream is cut short (\(text))"
        default: return "gzip: \(text)"
        }
    }
}
