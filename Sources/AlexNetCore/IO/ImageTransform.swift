/// Fits an image tensor (C, H, W) to a network's input: channel count and size.
public enum ImageTransform {
    /// Grey ↔ RGB: RGB → grey by ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B), grey → RGB by
    /// repeating the plane. Other conversions keep the image as it is (the caller's shape check reports it).
    public static func converting(_ image: Tensor, toChannels channels: Int) -> Tensor {
        let have = image.shape[0], plane = image.shape[1] * image.shape[2]
        if have == channels { return image }
        if have == 3 && channels == 1 {
            var out = [Float](repeating: 0, count: plane)
            for p in 0..<plane {
                out[p] = 0.299 * image.data[p] + 0.587 * image.data[plane + p] + 0.114 * image.data[2 * plane + p]
            }
            return Tensor(shape: [1, image.shape[1], image.shape[2]], data: out)
        }
        if have == 1 && channels == 3 {
            return Tensor(shape: [3, image.shape[1], image.shape[2]], data: image.data + image.data + image.data)
        }
        return image
    }

    /// Bilinear resampling to `height` × `width` with pixel centres at half-integers (as PyTorch's
    /// `align_corners=False` and PIL). When shrinking, the triangle widens to the scale factor so
    /// every source pixel contributes (PIL's antialiased bilinear) instead of aliasing.
    public static func resized(_ image: Tensor, height: Int, width: Int) -> Tensor {
        let channels = image.shape[0], inH = image.shape[1], inW = image.shape[2]
        precondition(inH > 0 && inW > 0 && height > 0 && width > 0, "resize needs positive sizes")
        if inH == height && inW == width { return image }
        let rows = weights(from: inH, to: height), cols = weights(from: inW, to: width)
        // Separable: first along the width, then along the height.
        var tmp = [Float](repeating: 0, count: channels * inH * width)
        for c in 0..<channels {
            for y in 0..<inH {
                let src = (c * inH + y) * inW, dst = (c * inH + y) * width
                for x in 0..<width {
                    var s: Float = 0
                    for (i, w) in cols[x] { s += w * image.data[src + i] }
                    tmp[dst + x] = s
                }
            }
        }
        var out = [Float](repeating: 0, count: channels * height * width)
        for c in 0..<channels {
            for y in 0..<height {
                let dst = (c * height + y) * width
                for (i, w) in rows[y] {
                    let src = (c * inH + i) * width
                    for x in 0..<width { out[dst + x] += w * tmp[src + x] }
                }
            }
        }
        return Tensor(shape: [channels, height, width], data: out)
    }

    /// For each output index, the source indices and their normalised triangle weights.
    static func weights(from input: Int, to output: Int) -> [[(Int, Float)]] {
        let ratio = Double(input) / Double(output)
        let support = max(1, ratio)
        return (0..<output).map { o in
            let centre = (Double(o) + 0.5) * ratio
            let lo = max(0, Int((centre - support).rounded(.down)))
            let hi = min(input - 1, Int((centre + support).rounded(.up)))
            var list: [(Int, Double)] = []
            for i in lo...hi {
                let w = 1 - abs(Double(i) + 0.5 - centre) / support
                if w > 0 { list.append((i, w)) }
            }
            let total = list.reduce(0) { $0 + $1.1 }
            return list.map { ($0.0, Float($0.1 / total)) }
        }
    }

    /// Converts channels and resizes to `shape` (e.g. a photo to the mini network's 1×27×27).
    public static func fitted(_ image: Tensor, to shape: InputShape) -> Tensor {
        resized(converting(image, toChannels: shape.channels), height: shape.height, width: shape.width)
    }
}
