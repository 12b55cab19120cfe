/// A mini-batch: images (N, C, H, W) and their class labels.
public struct Batch: Sendable, Equatable {
    public var images: Tensor
    public var labels: [Int]

    public init(images: Tensor, labels: [Int]) {
        precondition(images.shape.first == labels.count, "\(labels.count) labels for images \(images.shape)")
        self.images = images; self.labels = labels
    }

    public var count: Int { labels.count }
}
