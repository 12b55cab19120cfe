import Testing
@testable import AlexNetCore

@Suite struct MiniBatchOrderTests {
    @Test func batchesCoverEveryIndexOnce() {
        let order = MiniBatchOrder(count: 10, batchSize: 4, seed: 7, epoch: 0)
        let batches = Array(order)
        #expect(batches.map(\.count) == [4, 4, 2])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<10))
        #expect(batches.flatMap { $0 } == order.permutation)
        #expect(Array(MiniBatchOrder(count: 10, batchSize: 4, seed: 7, epoch: 0, dropLast: true)).map(\.count) == [4, 4])
    }

    @Test func orderDependsOnlyOnSeedAndEpoch() {
        let a = MiniBatchOrder(count: 100, batchSize: 8, seed: 42, epoch: 3).permutation
        #expect(a == MiniBatchOrder(count: 100, batchSize: 8, seed: 42, epoch: 3).permutation)
        #expect(a != MiniBatchOrder(count: 100, batchSize: 8, seed: 42, epoch: 4).permutation)
        #expect(a != MiniBatchOrder(count: 100, batchSize: 8, seed: 43, epoch: 3).permutation)
        #expect(a != Array(0..<100))
    }

    @Test func shuffleIsRoughlyUniform() {
        // Over 5,000 epochs each of 5 indices should land first about 1,000 times (σ ≈ 28).
        var first = [Int](repeating: 0, count: 5)
        for epoch in 0..<5_000 { first[MiniBatchOrder(count: 5, batchSize: 5, seed: 1, epoch: epoch).permutation[0]] += 1 }
        #expect(first.allSatisfy { abs($0 - 1_000) < 150 }, "\(first)")
    }

    @Test func emptyAndSingleDatasets() {
        #expect(Array(MiniBatchOrder(count: 0, batchSize: 3, seed: 0, epoch: 0)).isEmpty)
        #expect(Array(MiniBatchOrder(count: 1, batchSize: 3, seed: 0, epoch: 0)) == [[0]])
    }

    @Test func datasetBatchesFollowTheOrder() {
        let pixels = (0..<4).flatMap { i in [UInt8](repeating: UInt8(i * 60), count: 784) }
        let data = FashionMNIST(split: .test, pixels: pixels, labels: [0, 1, 2, 3])
        let order = MiniBatchOrder(count: 4, batchSize: 3, seed: 9, epoch: 2)
        let batches = Array(data.batches(size: 3, seed: 9, epoch: 2, normalization: .unit))
        #expect(batches.map(\.labels) == Array(order))
        #expect(batches[0].images.shape == [3, 1, 28, 28])
        // Image i is uniformly i·60/255, and its label is i.
        #expect(batches[0].images.data[784] == Float(batches[0].labels[1] * 60) / 255)
    }
}
