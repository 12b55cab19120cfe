/// PNG files built chunk by chunk, so a generator can break any part of them (a CRC, a size, the stream).
enum PNGWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func chunk(_ type: String, _ data: [UInt8], badCRC: Bool = false) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var crc = Zlib.crc32(typeBytes + data)
        if badCRC { crc ^= 0xFFFF }
        return be32(UInt32(data.count)) + typeBytes + data + be32(crc)
    }

    /// IHDR for `width`×`height`, bit depth and colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA).
    static func header(width: UInt32, height: UInt32, depth: UInt8, colorType: UInt8, interlace: UInt8 = 0) -> [UInt8] {
        chunk("IHDR", be32(width) + be32(height) + [depth, colorType, 0, 0, interlace])
    }

    /// Channels per pixel of a colour type.
    static func channels(_ colorType: UInt8) -> Int {
        switch colorType { case 2: 3; case 4: 2; case 6: 4; default: 1 }
    }

    /// Unfiltered scanlines (filter byte 0) of random samples.
    static func raster(width: Int, height: Int, depth: Int, colorType: UInt8, random: inout FuzzRandom) -> [UInt8] {
        let bitsPerPixel = channels(colorType) * depth
        let rowBytes = (width * bitsPerPixel + 7) / 8
        var out: [UInt8] = []
        for _ in 0..<height { out.append(0); out += random.bytes(rowBytes) }
        if colorType == 3 {
            // Keep palette indices inside a 16-entry palette: index bytes masked to the low bits.
            let mask: UInt8 = depth >= 4 ? 0x0F : 0xFF
            for i in out.indices where depth == 8 { out[i] &= mask }
        }
        return out
    }

    /// A complete, valid PNG.
    static func image(width: Int, height: Int, depth: UInt8, colorType: UInt8, random: inout FuzzRandom) -> [UInt8] {
        var bytes = signature + header(width: UInt32(width), height: UInt32(height), depth: depth, colorType: colorType)
        if colorType == 3 { bytes += chunk("PLTE", random.bytes(16 * 3)) }
        bytes += chunk("IDAT", Zlib.deflate(raster(width: width, height: height, depth: Int(depth), colorType: colorType,
                                                   random: &random), gzip: false))
        return bytes + chunk("IEND", [])
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
}
