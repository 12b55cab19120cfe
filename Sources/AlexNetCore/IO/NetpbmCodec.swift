/// PGM and PPM, ASCII (P2, P3) and binary (P5, P6), maxval up to 65535.
enum NetpbmCodec {
    /// True when the bytes start like a Netpbm file (`P` and a digit).
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "P") && (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(bytes[1])
    }

    static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Tensor {
        func fail(_ message: String) -> ImageError { .malformed(file: file, message: message) }
        guard looksLike(bytes) else { throw fail("expected a Netpbm magic number P2, P3, P5 or P6") }
        let kind = bytes[1] - UInt8(ascii: "0")
        guard [2, 3, 5, 6].contains(kind) else {
            throw .unsupported(file: file, message: "Netpbm P\(kind) (\(kind == 1 || kind == 4 ? "PBM bitmap" : "PAM")); expected P2, P3 (ASCII) or P5, P6 (binary) grey or colour")
        }
        var scanner = Scanner(bytes: bytes, position: 2)
        let names = ["width", "height", "maximum value"]
        var header: [Int] = []
        for name in names {
            guard let n = scanner.integer() else { throw fail("expected the \(name) as a decimal number in the header") }
            header.append(n)
        }
        let (width, height, maxval) = (header[0], header[1], header[2])
        guard width > 0, height > 0 else { throw fail("size \(width)×\(height) must be positive") }
        try ImageFile.checkPixelLimit(width: width, height: height, file: file)
        guard (1...65535).contains(maxval) else { throw fail("maximum value \(maxval) must be in 1…65535") }
        let channels = kind == 3 || kind == 6 ? 3 : 1
        let plane = width * height  // ≤ the pixel limit, so these products are small
        let count = channels * plane
        // The sizes are checked against the bytes there are before anything of that size is allocated:
        // a 19-byte header must not cost gigabytes before it is found truncated.
        let rest = max(0, bytes.count - scanner.position)
        if kind == 2 || kind == 3 {
            // Each sample is at least one digit and one separator (none needed after the last).
            guard rest >= 2 * count - 1 else {
                throw fail("truncated: \(width)×\(height)\(channels == 3 ? " RGB" : "") needs \(count) sample values, at least \(2 * count - 1) bytes, but only \(rest) bytes follow the header")
            }
        } else {
            // Exactly one whitespace byte separates the header from the raster.
            let size = maxval > 255 ? 2 : 1
            guard scanner.position < bytes.count, rest - 1 >= count * size else {
                throw fail("truncated: expected \(count * size) bytes of pixels after the header, found \(max(0, rest - 1))")
            }
        }
        // Samples come interleaved (pixel-major): sample i is channel i % C of pixel i / C, stored planar (C, H, W).
        var out = [Float](repeating: 0, count: count)
        let scale = Float(maxval)
        func store(_ v: Int, at i: Int) { out[(i % channels) * plane + i / channels] = Float(v) / scale }
        if kind == 2 || kind == 3 {
            for i in 0..<count {
                guard let v = scanner.integer() else {
                    throw fail("truncated: expected \(count) sample values, found \(i)")
                }
                guard v <= maxval else { throw fail("sample \(v) at value \(i + 1) exceeds the maximum value \(maxval)") }
                store(v, at: i)
            }
        } else {
            let start = scanner.position + 1
            let size = maxval > 255 ? 2 : 1
            for i in 0..<count {
                let v = size == 1 ? Int(bytes[start + i]) : Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1])
                guard v <= maxval else { throw fail("sample \(v) at value \(i + 1) exceeds the maximum value \(maxval)") }
                store(v, at: i)
            }
        }
        return Tensor(shape: [channels, height, width], data: out)
    }

    /// Binary P5 (one channel) or P6 (three channels), 8 bits.
    static func encode(_ tensor: Tensor, file: String) throws(ImageError) -> [UInt8] {
        let (channels, height, width) = try ImageFile.dimensions(of: tensor, file: file)
        return Array("P\(channels == 3 ? 6 : 5)\n\(width) \(height)\n255\n".utf8) + ImageFile.interleavedBytes(tensor)
    }

    /// Header and ASCII raster tokens: decimal numbers separated by whitespace, `#` comments to end of line.
    private struct Scanner {
        let bytes: [UInt8]
        var position: Int

        mutating func integer() -> Int? {
            while position < bytes.count {
                let b = bytes[position]
                if b == UInt8(ascii: "#") {
                    while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                } else if b == 0x20 || (0x09...0x0D).contains(b) {
                    position += 1
                } else { break }
            }
            var value = 0, digits = 0
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]), digits < 9 {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1; digits += 1
            }
            // A number must end at whitespace, a comment or the end of the data.
            if digits == 0 { return nil }
            if position < bytes.count {
                let b = bytes[position]
                guard b == 0x20 || (0x09...0x0D).contains(b) || b == UInt8(ascii: "#") else { return nil }
            }
            return value
        }
    }
}
