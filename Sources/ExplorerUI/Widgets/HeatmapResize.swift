extension HeatmapImage {
    /// The image shrunk to `width`×`height` pixels by area averaging: each new pixel is the mean of the
    /// old pixels it covers, weighted by how much of each it covers, so thin lines fade instead of
    /// vanishing and nothing is cropped. Never enlarges (a larger size returns the image unchanged).
    public func areaAveraged(width tw: Int, height th: Int) -> HeatmapImage {
        let tw = max(1, min(tw, width)), th = max(1, min(th, height))
        guard tw < width || th < height else { return self }
        let sx = Double(width) / Double(tw), sy = Double(height) / Double(th)
        // Which source columns (rows) each target column (row) covers, and by how much.
        func spans(_ n: Int, _ scale: Double, _ limit: Int) -> [[(index: Int, weight: Double)]] {
            (0..<n).map { o in
                let a = Double(o) * scale, b = a + scale
                return (Int(a.rounded(.down))..<min(limit, Int(b.rounded(.up)))).compactMap { i in
                    let w = min(b, Double(i + 1)) - max(a, Double(i))
                    return w > 1e-9 ? (i, w) : nil
                }
            }
        }
        let xs = spans(tw, sx, width), ys = spans(th, sy, height)
        var outPixels: [RGB] = [], outIntensities: [Double] = []
        outPixels.reserveCapacity(tw * th); outIntensities.reserveCapacity(tw * th)
        for oy in 0..<th {
            for ox in 0..<tw {
                var r = 0.0, g = 0.0, b = 0.0, v = 0.0, total = 0.0
                for (iy, wy) in ys[oy] {
                    for (ix, wx) in xs[ox] {
                        let w = wx * wy, i = iy * width + ix
                        r += w * Double(pixels[i].r); g += w * Double(pixels[i].g)
                        b += w * Double(pixels[i].b); v += w * intensities[i]
                        total += w
                    }
                }
                let t = max(total, 1e-12)
                outPixels.append(RGB(UInt8(min(255, (r / t).rounded())), UInt8(min(255, (g / t).rounded())),
                                  UInt8(min(255, (b / t).rounded()))))
                outIntensities.append(min(1, max(0, v / t)))
            }
        }
        return HeatmapImage(width: tw, height: th, pixels: outPixels, intensities: outIntensities)
    }

    /// The image shrunk (aspect kept, area averaging) to fit `maxWidth`×`maxHeight` pixels, and the
    /// factor it was shrunk by (1 when it already fits).
    public func fitted(maxWidth: Int, maxHeight: Int) -> (image: HeatmapImage, factor: Double) {
        let f = max(1, Double(width) / Double(max(1, maxWidth)), Double(height) / Double(max(1, maxHeight)))
        guard f > 1 else { return (self, 1) }
        let tw = max(1, min(maxWidth, Int((Double(width) / f).rounded())))
        let th = max(1, min(maxHeight, Int((Double(height) / f).rounded())))
        return (areaAveraged(width: tw, height: th), f)
    }

    /// The image shrunk by a whole factor (⌈size/factor⌉ pixels per side), area averaged.
    public func shrunk(by factor: Int) -> HeatmapImage {
        guard factor > 1 else { return self }
        return areaAveraged(width: (width + factor - 1) / factor, height: (height + factor - 1) / factor)
    }
}
