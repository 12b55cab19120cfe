/// A labelled image set a training run reads: Fashion-MNIST's IDX files or a folder of photos
/// (`ImageFolderData`). Images are stored at `imageShape` (bytes) and become normalised (N, C, H, W)
/// tensors one batch at a time; the run crops them to the network's input.
public protocol LabeledImages: Sendable {
    var count: Int { get }
    /// One label in `0..<classNames.count` per image.
    var labels: [Int] { get }
    /// Class names in label order.
    var classNames: [String] { get }
    /// What the class names are, for headers and checkpoints: `Fashion-MNIST`, `folder photos`.
    var classSource: String { get }
    /// (C, H, W) of every stored image, before the run's crop.
    var imageShape: InputShape { get }
    /// Per-channel mean and std of the pixels (as pixel / 255); measure on the training set.
    func measuredNormalization() -> ChannelNormalization
    /// The images at `indices` as a normalised (N, C, H, W) tensor, with their labels. Throws only when an
    /// image that is read again from its file (beyond the cache) no longer decodes.
    func batch(_ indices: [Int], normalization: ChannelNormalization) throws(DatasetError) -> (images: Tensor, labels: [Int])
}

extension FashionMNIST: LabeledImages {
    public var classNames: [String] { Self.classNames }
    public var classSource: String { "Fashion-MNIST" }
    public var imageShape: InputShape { InputShape(channels: 1, height: Self.side, width: Self.side) }

    public func measuredNormalization() -> ChannelNormalization {
        ChannelNormalization(PixelNormalization(measuring: pixels), channels: 1)
    }

    public func batch(_ indices: [Int], normalization: ChannelNormalization) -> (images: Tensor, labels: [Int]) {
        batch(indices, normalization: PixelNormalization(mean: normalization.mean[0], std: normalization.std[0]))
    }
}
