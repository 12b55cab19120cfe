import AlexNetCore
import ExplorerUI
import Foundation

/// Where the feature-map screen's input comes from, and the forward pass that turns it into a `FeatureSet`:
/// an image file (`--image`), a test image of the `--data` set (Fashion-MNIST or CIFAR-10) for networks that
/// take them, or else a built-in
/// test pattern, so every network has something to show. It knows the network's shapes, not its weights:
/// the explorer picks the input before the weights exist (they may still be being made).
public final class FeatureInputs {
    public enum Source {
        /// The image as the network sees it, preprocessed and normalised.
        case file(path: String, image: Tensor)
        /// Fashion-MNIST's or CIFAR-10's test images, normalised as the weights expect.
        case dataset(any LabeledImages, ChannelNormalization)
        /// A folder's validation images (`--data DIR` with class subfolders), normalised as the weights expect.
        case folder(ImageFolderData, ChannelNormalization)
        case pattern
    }

    public let spec: NetworkSpec
    public let report: ShapeReport
    public let source: Source
    public private(set) var index = 0
    private let dataDirectory: String
    /// What `--data` holds.
    private let data: DataSource

    /// An `--index` that picks nothing.
    public struct IndexError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `normalization` and `channelNormalization` are what the checkpoint records (either may be nil); every
    /// input is normalised by `ChannelNormalization.policy`: those, else the network's convention (Fashion-MNIST's
    /// training-set statistics for grey networks), never statistics of the test images themselves.
    /// `classes` are the names the weights' file records for its outputs, if any.
    public convenience init(network: Network, imagePath: String?, dataDirectory: String, normalization: PixelNormalization?,
                            channelNormalization: ChannelNormalization? = nil, classes: ClassNames? = nil,
                            pattern: Bool = false) throws {
        // `features` and `neuron`: a --data folder that is missing is an error there, as in `train`.
        try self.init(report: network.report, imagePath: imagePath, dataDirectory: dataDirectory,
                      normalization: normalization, channelNormalization: channelNormalization, classes: classes,
                      pattern: pattern, missingDataIsError: true)
    }

    /// `pattern`: the built-in test pattern whatever the data folder holds (`--pattern`), the same on every machine.
    /// `missingDataIsError`: a data folder other than the usual one that is missing is an error, not the pattern (the
    /// explorer keeps the pattern and says why on its training screens).
    public init(report: ShapeReport, imagePath: String?, dataDirectory: String, normalization: PixelNormalization?,
         channelNormalization: ChannelNormalization? = nil, classes: ClassNames? = nil, pattern: Bool = false,
         missingDataIsError: Bool = false) throws {
        self.spec = report.network
        self.report = report
        self.dataDirectory = dataDirectory
        let data = DataSource(directory: dataDirectory)
        self.data = data
        self.pattern = pattern
        let input = spec.input
        classNames = try classes.flatMap { $0.count == report.output.count ? $0.names : nil }
            // A ten-way network shown CIFAR-10's pictures is named with CIFAR-10's classes.
            ?? (data.isCIFAR10 && report.output.count == CIFAR10.classNames.count
                ? CIFAR10.classNames : ShippedFiles.classNames(outputs: report.output.count).names)
        let policy = ChannelNormalization.policy(
            checkpoint: channelNormalization ?? normalization.map { ChannelNormalization($0, channels: input.channels) },
            channels: input.channels)
        if let imagePath {
            // As `predict` and torchvision do it: resize the shorter side, centre crop, normalise per channel.
            let preprocessing = Preprocessing(network: input, normalization: policy)
            source = .file(path: imagePath, image: preprocessing.apply(try ImageFile.load(imagePath)))
        } else if !pattern, case .imageFolder = try DataSource.resolve(dataDirectory) {
            // A folder's validation images, decoded as training decodes them; the weights' normalisation, else the
            // convention for the channels (as for an image file).
            var request = DataSource.Request(input: input)
            request.wantsTrain = false
            guard let images = try DataSource.resolve(dataDirectory).load(request).test as? ImageFolderData else {
                throw IndexError(description: "\(dataDirectory): no validation images (--val-fraction 0 holds none out)")
            }
            source = .folder(images, channelNormalization ?? normalization.map { ChannelNormalization($0, channels: input.channels) }
                             ?? .default(channels: input.channels))
        } else if !pattern, Self.takes(input, data: data) {
            // Without the data set in its usual place the built-in pattern stands in; a folder the user named that is
            // missing, or a data set that is there but broken, is an error (as in `train`), never silently replaced.
            let usual = dataDirectory == FashionMNIST.defaultDirectory || !missingDataIsError
            switch Result(catching: { () throws(DatasetError) in try data.load(.test) }) {
            case .success(let test):
                source = .dataset(test, test is FashionMNIST ? ChannelNormalization(policy.scalar ?? ChannelNormalization.fashionMNIST.scalar!, channels: 1)
                                                              : policy)
            case .failure(.missingDirectory) where usual, .failure(.missingFile) where usual: source = .pattern
            case .failure(let error): throw error
            }
        } else {
            source = .pattern
        }
    }

    /// ImageNet's names for 1,000-way outputs, Fashion-MNIST's for ten-way ones, else `class N`.
    public let classNames: [String]
    /// The pattern was asked for (`--pattern`).
    let pattern: Bool
    /// Which weights the network holds, short, for the screen's prediction ("trained", "untrained").
    public var weightsLabel: String?

    /// How many images `index` can pick from: the test set's size for a data set, else nil.
    public var imageCount: Int? {
        if case .dataset(let data, _) = source { return data.count }
        if case .folder(let data, _) = source { return data.count }
        return nil
    }

    /// Whether the network's input is a (crop of a) Fashion-MNIST image.
    public static func takesFashionMNIST(_ input: InputShape) -> Bool {
        takes(input, data: .fashionMNIST(directory: FashionMNIST.defaultDirectory))
    }

    /// Whether the network's input is a (crop of an) image of `data`: as many channels, at most its size.
    public static func takes(_ input: InputShape, data: DataSource) -> Bool {
        let d = data.input
        return input.channels == d.channels && input.height <= d.height && input.width <= d.width
    }

    /// Picks test image `index` for the commands' `--index`. An index past the end used to wrap around silently
    /// (10000 showed image 0), and inputs other than the test set have no index to pick: both are refused.
    public func select(index: Int) throws {
        if let count = imageCount {
            guard (0..<count).contains(index) else {
                let set = if case .folder = source { "the validation images of" } else { "the \(data.name) test set in" }
                throw IndexError(description: "--index \(index) is outside \(set) \(dataDirectory) "
                    + "(\(NumberText.grouped(count)) images); expected 0...\(count - 1)")
            }
            self.index = index
        } else if index != 0 {
            let input: String
            if case .file(let path, _) = source { input = "the image \(path)" }
            else if pattern { input = "the built-in test pattern (--pattern)" }
            else if Self.takes(spec.input, data: data) {
                input = "the built-in test pattern (no \(data.name) test set in \(dataDirectory))"
            } else {
                let d = data.input
                input = "the built-in test pattern (\(spec.name) does not take \(data.name)'s \(d.height)×\(d.width)×\(d.channels) images)"
            }
            throw IndexError(description: "--index \(index) picks a \(data.name) test image, but the input is \(input); expected no --index")
        }
    }

    /// Moves to another test image (only Fashion-MNIST inputs have a next one), wrapping around at either
    /// end; otherwise says why not. The step is reduced modulo the count first, so no step (even Int.max)
    /// overflows.
    @discardableResult
    public func move(by step: Int) -> String? {
        switch source {
        case .dataset(let data, _):
            index = (index + step % data.count + data.count) % data.count
            return nil
        case .folder(let data, _):
            index = (index + step % data.count + data.count) % data.count
            return nil
        case .file(let path, _):
            return "the input is one image file (\((path as NSString).lastPathComponent)): there is no \(step > 0 ? "next" : "previous") image"
        case .pattern:
            return "the input is the built-in test pattern: there is no \(step > 0 ? "next" : "previous") image (give --image FILE)"
        }
    }

    /// The input as the network sees it (N = 1) and a name for it.
    public func current() -> (images: Tensor, name: String) {
        let i = spec.input
        switch source {
        case .file(let path, let image):
            return (image.reshaped([1, i.channels, i.height, i.width]), (path as NSString).lastPathComponent)
        case .dataset(let data, let norm):
            guard let (images, labels) = try? data.batch([index], normalization: norm) else {
                return (Self.pattern(i), "\(data.classSource) test image \(index) did not load; built-in test pattern instead")
            }
            var random: SeededRandom? = nil
            let cropped = Augmentation.crop(Batch(images: images, labels: labels), height: i.height, width: i.width, random: &random)
            return (cropped.images, "\(data.classSource) test image \(index) (\(data.classNames[labels[0]]))")
        case .folder(let data, let norm):
            // A file that no longer decodes shows the pattern and says so, rather than stopping a screen.
            guard let (images, labels) = try? data.batch([index], normalization: norm) else {
                return (Self.pattern(i), "\(data.paths[index]) no longer decodes; built-in test pattern instead")
            }
            var random: SeededRandom? = nil
            let cropped = Augmentation.crop(Batch(images: images, labels: labels), height: i.height, width: i.width, random: &random)
            return (cropped.images, "\((data.paths[index] as NSString).lastPathComponent) (\(data.classNames[labels[0]]), validation image \(index))")
        case .pattern:
            return (Self.pattern(i), "built-in test pattern (rings and stripes; give --image FILE for a photo)")
        }
    }

    /// Concentric rings in the first channel, diagonal stripes in the second, a left-right ramp in the third:
    /// something with edges at several orientations and scales, the same every time.
    public static func pattern(_ i: InputShape) -> Tensor {
        var data = [Float](repeating: 0, count: i.channels * i.height * i.width)
        let (cy, cx) = (Double(i.height) / 2, Double(i.width) / 2)
        for c in 0..<i.channels {
            for y in 0..<i.height {
                for x in 0..<i.width {
                    let (dy, dx) = (Double(y) - cy, Double(x) - cx)
                    let v: Double = switch c % 3 {
                    case 0: sin((dy * dy + dx * dx).squareRoot() / Double(max(i.height, 8)) * 12)
                    case 1: sin(Double(x + y) / Double(max(i.width, 8)) * 10)
                    default: Double(x) / Double(max(i.width - 1, 1)) * 2 - 1
                    }
                    data[(c * i.height + y) * i.width + x] = Float(v)
                }
            }
        }
        return Tensor(shape: [1, i.channels, i.height, i.width], data: data)
    }

    /// Runs `network` (this input's network, with whatever weights it holds) on the current input and keeps
    /// every spatial layer's maps.
    public func featureSet(with network: Network) -> FeatureSet {
        Self.featureSet(with: network, input: current(), classNames: classNames, weightsLabel: weightsLabel)
    }

    /// The same for an input taken earlier: touches nothing of a `FeatureInputs`, so it can run on the thread
    /// that makes the weights.
    public static func featureSet(with network: Network, input: (images: Tensor, name: String), classNames: [String],
                           weightsLabel: String?) -> FeatureSet {
        let (images, name) = input
        let logits = network.forward(images, mode: .eval, keepActivations: true)
        let probabilities = Network.probabilities(logits).data
        var layers: [(name: String, maps: Tensor)] = []
        for layer in network.report.layers where !layer.output.isFlat {
            guard let maps = network.activations[layer.name] else { continue }
            layers.append((layer.name, maps.reshaped([layer.output.channels, layer.output.height, layer.output.width])))
        }
        let display = images.reshaped(Array(images.shape.dropFirst()))
        return FeatureSet(input: display, inputName: name, layers: layers, probabilities: probabilities, classNames: classNames,
                          weights: weightsLabel,
                          explainer: NeuronExplainer(afterForwardOf: network, images: images))
    }
}
