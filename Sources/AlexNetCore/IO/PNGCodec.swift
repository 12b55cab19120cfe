import CPNG

/// PNG through libpng's simplified `png_image` API, which reports errors in `image.message` instead
/// of the `longjmp` of the classic API (which Swift cannot survive).
enum PNGCodec {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Any PNG (grey, grey+alpha, RGB, RGBA, palette, 1–16 bits) → (C, H, W) in [0, 1] with C = 1 or 3.
    ///
    /// Transparent pixels are composited onto black. 8-bit files keep their values; 16-bit files
    /// are read as 16-bit linear values (libpng treats 16-bit files without gAMA as linear, and
    /// reading them as 8-bit would apply an sRGB curve).
    static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Tensor {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        var failure: ImageError?
        var result: Tensor?
        bytes.withUnsafeBytes { raw in
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                failure = .malformed(file: file, message: "not a readable PNG: \(message(of: image))")
                return
            }
            defer { png_image_free(&image) }
            // begin_read has read the header (IHDR) only: check its size before the pixels are allocated.
            let width = Int(image.width), height = Int(image.height)
            guard width > 0, height > 0 else {
                failure = .malformed(file: file, message: "size \(width)×\(height) must be positive"); return
            }
            do throws(ImageError) { try ImageFile.checkPixelLimit(width: width, height: height, file: file) } catch {
                failure = error; return
            }
            // Deflate shrinks data at most 1032:1, and the smallest raster is 1 bit a pixel plus a filter
            // byte a row: a file shorter than that cannot hold the image (a header with no data).
            let minimumData = height * (1 + (width + 7) / 8) / 1032
            guard raw.count >= minimumData else {
                failure = .malformed(file: file, message: "truncated: a \(width)×\(height) PNG needs at least \(NumberText.grouped(minimumData)) bytes of compressed pixels, the file has \(NumberText.grouped(raw.count)) bytes")
                return
            }
            let colour = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
            let alpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
            let sixteen = image.format & UInt32(PNG_FORMAT_FLAG_LINEAR) != 0
            let channels = colour ? 3 : 1
            let stored = channels + (alpha ? 1 : 0)
            image.format = (colour ? UInt32(PNG_FORMAT_FLAG_COLOR) : 0) | (alpha ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
                | (sixteen ? UInt32(PNG_FORMAT_FLAG_LINEAR) : 0)
            let plane = width * height
            var out = [Float](repeating: 0, count: channels * plane)
            if sixteen {
                var buffer = [UInt16](repeating: 0, count: stored * plane)
                let ok = buffer.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
                guard ok != 0 else { failure = .malformed(file: file, message: "corrupt PNG data: \(message(of: image))"); return }
                // Linear formats come premultiplied by alpha, which is compositing onto black already.
                for p in 0..<plane {
                    for c in 0..<channels { out[c * plane + p] = Float(buffer[p * stored + c]) / 65535 }
                }
            } else {
                var buffer = [UInt8](repeating: 0, count: stored * plane)
                let ok = buffer.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
                guard ok != 0 else { failure = .malformed(file: file, message: "corrupt PNG data: \(message(of: image))"); return }
                for p in 0..<plane {
                    let a: Float = alpha ? Float(buffer[p * stored + channels]) / 255 : 1
                    for c in 0..<channels { out[c * plane + p] = Float(buffer[p * stored + c]) / 255 * a }
                }
            }
            result = Tensor(shape: [channels, height, width], data: out)
        }
        if let failure { throw failure }
        return result!
    }

    /// (1, H, W) or (3, H, W) in [0, 1] → 8-bit grey or RGB PNG bytes.
    static func encode(_ tensor: Tensor, file: String) throws(ImageError) -> [UInt8] {
        let (channels, height, width) = try ImageFile.dimensions(of: tensor, file: file)
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width); image.height = UInt32(height)
        image.format = channels == 3 ? UInt32(PNG_FORMAT_RGB) : UInt32(PNG_FORMAT_GRAY)
        let pixels = ImageFile.interleavedBytes(tensor)
        var size = 0
        var failure: String?
        var out: [UInt8] = []
        pixels.withUnsafeBytes { src in
            // First call measures, second writes.
            guard png_image_write_to_memory(&image, nil, &size, 0, src.baseAddress, 0, nil) != 0 else {
                failure = message(of: image); return
            }
            out = [UInt8](repeating: 0, count: size)
            let ok = out.withUnsafeMutableBytes { png_image_write_to_memory(&image, $0.baseAddress, &size, 0, src.baseAddress, 0, nil) }
            if ok == 0 { failure = message(of: image) }
        }
        if let failure { throw .unwritable(file: file, reason: "libpng: \(failure)") }
        return Array(out.prefix(size))
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
