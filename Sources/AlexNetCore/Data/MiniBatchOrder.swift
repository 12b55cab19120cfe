/// The index batches of one epoch: a seeded shuffle of 0..<count cut into `batchSize` pieces.
public struct MiniBatchOrder: Sequence, Sendable {
    public let count: Int
    public let batchSize: Int
    public let seed: UInt64
    public let epoch: Int
    /// Leave out a last, smaller batch.
    public let dropLast: Bool

    public init(count: Int, batchSize: Int, seed: UInt64, epoch: Int, dropLast: Bool = false) {
        precondition(batchSize > 0, "batch size must be positive")
        self.count = count; self.batchSize = batchSize; self.seed = seed; self.epoch = epoch; self.dropLast = dropLast
    }

    /// The shuffled indices of the whole epoch (Fisher–Yates with a SplitMix64 stream keyed by seed and epoch).
    public var permutation: [Int] {
        var rng = ShuffleGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: epoch))
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) {
                let j = Int(rng.next(below: UInt64(i + 1)))
                order.swapAt(i, j)
            }
        }
        return order
    }

    public var batchCount: Int { dropLast ? count / batchSize : (count + batchSize - 1) / batchSize }

    public func makeIterator() -> IndexingIterator<[[Int]]> {
        let order = permutation
        return (0..<batchCount).map { b in
            Array(order[(b * batchSize)..<Swift.min((b + 1) * batchSize, count)])
        }.makeIterator()
    }
}

/// SplitMix64: tiny, fast, and the same on every platform, unlike `SystemRandomNumberGenerator`.
struct ShuffleGenerator {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64) {
        state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound without modulo bias (Lemire's multiply-shift with rejection).
    mutating func next(below bound: UInt64) -> UInt64 {
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }
}
