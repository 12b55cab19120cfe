import CZlib

/// zlib and gzip streams, and the checksums PNG needs.
enum Zlib {
    /// Deflates `bytes` as a zlib stream (`gzip: false`, for PNG's IDAT) or a gzip file (`gzip: true`).
    static func deflate(_ bytes: [UInt8], gzip: Bool, level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let windowBits: Int32 = gzip ? 15 + 16 : 15
        guard deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }

    /// A gzip file of `count` zero bytes written in pieces, so a bomb of gigabytes never sits in memory.
    static func gzipZeros(prefix: [UInt8], zeros count: Int) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var out = [UInt8](repeating: 0, count: 1 << 16)
        func pump(_ input: inout [UInt8], _ n: Int, _ flush: Int32) {
            input.withUnsafeMutableBufferPointer { inBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(n)
                repeat {
                    let produced: Int = out.withUnsafeMutableBufferPointer { outBuf in
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = uInt(outBuf.count)
                        _ = CZlib.deflate(&stream, flush)
                        return outBuf.count - Int(stream.avail_out)
                    }
                    result += out[0..<produced]
                } while stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in > 0)
            }
        }
        var head = prefix
        pump(&head, head.count, Z_NO_FLUSH)
        var left = count
        while left > 0 {
            let n = min(left, chunk.count)
            pump(&chunk, n, Z_NO_FLUSH)
            left -= n
        }
        var empty: [UInt8] = [0]
        pump(&empty, 0, Z_FINISH)
        return result
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }
}
