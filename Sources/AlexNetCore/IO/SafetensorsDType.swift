/// The element types this program reads from safetensors files; all are converted to `Float`.
///
/// Only F32 is written: the engine computes in fp32 and checkpoints must reload bit for bit.
public enum SafetensorsDType: String, Sendable, CaseIterable {
    case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64"

    public var byteCount: Int {
        switch self {
        case .f16, .bf16: 2
        case .f32: 4
        case .f64: 8
        }
    }

    /// Decodes `count` little-endian values starting at `offset`.
    func decode(_ bytes: [UInt8], offset: Int, count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { out, initialised in
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + offset
                for i in 0..<count {
                    switch self {
                    case .f32:
                        out[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    case .f64:
                        out[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                    case .bf16:
                        let h = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                        out[i] = Float(bitPattern: UInt32(h) << 16)
                    case .f16:
                        let h = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                        out[i] = Self.halfToFloat(h)
                    }
                }
            }
            initialised = count
        }
    }

    /// IEEE 754 binary16 → binary32, exact (every half value is a float).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F)
        let mantissa = Float(h & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * 0x1p-24                      // subnormal
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
