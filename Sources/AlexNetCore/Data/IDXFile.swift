/// An IDX file of unsigned bytes (LeCun's MNIST format): magic `00 00 08 <ndims>`, the dimensions as
/// big-endian UInt32, then the values in row-major order.
struct IDXFile: Equatable {
    /// Dimensions as stored in the header; the first counts the items.
    var dimensions: [Int]
    /// The values of the items read (all of them, or the first `limit`).
    var values: [UInt8]
    /// Items in `values` (≤ dimensions[0] when a limit was given).
    var itemCount: Int

    /// Reads the header and the first `limit` items (all when nil), checking the magic number,
    /// the number of dimensions, the item shape and that the data is complete.
    ///
    /// - Parameters:
    ///   - rank: dimensions the file must have (3 for images, 1 for labels).
    ///   - itemShape: required sizes of the dimensions after the first, if fixed.
    static func read(path: String, rank: Int, itemShape: [Int]? = nil, limit: Int? = nil) throws(DatasetError) -> IDXFile {
        func fail(_ message: String) -> DatasetError { .malformed(path: path, message: message) }
        let reader = try GzipReader(path: path)
        let magic = try reader.read(4)
        let expectedMagic = hex8(UInt32(0x0800 | rank))
        let what = rank == 1 ? "labels" : "\(rank)-dimensional data"
        guard magic.count == 4 else {
            throw fail("file ends after \(magic.count) bytes; expected the IDX magic number \(expectedMagic) (unsigned bytes, \(what))")
        }
        let magicValue = magic.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard magicValue == UInt32(0x0800 | rank) else {
            throw fail("expected IDX magic number \(expectedMagic) (unsigned bytes, \(what)), got \(hex8(magicValue))")
        }
        let header = try reader.read(4 * rank)
        guard header.count == 4 * rank else {
            throw fail("file ends inside the header: expected \(rank) dimensions of 4 bytes, got \(header.count) bytes")
        }
        let dimensions = (0..<rank).map { i in
            header[(4 * i)..<(4 * i + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        if let itemShape, Array(dimensions.dropFirst()) != itemShape {
            throw fail("expected items of \(itemShape.map(String.init).joined(separator: "×")), the header says \(dimensions.dropFirst().map(String.init).joined(separator: "×"))")
        }
        let itemSize = dimensions.dropFirst().reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        guard itemSize > 0, itemSize < 1 << 30 else {
            throw fail("item size \(dimensions.dropFirst().map(String.init).joined(separator: "×")) is not plausible")
        }
        let itemCount = min(dimensions[0], max(0, limit ?? .max))
        let values = try reader.read(itemCount * itemSize)
        guard values.count == itemCount * itemSize else {
            throw fail("truncated: the header promises \(dimensions[0]) items of \(itemSize) bytes, the data ends after \(values.count / max(itemSize, 1)) items")
        }
        if itemCount == dimensions[0] {
            let extra = try reader.read(1)
            guard extra.isEmpty else {
                throw fail("the header promises \(dimensions[0]) items of \(itemSize) bytes, but more data follows")
            }
        }
        return IDXFile(dimensions: dimensions, values: values, itemCount: itemCount)
    }
}

/// `0x00000803`
private func hex8(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
}
