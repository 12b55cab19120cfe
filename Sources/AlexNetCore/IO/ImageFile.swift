import Foundation

/// Reads and writes images as (C, H, W) `Float` tensors with values in [0, 1].
///
/// PNG (via libpng), JPEG (via libjpeg-turbo) and Netpbm PGM/PPM are recognised by their first bytes, not their extension;
/// writing picks the format from the extension (`.png`, `.pgm`, `.ppm`).
public enum ImageFile {
    /// Loads an image as (1, H, W) grey or (3, H, W) RGB in [0, 1]; alpha is composited onto black.
    public static func load(_ path: String) throws(ImageError) -> Tensor {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, limit: FileBytes.Limit.image) } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        return try decode(bytes, file: path)
    }

    /// Decodes PNG, JPEG, PGM or PPM bytes; `file` names them in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Tensor {
        if bytes.starts(with: PNGCodec.signature) { return try PNGCodec.decode(bytes, file: file) }
        if bytes.starts(with: JPEGCodec.signature) { return try JPEGCodec.decode(bytes, file: file) }
        if NetpbmCodec.looksLike(bytes) { return try NetpbmCodec.decode(bytes, file: file) }
        if bytes.isEmpty { throw .malformed(file: file, message: "the file is empty; expected a PNG, JPEG, PGM or PPM image") }
        if bytes.starts(with: PNGCodec.signature.prefix(4)) {
            throw .malformed(file: file, message: "damaged PNG signature; expected the 8 bytes 89 50 4E 47 0D 0A 1A 0A")
        }
        throw .unsupported(file: file, message: "not a PNG, JPEG, PGM or PPM file (it starts with \(bytes.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")))")
    }

    /// Writes a (1, H, W) or (3, H, W) tensor, values clamped to [0, 1], as 8-bit PNG, PGM or PPM
    /// (by extension), atomically.
    public static func save(_ image: Tensor, to path: String) throws(ImageError) {
        let ext = (path as NSString).pathExtension.lowercased()
        let bytes: [UInt8]
        switch ext {
        case "png": bytes = try PNGCodec.encode(image, file: path)
        case "pgm", "ppm":
            let (channels, _, _) = try dimensions(of: image, file: path)
            guard (ext == "pgm") == (channels == 1) else {
                throw .unwritable(file: path, reason: "a .\(ext) file holds \(ext == "pgm" ? "1 channel" : "3 channels"), the image has \(channels)")
            }
            bytes = try NetpbmCodec.encode(image, file: path)
        default:
            throw .unwritable(file: path, reason: "unknown extension \".\(ext)\"; expected .png, .pgm or .ppm")
        }
        do { try AtomicFile.write(bytes, to: path) } catch {
            throw .unwritable(file: path, reason: "\(error.step): \(error.reason)")
        }
    }

    /// The most pixels an image may have: 64 megapixels (8192×8192), far above any network input
    /// here, while a decoded RGB image of that size still fits in under a gigabyte of floats.
    public static let pixelLimit = 64 << 20

    /// Refuses dimensions above `pixelLimit`, before anything of their size is allocated.
    static func checkPixelLimit(width: Int, height: Int, file: String) throws(ImageError) {
        guard let pixels = CheckedSize.product(width, height), pixels <= pixelLimit else {
            throw .unsupported(file: file, message: "size \(width)×\(height) is more than the limit of 64 megapixels (\(NumberText.grouped(pixelLimit)) pixels, e.g. 8192×8192)")
        }
    }

    /// (C, H, W) of a writable image tensor.
    static func dimensions(of tensor: Tensor, file: String) throws(ImageError) -> (Int, Int, Int) {
        guard tensor.shape.count == 3, [1, 3].contains(tensor.shape[0]), tensor.shape[1] > 0, tensor.shape[2] > 0 else {
            throw .unwritable(file: file, reason: "expected a (1, H, W) or (3, H, W) image tensor, got shape \(tensor.shape)")
        }
        return (tensor.shape[0], tensor.shape[1], tensor.shape[2])
    }

    /// Planar floats in [0, 1] → interleaved bytes, rounded; NaN becomes 0.
    static func interleavedBytes(_ tensor: Tensor) -> [UInt8] {
        let channels = tensor.shape[0], plane = tensor.shape[1] * tensor.shape[2]
        var out = [UInt8](repeating: 0, count: channels * plane)
        for p in 0..<plane {
            for c in 0..<channels {
                let v = tensor.data[c * plane + p]
                out[p * channels + c] = v.isNaN ? 0 : UInt8((min(max(v, 0), 1) * 255).rounded())
            }
        }
        return out
    }
}
