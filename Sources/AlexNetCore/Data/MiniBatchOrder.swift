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

    /// The shuffled indices of the whole epoch (Fisher–Yates with a `SeededRandom` stream keyed by seed and epoch).
    public var permutation: [Int] {
        var random = SeededRandom(seed: seed, stream: "data order, epoch \(epoch)")
        let order = random.permutation(count)
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
