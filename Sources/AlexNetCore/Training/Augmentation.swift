/// The paper's data augmentation where the input allows it: random crops of the network's input size
/// out of larger images, and horizontal reflections. (PCA colour jitter needs RGB; Fashion-MNIST is grey.)
public enum Augmentation {
    /// Crops every image of (N, C, H, W) to (N, C, h, w): at random offsets with `random`, or centred
    /// (rounding down) without, as for evaluation.
    public static func crop(_ batch: Batch, height h: Int, width w: Int, random: inout SeededRandom?) -> Batch {
        let s = batch.images.shape
        let (N, C, H, W) = (s[0], s[1], s[2], s[3])
        precondition(h <= H && w <= W, "cannot crop \(H)×\(W) to \(h)×\(w)")
        if h == H && w == W { return batch }
        var out = [Float](repeating: 0, count: N * C * h * w)
        for n in 0..<N {
            let dy = random.map { _ in 0 } ?? (H - h) / 2
            let dx = random.map { _ in 0 } ?? (W - w) / 2
            var oy = dy, ox = dx
            if random != nil { oy = random!.below(H - h + 1); ox = random!.below(W - w + 1) }
            for c in 0..<C {
                for y in 0..<h {
                    let src = ((n * C + c) * H + oy + y) * W + ox
                    let dst = ((n * C + c) * h + y) * w
                    for x in 0..<w { out[dst + x] = batch.images.data[src + x] }
                }
            }
        }
        return Batch(images: Tensor(shape: [N, C, h, w], data: out), labels: batch.labels)
    }

    /// Mirrors each image left-right with probability ½.
    public static func flip(_ batch: Batch, random: inout SeededRandom) -> Batch {
        var b = batch
        let s = b.images.shape
        let (N, C, H, W) = (s[0], s[1], s[2], s[3])
        for n in 0..<N where random.next() & 1 == 1 {
            for c in 0..<C {
                for y in 0..<H {
                    let row = ((n * C + c) * H + y) * W
                    for x in 0..<(W / 2) { b.images.data.swapAt(row + x, row + W - 1 - x) }
                }
            }
        }
        return b
    }
}
