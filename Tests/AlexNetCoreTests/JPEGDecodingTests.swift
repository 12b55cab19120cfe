import Foundation
import Testing
@testable import AlexNetCore

/// JPEG through libjpeg-turbo: fixtures made with PIL by scripts/make_jpeg_fixtures.py, flat 8×8
/// blocks at quality 95 without chroma subsampling, so every block decodes to its colour within 2/255.
@Suite struct JPEGDecodingTests {
    static func fixture(_ name: String) throws -> (path: String, bytes: [UInt8]) {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "jpg", subdirectory: "Fixtures"))
        return (url.path, try FileBytes.read(url.path, limit: FileBytes.Limit.image))
    }

    /// The pixel at (y, x) of a (C, H, W) image as 0…255 values.
    static func pixel(_ t: Tensor, _ y: Int, _ x: Int) -> [Int] {
        let (c, h, w) = (t.shape[0], t.shape[1], t.shape[2])
        return (0..<c).map { Int((t.data[($0 * h + y) * w + x] * 255).rounded()) }
    }

    static func near(_ a: [Int], _ b: [Int]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 2 } }

    @Test(arguments: ["jpeg_baseline_rgb", "jpeg_progressive_rgb"])
    func colourQuadrants(name: String) throws {
        let (path, bytes) = try Self.fixture(name)
        #expect(JPEGCodec.isProgressive(bytes) == (name == "jpeg_progressive_rgb"))
        let image = try ImageFile.load(path)
        #expect(image.shape == [3, 16, 16])
        // Quadrants written: red-ish, green-ish / blue-ish, yellow-ish (PIL's numpy array, row-major).
        #expect(Self.near(Self.pixel(image, 4, 4), [200, 30, 30]))
        #expect(Self.near(Self.pixel(image, 4, 12), [30, 200, 30]))
        #expect(Self.near(Self.pixel(image, 12, 4), [30, 30, 200]))
        #expect(Self.near(Self.pixel(image, 12, 12), [220, 220, 40]))
    }

    @Test func greyStaysOneChannel() throws {
        let image = try ImageFile.load(try Self.fixture("jpeg_grey").path)
        #expect(image.shape == [1, 16, 16])
        #expect(Self.near(Self.pixel(image, 4, 4), [0]))
        #expect(Self.near(Self.pixel(image, 4, 12), [85]))
        #expect(Self.near(Self.pixel(image, 12, 4), [170]))
        #expect(Self.near(Self.pixel(image, 12, 12), [255]))
    }

    /// The file is stored 16 wide and 8 high with EXIF orientation 6 ("rotate 90° clockwise to view").
    /// The tag is ignored, as PyTorch and PIL's `Image.open` do: the pixels come out as stored.
    @Test func exifOrientationIsIgnored() throws {
        let (path, bytes) = try Self.fixture("jpeg_exif_orientation6")
        #expect(String(decoding: bytes.prefix(64), as: UTF8.self).contains("Exif"))
        let image = try ImageFile.load(path)
        #expect(image.shape == [1, 8, 16])
        #expect(Self.near(Self.pixel(image, 4, 2), [16]))
        #expect(Self.near(Self.pixel(image, 4, 13), [240]))
    }

    @Test func truncatedFileIsOneLineNamingIt() throws {
        let bytes = try Self.fixture("jpeg_baseline_rgb").bytes
        // Headers and tables take 620 of these 656 bytes: cut inside the scan data.
        let cut = Array(bytes.prefix(bytes.count - 12))
        let error = #expect(throws: ImageError.self) { try ImageFile.decode(cut, file: "cut.jpg") }
        #expect(error?.description == "cut.jpg: corrupt JPEG data: Premature end of JPEG file")
    }

    @Test func headerOnlyIsRefused() throws {
        let bytes = try Self.fixture("jpeg_baseline_rgb").bytes
        let error = #expect(throws: ImageError.self) { try ImageFile.decode(Array(bytes.prefix(40)), file: "h.jpg") }
        let text = try #require(error?.description)
        #expect(text.hasPrefix("h.jpg: ") && !text.contains("\n"), "\(text)")
    }

    @Test func corruptScanDataIsReported() throws {
        var bytes = try Self.fixture("jpeg_progressive_rgb").bytes
        // Overwrite the middle of the entropy-coded data with marker-like garbage.
        for i in (bytes.count / 2)..<(bytes.count / 2 + 40) { bytes[i] = i % 2 == 0 ? 0xFF : 0xD9 }
        let error = #expect(throws: ImageError.self) { try ImageFile.decode(bytes, file: "bad.jpg") }
        let text = try #require(error?.description)
        #expect(text.hasPrefix("bad.jpg: corrupt JPEG data: ") && !text.contains("\n"), "\(text)")
    }

    /// Baseline SOF0 with `height` × `width`: the header alone, as a hostile file would be.
    static func withSize(_ bytes: [UInt8], height: Int, width: Int) throws -> [UInt8] {
        var out = bytes
        let sof = try #require((2..<(out.count - 9)).first { out[$0] == 0xFF && out[$0 + 1] == 0xC0 })
        out[sof + 5] = UInt8(height >> 8); out[sof + 6] = UInt8(height & 0xFF)
        out[sof + 7] = UInt8(width >> 8); out[sof + 8] = UInt8(width & 0xFF)
        return out
    }

    /// JPEG sizes are 16-bit, so 100,000² cannot be written; 65,000² (4.2 gigapixels) is the largest
    /// libjpeg accepts, and our 64-megapixel limit refuses it from the header, before any allocation.
    @Test func hugeHeaderIsRefusedBeforeAllocating() throws {
        let bytes = try Self.withSize(try Self.fixture("jpeg_baseline_rgb").bytes, height: 65000, width: 65000)
        let error = #expect(throws: ImageError.self) { try ImageFile.decode(bytes, file: "huge.jpg") }
        #expect(error?.description == "huge.jpg: unsupported image: size 65000×65000 is more than the limit of 64 megapixels (67,108,864 pixels, e.g. 8192×8192)")
        let past = try Self.withSize(try Self.fixture("jpeg_baseline_rgb").bytes, height: 65535, width: 65535)
        let libjpeg = #expect(throws: ImageError.self) { try ImageFile.decode(past, file: "max.jpg") }
        #expect(libjpeg?.description == "max.jpg: not a readable JPEG: Maximum supported image dimension is 65500 pixels")
    }
}
