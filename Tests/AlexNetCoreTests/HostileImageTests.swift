import Testing
@testable import AlexNetCore

/// Image headers that promise more than the file holds, or more pixels than the limit: refused from
/// the header alone, before the pixels are allocated. (Before, a 19-byte `P3 16384 16384 255` took
/// 6 GiB and a 65-byte 16384² PNG 5 GiB before failing; a test that allocated that much would be
/// killed or take minutes, so these finishing at all is part of what they check.)
@Suite struct HostileImageTests {
    static func pngHeader(width: Int, height: Int, colorType: UInt8 = 2, data: [UInt8] = []) -> [UInt8] {
        let ihdr = ImageIOTests.be32(width) + ImageIOTests.be32(height) + [8, colorType, 0, 0, 0]
        return PNGCodec.signature + ImageIOTests.chunk("IHDR", ihdr) + ImageIOTests.chunk("IDAT", ImageIOTests.deflate(data))
            + ImageIOTests.chunk("IEND", [])
    }

    static let limit = "is more than the limit of 64 megapixels (67,108,864 pixels, e.g. 8192×8192)"

    @Test(arguments: [
        ("P3 16384² header", Array("P3 16384 16384 255\n".utf8), "h: unsupported image: size 16384×16384 \(limit)"),
        ("P6 16384² header", Array("P6 16384 16384 255\n".utf8), "h: unsupported image: size 16384×16384 \(limit)"),
        ("P5 one pixel over", Array("P5 8193 8192 255\n".utf8), "h: unsupported image: size 8193×8192 \(limit)"),
        ("P2 999999999 wide", Array("P2 999999999 999999999 255\n".utf8), "h: unsupported image: size 999999999×999999999 \(limit)"),
        ("P3 at the limit, no data", Array("P3 8192 8192 255\n".utf8),
         "h: truncated: 8192×8192 RGB needs 201326592 sample values, at least 402653183 bytes, but only 1 bytes follow the header"),
        ("P2 at the limit, no data", Array("P2 8192 8192 255".utf8),
         "h: truncated: 8192×8192 needs 67108864 sample values, at least 134217727 bytes, but only 0 bytes follow the header"),
        ("P6 at the limit, no data", Array("P6 8192 8192 65535\n".utf8),
         "h: truncated: expected 402653184 bytes of pixels after the header, found 0"),
        ("PNG 16384² header", pngHeader(width: 16384, height: 16384), "h: unsupported image: size 16384×16384 \(limit)"),
        ("PNG 10^6 × 1000", pngHeader(width: 1_000_000, height: 1000), "h: unsupported image: size 1000000×1000 \(limit)"),
        // Past libpng's own limit of 10^6 a side, libpng refuses the header itself.
        ("PNG 2^31-1 wide", pngHeader(width: 0x7FFF_FFFF, height: 1), "h: not a readable PNG: Invalid IHDR data"),
        // 8192² at 1 bit a pixel is 8,396,800 raw bytes; deflate cannot squeeze that below 8,136.
        ("PNG 8192² header, no data", pngHeader(width: 8192, height: 8192),
         "h: truncated: a 8192×8192 PNG needs at least 8,136 bytes of compressed pixels, the file has 65 bytes"),
    ])
    func hostileHeadersAreRefusedBeforeDecoding(name: String, bytes: [UInt8], message: String) {
        let error = #expect(throws: ImageError.self, "\(name)") { try ImageFile.decode(bytes, file: "h") }
        #expect(error?.description == message, "\(name)")
    }

    /// The checks do not refuse honest images: a highly compressible 2048×2048 PNG (all zeros) still decodes.
    @Test func compressibleLargePNGStillDecodes() throws {
        let side = 2048
        let raw = [UInt8](repeating: 0, count: side * (1 + side))  // filter byte 0 + a grey row of zeros
        let ihdr = ImageIOTests.be32(side) + ImageIOTests.be32(side) + [8, 0, 0, 0, 0]
        let bytes = PNGCodec.signature + ImageIOTests.chunk("IHDR", ihdr) + ImageIOTests.chunk("IDAT", ImageIOTests.deflate(raw))
            + ImageIOTests.chunk("IEND", [])
        let image = try ImageFile.decode(bytes, file: "zeros.png")
        #expect(image.shape == [1, side, side])
    }

    @Test func exactBinaryNetpbmAtTheLimitIsAccepted() throws {
        // 2 × 4 grey, 8 bit: exactly 8 bytes of pixels.
        let bytes = Array("P5 2 4 255\n".utf8) + [0, 51, 102, 153, 204, 255, 0, 255]
        let image = try ImageFile.decode(bytes, file: "ok.pgm")
        #expect(image.shape == [1, 4, 2])
        #expect(image.data[1] == 0.2)
    }
}
