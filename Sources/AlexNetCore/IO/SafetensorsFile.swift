import Foundation

/// The contents of a safetensors file: named tensors in file order, and string metadata.
///
/// Layout: an 8-byte little-endian header length, a JSON header
/// `{"__metadata__": {…}, name: {"dtype", "shape", "data_offsets": [begin, end]}, …}` padded with
/// spaces to a multiple of 8 bytes, then the raw little-endian data, which the offsets (relative to
/// the end of the header) must cover exactly, without gaps or overlaps.
public struct SafetensorsFile: Sendable, Equatable {
    public var tensors: [NamedTensor]
    public var metadata: [String: String]

    public init(tensors: [NamedTensor] = [], metadata: [String: String] = [:]) {
        self.tensors = tensors; self.metadata = metadata
    }

    /// The tensor stored under `name`, if any.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }

    // MARK: - Reading

    /// Reads and validates a file; F16, BF16 and F64 tensors are converted to F32.
    public static func read(from path: String) throws(SafetensorsError) -> SafetensorsFile {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, limit: FileBytes.Limit.safetensors) } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        return try decode(bytes, file: path)
    }

    /// Parses the bytes of a safetensors file; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws(SafetensorsError) -> SafetensorsFile {
        func fail(_ message: String) -> SafetensorsError { .malformed(file: file, message: message) }
        let (header, dataStart) = try readHeader(bytes, fail: fail)
        let metadata = try readMetadata(header, fail: fail)
        let dataCount = bytes.count - dataStart
        var entries: [HeaderEntry] = []
        for (name, raw) in header where name != "__metadata__" {
            entries.append(try HeaderEntry(name: name, raw, dataCount: dataCount, fail: fail))
        }

        // File order is data order; the offsets must tile the data region exactly.
        entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var position = 0
        for e in entries {
            guard e.begin >= position else {
                throw fail("tensor \(e.name): data_offsets [\(e.begin), \(e.end)] overlap the previous tensor (which ends at \(position))")
            }
            guard e.begin == position else {
                throw fail("tensor \(e.name): data_offsets begin \(e.begin) leaves a gap after byte \(position)")
            }
            position = e.end
        }
        guard position == dataCount else {
            throw fail("the tensors cover \(position) of the \(dataCount) data bytes")
        }

        let tensors = entries.map { e in
            NamedTensor(name: e.name, tensor: Tensor(shape: e.shape, data: e.dtype.decode(
                bytes, offset: dataStart + e.begin, count: (e.end - e.begin) / e.dtype.byteCount)))
        }
        return SafetensorsFile(tensors: tensors, metadata: metadata)
    }

    /// The JSON header object and where the data begins (after the 8-byte length and the header).
    private static func readHeader(_ bytes: [UInt8], fail: (String) -> SafetensorsError)
        throws(SafetensorsError) -> (header: [String: Any], dataStart: Int) {
        guard bytes.count >= 8 else {
            throw fail("expected an 8-byte header length, the file has \(bytes.count) bytes")
        }
        let headerLength = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw fail("header length \(headerLength) goes beyond the end of the file (\(bytes.count - 8) bytes after the length)")
        }
        let dataStart = 8 + Int(headerLength)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))
        } catch {
            throw fail("the \(headerLength)-byte header is not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw fail("the header must be a JSON object") }
        return (header, dataStart)
    }

    /// The header's `__metadata__` object, whose values must all be strings (none: empty).
    private static func readMetadata(_ header: [String: Any], fail: (String) -> SafetensorsError)
        throws(SafetensorsError) -> [String: String] {
        var metadata: [String: String] = [:]
        if let raw = header["__metadata__"] {
            guard let fields = raw as? [String: Any] else { throw fail("__metadata__ must be an object of strings") }
            for (key, value) in fields {
                guard let text = value as? String else { throw fail("__metadata__.\(key) must be a string") }
                metadata[key] = text
            }
        }
        return metadata
    }

    /// One tensor's header entry, checked on its own: a known dtype, a shape, offsets within the data
    /// whose byte count matches the shape. Whether the entries tile the data is checked over all of them.
    private struct HeaderEntry {
        let name: String
        let dtype: SafetensorsDType
        let shape: [Int]
        let begin: Int, end: Int

        init(name: String, _ raw: Any, dataCount: Int, fail: (String) -> SafetensorsError) throws(SafetensorsError) {
            guard let entry = raw as? [String: Any] else { throw fail("tensor \(name): expected an object") }
            guard let dtypeText = entry["dtype"] as? String else { throw fail("tensor \(name): missing \"dtype\"") }
            guard let dtype = SafetensorsDType(rawValue: dtypeText) else {
                throw fail("tensor \(name): dtype \(dtypeText) is not supported (expected F32, F16, BF16 or F64)")
            }
            guard let shape = SafetensorsFile.integers(entry["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor \(name): \"shape\" must be a list of non-negative integers")
            }
            guard let offsets = SafetensorsFile.integers(entry["data_offsets"]), offsets.count == 2 else {
                throw fail("tensor \(name): \"data_offsets\" must be [begin, end]")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end else {
                throw fail("tensor \(name): data_offsets [\(begin), \(end)] must have 0 ≤ begin ≤ end")
            }
            guard end <= dataCount else {
                throw fail("tensor \(name): data_offsets end \(end) is beyond the \(dataCount) data bytes (truncated file?)")
            }
            let (elements, overflow) = shape.reduce((1, false)) { acc, d in
                let (m, o) = acc.0.multipliedReportingOverflow(by: d)
                return (m, acc.1 || o)
            }
            // Both products are checked: [2, 2^61+400] F32 has 2^62+800 elements, whose byte count wraps to 3,200.
            let bytes = overflow ? nil : CheckedSize.product(elements, dtype.byteCount)
            guard let bytes, bytes == end - begin else {
                throw fail("tensor \(name): shape \(shape) of \(dtype.rawValue) needs \(bytes.map(String.init) ?? "more than 2^63") bytes, data_offsets give \(end - begin)")
            }
            self.name = name; self.dtype = dtype; self.shape = shape; self.begin = begin; self.end = end
        }
    }

    /// `[Int]` from a JSON array of integers (JSONSerialization hands back NSNumber; 2.5 fails `as? Int`).
    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var out: [Int] = []
        for item in array {
            guard let n = item as? Int else { return nil }
            out.append(n)
        }
        return out
    }

    // MARK: - Writing

    /// The file's bytes: F32 tensors in the order given, metadata first in the header.
    public func encoded(file: String = "<memory>") throws(SafetensorsError) -> [UInt8] {
        var seen = Set<String>()
        for t in tensors {
            guard t.name != "__metadata__", !t.name.isEmpty else {
                throw .invalidContents(file: file, message: "tensor name \"\(t.name)\" is reserved or empty")
            }
            guard seen.insert(t.name).inserted else {
                throw .invalidContents(file: file, message: "tensor name \(t.name) is used twice")
            }
        }
        var fields: [(String, JSONValue)] = []
        if !metadata.isEmpty {
            fields.append(("__metadata__", .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        var offset = 0
        for t in tensors {
            let size = t.tensor.count * 4
            fields.append((t.name, .object([
                ("dtype", .string("F32")),
                ("shape", .array(t.tensor.shape.map { .int($0) })),
                ("data_offsets", .array([.int(offset), .int(offset + size)])),
            ])))
            offset += size
        }
        var header = Array(JSONValue.object(fields).text().utf8)
        // Aligned data lets readers map F32 arrays in place.
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
        var out = [UInt8]()
        out.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { out += $0 }
        out += header
        for t in tensors {
            #if _endian(little)
            t.tensor.data.withUnsafeBytes { out += $0 }
            #else
            for v in t.tensor.data { withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 } }
            #endif
        }
        return out
    }

    /// Writes the file atomically (temporary file, fsync, rename): an existing file is replaced
    /// only by a complete new one.
    public func write(to path: String) throws(SafetensorsError) {
        let bytes = try encoded(file: path)
        do { try AtomicFile.write(bytes, to: path) } catch { throw .writeFailed(error) }
    }
}
