import CJPEGShim

/// JPEG through libjpeg-turbo, by way of a small C shim that catches libjpeg's errors (its
/// `error_exit` must `longjmp`, which Swift code cannot be jumped over).
///
/// Baseline and progressive files, grey and colour. The EXIF orientation tag is ignored: pixels come
/// out in stored order, as PyTorch's `torchvision.io.decode_jpeg` and PIL's `Image.open` give them.
enum JPEGCodec {
    /// Every JPEG starts with the SOI marker FF D8 followed by another marker's FF.
    static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// Grey files → (1, H, W), colour files → (3, H, W), values in [0, 1].
    static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Tensor {
        var info = cjpeg_info()
        let headerFailed = bytes.withUnsafeBufferPointer { cjpeg_read_info($0.baseAddress, $0.count, &info) != 0 }
        if headerFailed { throw .malformed(file: file, message: "not a readable JPEG: \(message(of: info))") }
        let width = Int(info.width), height = Int(info.height)
        guard width > 0, height > 0 else { throw .malformed(file: file, message: "JPEG size \(width)×\(height) must be positive") }
        // Only the header has been read: refuse a huge image before its pixels are allocated.
        try ImageFile.checkPixelLimit(width: width, height: height, file: file)
        let channels: Int
        switch info.components {
        case 1: channels = 1
        case 3: channels = 3
        default:
            throw .unsupported(file: file, message: "JPEG with \(info.components) colour components (CMYK?); expected grey or colour (1 or 3)")
        }
        let plane = width * height
        var buffer = [UInt8](repeating: 0, count: channels * plane)
        let failed = bytes.withUnsafeBufferPointer { src in
            buffer.withUnsafeMutableBufferPointer { dst in
                cjpeg_decode(src.baseAddress, src.count, channels == 1 ? 1 : 0, dst.baseAddress, dst.count, &info) != 0
            }
        }
        if failed { throw .malformed(file: file, message: "corrupt JPEG data: \(message(of: info))") }
        var out = [Float](repeating: 0, count: channels * plane)
        for p in 0..<plane {
            for c in 0..<channels { out[c * plane + p] = Float(buffer[p * channels + c]) / 255 }
        }
        return Tensor(shape: [channels, height, width], data: out)
    }

    /// Whether the file's header says progressive (several scans); for tests and reports.
    static func isProgressive(_ bytes: [UInt8]) -> Bool {
        var info = cjpeg_info()
        let ok = bytes.withUnsafeBufferPointer { cjpeg_read_info($0.baseAddress, $0.count, &info) == 0 }
        return ok && info.progressive != 0
    }

    private static func message(of info: cjpeg_info) -> String {
        var copy = info.message
        let text = withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libjpeg gave no reason" : text
    }
}
