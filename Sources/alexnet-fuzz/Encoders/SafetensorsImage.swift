import Foundation

/// A safetensors file taken apart (JSON header + data), to be changed and written back: how the
/// checkpoint generator derives its cases from one real checkpoint.
struct SafetensorsImage {
    struct Entry {
        var name: String
        var dtype: String
        var shape: [Int]
        var data: [UInt8]
    }

    var metadata: [String: String]
    var entries: [Entry]

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 8 else { return nil }
        let length = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length <= bytes.count - 8,
              let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)])) as? [String: Any]
        else { return nil }
        metadata = (header["__metadata__"] as? [String: String]) ?? [:]
        let start = 8 + length
        entries = header.compactMap { name, raw -> (Int, Entry)? in
            guard name != "__metadata__", let e = raw as? [String: Any], let dtype = e["dtype"] as? String,
                  let shape = e["shape"] as? [Int], let offsets = e["data_offsets"] as? [Int] else { return nil }
            return (offsets[0], Entry(name: name, dtype: dtype, shape: shape,
                                      data: Array(bytes[(start + offsets[0])..<(start + offsets[1])])))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The file's bytes; `rawHeader` replaces the JSON text (for malformed-header cases).
    func encoded(rawHeader: String? = nil, lengthOverride: UInt64? = nil) -> [UInt8] {
        var headerText: String
        if let rawHeader {
            headerText = rawHeader
        } else {
            var fields: [String] = []
            if !metadata.isEmpty {
                let meta = metadata.sorted { $0.key < $1.key }.map { "\(Self.quote($0.key)):\(Self.quote($0.value))" }
                fields.append("\"__metadata__\":{\(meta.joined(separator: ","))}")
            }
            var offset = 0
            for e in entries {
                fields.append("\(Self.quote(e.name)):{\"dtype\":\(Self.quote(e.dtype)),\"shape\":[\(e.shape.map(String.init).joined(separator: ","))],"
                              + "\"data_offsets\":[\(offset),\(offset + e.data.count)]}")
                offset += e.data.count
            }
            headerText = "{" + fields.joined(separator: ",") + "}"
        }
        var header = Array(headerText.utf8)
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
        let length = lengthOverride ?? UInt64(header.count)
        var out = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
        out += header
        for e in entries { out += e.data }
        return out
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Every F32 tensor re-encoded as F64, F16 or BF16 (the reader converts them back).
    mutating func convert(to dtype: String) {
        for i in entries.indices where entries[i].dtype == "F32" {
            let floats = stride(from: 0, to: entries[i].data.count, by: 4).map { k in
                Float(bitPattern: UInt32(entries[i].data[k]) | UInt32(entries[i].data[k + 1]) << 8
                      | UInt32(entries[i].data[k + 2]) << 16 | UInt32(entries[i].data[k + 3]) << 24)
            }
            var data: [UInt8] = []
            for f in floats {
                switch dtype {
                case "F64": withUnsafeBytes(of: Double(f).bitPattern.littleEndian) { data += $0 }
                case "F16": withUnsafeBytes(of: Float16(f).bitPattern.littleEndian) { data += $0 }
                default: withUnsafeBytes(of: UInt16(f.bitPattern >> 16).littleEndian) { data += $0 }
                }
            }
            entries[i].data = data
            entries[i].dtype = dtype
        }
    }
}
