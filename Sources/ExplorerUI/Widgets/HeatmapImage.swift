import AlexNetCore

/// A small picture to draw as a heatmap: a colour and a 0…1 intensity (for the ASCII ramp) per pixel.
public struct HeatmapImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Row-major colours.
    public var pixels: [RGB]
    /// Row-major 0…1 values: the ramp position under NO_COLOR.
    public var intensities: [Double]

    public init(width: Int, height: Int, pixels: [RGB], intensities: [Double]) {
        precondition(pixels.count == width * height && intensities.count == width * height)
        self.width = width; self.height = height; self.pixels = pixels; self.intensities = intensities
    }

    /// Values mapped through a colour scale between `low` and `high` (clamped).
    public init(width: Int, height: Int, values: ArraySlice<Float>, low: Float, high: Float, scale: ColorScale) {
        let span = high > low ? Double(high - low) : 1
        let t = values.map { (Double($0) - Double(low)) / span }
        self.init(width: width, height: height, pixels: t.map { scale.color(at: $0) },
                  intensities: t.map { min(1, max(0, $0)) })
    }

    /// Filter `index` of conv weights (OC, C, K, K). Three input channels are shown as one RGB
    /// picture with a common scale for the filter (as in the paper's Fig. 3), so hue keeps its meaning;
    /// any other channel count (or `rgb: false`) shows `channel` on a diverging scale symmetric around zero.
    public static func filter(_ weights: Tensor, index: Int, channel: Int = 0, rgb: Bool = true) -> HeatmapImage {
        let (c, kh, kw) = (weights.shape[1], weights.shape[2], weights.shape[3])
        let size = c * kh * kw
        let values = weights.data[(index * size)..<((index + 1) * size)]
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        if c == 3 && rgb {
            let span = hi > lo ? Double(hi - lo) : 1
            let plane = kh * kw
            let base = values.startIndex
            var pixels: [RGB] = []
            pixels.reserveCapacity(plane)
            for p in 0..<plane {
                func level(_ ch: Int) -> UInt8 {
                    UInt8((255 * (Double(values[base + ch * plane + p]) - Double(lo)) / span).rounded())
                }
                pixels.append(RGB(level(0), level(1), level(2)))
            }
            return HeatmapImage(width: kw, height: kh, pixels: pixels, intensities: pixels.map(\.luminance))
        }
        // One symmetric range for the whole filter, so its channels can be compared.
        let m = max(abs(lo), abs(hi))
        let start = index * size + channel * kh * kw
        return HeatmapImage(width: kw, height: kh, values: weights.data[start..<(start + kh * kw)],
                            low: -m, high: m, scale: .diverging)
    }

    /// One channel of a feature map (C, H, W) on the sequential scale from its min to its max.
    public static func featureMap(_ maps: Tensor, channel: Int) -> HeatmapImage {
        let (h, w) = (maps.shape[maps.shape.count - 2], maps.shape[maps.shape.count - 1])
        let start = channel * h * w
        let values = maps.data[start..<(start + h * w)]
        return HeatmapImage(width: w, height: h, values: values, low: values.min() ?? 0, high: values.max() ?? 1,
                            scale: .sequential)
    }
}
