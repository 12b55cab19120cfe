import CZlib
import Foundation
import Testing
@testable import AlexNetCore

@Suite struct ImageIOTests {
    // MARK: - PNGs written by hand, chunk by chunk, as the PNG specification lays them out

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = body.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        return be32(data.count) + body + be32(Int(crc))
    }

    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }

    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(UInt(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&out, &size, bytes, UInt(bytes.count), 9)
        precondition(status == Z_OK)
        return Array(out.prefix(Int(size)))
    }

    /// A PNG of `rows` (each already packed at `depth` bits, without the filter byte).
    static func png(width: Int, height: Int, depth: UInt8, colorType: UInt8, rows: [[UInt8]],
                    extra: [[UInt8]] = []) -> [UInt8] {
        let ihdr = be32(width) + be32(height) + [depth, colorType, 0, 0, 0]
        let raw: [UInt8] = rows.flatMap { row -> [UInt8] in [0] + row }   // filter type 0 (None) on every row
        let middle: [UInt8] = extra.flatMap { $0 }
        return PNGCodec.signature + chunk("IHDR", ihdr) + middle + chunk("IDAT", deflate(raw)) + chunk("IEND", [])
    }

    static let handMade: [(String, [UInt8], [Int], [Float])] = [
        ("1-bit grey", png(width: 8, height: 1, depth: 1, colorType: 0, rows: [[0b1011_0000]]),
         [1, 1, 8], [1, 0, 1, 1, 0, 0, 0, 0]),
        ("8-bit grey", png(width: 3, height: 1, depth: 8, colorType: 0, rows: [[0, 51, 255]]),
         [1, 1, 3], [0, 0.2, 1]),
        ("16-bit grey", png(width: 2, height: 1, depth: 16, colorType: 0, rows: [[0xFF, 0xFF, 0x80, 0x00]]),
         [1, 1, 2], [1, 32768 / 65535]),
        ("8-bit RGB 1×2", png(width: 1, height: 2, depth: 8, colorType: 2, rows: [[255, 0, 51], [0, 102, 0]]),
         [3, 2, 1], [1, 0, 0, 0.4, 0.2, 0]),
        ("16-bit RGB", png(width: 1, height: 1, depth: 16, colorType: 2, rows: [[0xFF, 0xFF, 0, 0, 0x40, 0]]),
         [3, 1, 1], [1, 0, Float(0x4000) / 65535]),
        ("palette", png(width: 2, height: 1, depth: 8, colorType: 3, rows: [[1, 0]],
                        extra: [chunk("PLTE", [255, 0, 0, 0, 0, 255])]),
         [3, 1, 2], [0, 1, 0, 0, 1, 0]),
        ("palette, entry 0 transparent", png(width: 2, height: 1, depth: 8, colorType: 3, rows: [[1, 0]],
                                             extra: [chunk("PLTE", [255, 0, 0, 0, 0, 255]), chunk("tRNS", [0])]),
         [3, 1, 2], [0, 0, 0, 0, 1, 0]),
        ("grey + alpha", png(width: 2, height: 1, depth: 8, colorType: 4, rows: [[255, 255, 255, 0]]),
         [1, 1, 2], [1, 0]),
        ("RGBA, half alpha", png(width: 1, height: 1, depth: 8, colorType: 6, rows: [[255, 51, 0, 51]]),
         [3, 1, 1], [0.2, 0.2 * 0.2, 0]),
    ]

    @Test(arguments: handMade)
    func readsEveryPNGKind(name: String, bytes: [UInt8], shape: [Int], values: [Float]) throws {
        let image = try ImageFile.decode(bytes, file: name)
        #expect(image.shape == shape)
        #expect(zip(image.data, values).allSatisfy { abs($0 - $1) < 1.5 / 255 }, "\(image.data) vs \(values)")
    }

    // MARK: - Round trips

    /// A 3×4×5 image with values k/255, which 8-bit files store exactly.
    static let colour = Tensor(shape: [3, 4, 5], data: (0..<60).map { Float(($0 * 37) % 256) / 255 })
    static let grey = Tensor(shape: [1, 4, 5], data: (0..<20).map { Float(($0 * 53) % 256) / 255 })

    @Test(arguments: [("a.png", colour), ("b.png", grey), ("c.ppm", colour), ("d.pgm", grey)])
    func roundTrip(name: String, image: Tensor) throws {
        let dir = TemporaryDirectory()
        try ImageFile.save(image, to: dir.file(name))
        let back = try ImageFile.load(dir.file(name))
        #expect(back.shape == image.shape)
        #expect(zip(back.data, image.data).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func savingClampsAndRounds() throws {
        let dir = TemporaryDirectory()
        try ImageFile.save(Tensor(shape: [1, 1, 4], data: [-3, 0.5, 2, .nan]), to: dir.file("x.pgm"))
        #expect(dir.read("x.pgm") == Array("P5\n4 1\n255\n".utf8) + [0, 128, 255, 0])
    }

    @Test func asciiNetpbmWithComments() throws {
        let pgm = "P2\n# made by hand\n3 2 # width height\n15\n0 5 10\n15  3\n1\n"
        let g = try ImageFile.decode(Array(pgm.utf8), file: "g.pgm")
        #expect(g.shape == [1, 2, 3])
        #expect(g.data == [0, 5, 10, 15, 3, 1].map { Float($0) / 15 })
        let ppm = "P3 2 1 255  255 0 0   0 0 255"
        let c = try ImageFile.decode(Array(ppm.utf8), file: "c.ppm")
        #expect(c.shape == [3, 1, 2])
        #expect(c.data == [1, 0, 0, 0, 0, 1])
    }

    @Test func sixteenBitBinaryNetpbm() throws {
        let bytes = Array("P5\n2 1\n1000\n".utf8) + [0x03, 0xE8, 0x01, 0xF4]   // 1000, 500
        #expect(try ImageFile.decode(bytes, file: "x.pgm").data == [1, 0.5])
    }

    // MARK: - Damaged and unsupported files

    static let validPNG = png(width: 4, height: 4, depth: 8, colorType: 0, rows: [[UInt8]](repeating: [1, 2, 3, 4], count: 4))

    static let malformed: [(String, [UInt8], String)] = [
        ("empty", [], "bad: the file is empty; expected a PNG, JPEG, PGM or PPM image"),
        ("GIF", Array("GIF89a....".utf8), "bad: unsupported image: not a PNG, JPEG, PGM or PPM file (it starts with 47 49 46 38)"),
        ("damaged signature", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x00, 0x0A, 0, 0],
         "bad: damaged PNG signature; expected the 8 bytes 89 50 4E 47 0D 0A 1A 0A"),
        ("PBM", Array("P4\n8 1\n\u{0}".utf8),
         "bad: unsupported image: Netpbm P4 (PBM bitmap); expected P2, P3 (ASCII) or P5, P6 (binary) grey or colour"),
        ("width not a number", Array("P5\nx 2\n255\n".utf8), "bad: expected the width as a decimal number in the header"),
        ("maxval 0", Array("P5 2 2 0\n".utf8), "bad: maximum value 0 must be in 1…65535"),
        ("zero width", Array("P5 0 2 255\n".utf8), "bad: size 0×2 must be positive"),
        ("truncated raster", Array("P6 2 2 255\n".utf8) + [1, 2, 3, 4, 5],
         "bad: truncated: expected 12 bytes of pixels after the header, found 5"),
        ("sample over maxval", Array("P2 2 1 15 3 20".utf8), "bad: sample 20 at value 2 exceeds the maximum value 15"),
        ("too few bytes for the ASCII samples", Array("P3 2 1 255 1 2 3 4".utf8),
         "bad: truncated: 2×1 RGB needs 6 sample values, at least 11 bytes, but only 8 bytes follow the header"),
        ("too few ASCII samples", Array("P3 2 1 255 1 2 3 4      ".utf8), "bad: truncated: expected 6 sample values, found 4"),
    ]

    @Test(arguments: malformed)
    func malformedImagesGiveOneLineErrors(name: String, bytes: [UInt8], message: String) {
        let error = #expect(throws: ImageError.self, "\(name)") { try ImageFile.decode(bytes, file: "bad") }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        ("truncated PNG", Array(validPNG.prefix(validPNG.count - 30))),
        ("IHDR CRC broken", validPNG.enumerated().map { $0.offset == 29 ? $0.element ^ 0xFF : $0.element }),
        ("IDAT garbled", validPNG.enumerated().map { $0.offset >= 41 && $0.offset < validPNG.count - 16 ? 0xAA : $0.element }),
    ])
    func damagedPNGsAreReportedByLibpng(name: String, bytes: [UInt8]) throws {
        #expect(try ImageFile.decode(Self.validPNG, file: "ok").shape == [1, 4, 4])
        let error = #expect(throws: ImageError.self, "\(name)") { try ImageFile.decode(bytes, file: "bad.png") }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("bad.png: not a readable PNG: ") || text.hasPrefix("bad.png: corrupt PNG data: "), "\(text)")
        #expect(!text.contains("\n"))
    }

    @Test func missingFileAndBadSaves() {
        var error = #expect(throws: ImageError.self) { try ImageFile.load("/nonexistent/cat.png") }
        #expect(error?.description == "/nonexistent/cat.png: cannot read: No such file or directory")
        error = #expect(throws: ImageError.self) { try ImageFile.save(Self.grey, to: "/tmp/x.jpg") }
        #expect(error?.description == "/tmp/x.jpg: cannot write: unknown extension \".jpg\"; expected .png, .pgm or .ppm")
        error = #expect(throws: ImageError.self) { try ImageFile.save(Self.colour, to: "/tmp/x.pgm") }
        #expect(error?.description == "/tmp/x.pgm: cannot write: a .pgm file holds 1 channel, the image has 3")
        error = #expect(throws: ImageError.self) { try ImageFile.save(Tensor(zeros: [2, 3, 3]), to: "/tmp/x.png") }
        #expect(error?.description == "/tmp/x.png: cannot write: expected a (1, H, W) or (3, H, W) image tensor, got shape [2, 3, 3]")
    }

    // MARK: - Fitting to a network's input

    @Test func bilinearUpsamplingMatchesHalfPixelCentres() {
        // PyTorch: F.interpolate(tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear") → 0, 0.25, 0.75, 1.
        let up = ImageTransform.resized(Tensor(shape: [1, 1, 2], data: [0, 1]), height: 1, width: 4)
        #expect(up.shape == [1, 1, 4])
        #expect(up.data == [0, 0.25, 0.75, 1])
    }

    @Test func downsamplingAveragesInsteadOfSkipping() {
        // Triangle of half-width 2 over source centres 0.5…3.5: output 0 (centre 1) weighs pixels
        // 0, 1, 2 by 0.75, 0.75, 0.25 → 0.25 / 1.75 = 1/7 for the row 0 0 1 1; output 1 → 6/7.
        let row = Tensor(shape: [1, 1, 4], data: [0, 0, 1, 1])
        let down = ImageTransform.resized(row, height: 1, width: 2)
        #expect(abs(down.data[0] - 1.0 / 7) < 1e-6 && abs(down.data[1] - 6.0 / 7) < 1e-6)
        let flat = ImageTransform.resized(Tensor(repeating: 0.3, shape: [3, 50, 40]), height: 27, width: 27)
        #expect(flat.shape == [3, 27, 27])
        #expect(flat.data.allSatisfy { abs($0 - 0.3) < 1e-6 })
    }

    @Test func channelConversions() {
        let rgb = Tensor(shape: [3, 1, 2], data: [1, 0, 0, 1, 0, 0])
        #expect(ImageTransform.converting(rgb, toChannels: 1).data == [0.299, 0.587])
        let g = Tensor(shape: [1, 1, 2], data: [0.25, 0.5])
        #expect(ImageTransform.converting(g, toChannels: 3).data == [0.25, 0.5, 0.25, 0.5, 0.25, 0.5])
        let fitted = ImageTransform.fitted(Self.colour, to: Preset.mini.spec.input)
        #expect(fitted.shape == [1, 27, 27])
    }
}
