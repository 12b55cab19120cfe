import CZlib

/// Writes a gzip file through zlib; used to produce IDX files (tests, small exported subsets).
enum GzipWriter {
    static func write(_ bytes: [UInt8], to path: String) throws(DatasetError) {
        guard let handle = gzopen(path, "wb") else {
            throw .unreadable(path: path, reason: "cannot create the file")
        }
        let written = bytes.withUnsafeBytes { raw in
            raw.count == 0 ? 0 : gzwrite(handle, raw.baseAddress, UInt32(raw.count))
        }
        let closed = gzclose_w(handle)
        guard Int(written) == bytes.count, closed == Z_OK else {
            throw .unreadable(path: path, reason: "gzip write failed")
        }
    }
}
