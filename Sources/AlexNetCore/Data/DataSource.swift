import Foundation

/// What a `--data DIR` holds, decided in this one place for every command: Fashion-MNIST's IDX files, or a
/// folder of class subfolders of images (torchvision's `ImageFolder` layout, `ImageFolderSplit`).
public enum DataSource: Sendable, Equatable {
    case fashionMNIST(directory: String)
    case imageFolder(root: String)
    /// CIFAR-10's binary batches (`CIFAR10.locate`: in DIR or DIR/cifar-10-batches-bin).
    case cifar10(directory: String)

    /// `resolve`, or Fashion-MNIST when it throws: for views (screens, the features input) that only
    /// need the shape and the class names and let the loader report the problem later.
    public init(directory: String) {
        self = (try? Self.resolve(directory)) ?? .fashionMNIST(directory: directory)
    }

    /// Fashion-MNIST when the directory holds its training or test images (or does not exist, so that its
    /// error, with the install hint for the default directory, is the one shown), a folder of images when it
    /// has subfolders, else an error saying what was expected.
    public static func resolve(_ path: String) throws(DatasetError) -> DataSource {
        if let found = CIFAR10.locate(path) { return .cifar10(directory: found) }
        guard ImageFolderLayout.isDirectory(path) else { return .fashionMNIST(directory: path) }
        let idx = FashionMNIST.Split.allCases.flatMap { [$0.imagesFile, $0.imagesFile + ".gz"] }
        if idx.contains(where: { FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }) {
            return .fashionMNIST(directory: path)
        }
        // Some IDX files but not the images: Fashion-MNIST's loader names the file that is missing.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if names.contains(where: { $0.contains("-idx") }) { return .fashionMNIST(directory: path) }
        guard try !ImageFolderLayout.subdirectories(of: path).isEmpty else {
            throw .malformed(path: path, message: "holds neither Fashion-MNIST's IDX files nor class subfolders of images; "
                + "expected one of them (see docs/own-images.md)")
        }
        return .imageFolder(root: path)
    }

    public var isImageFolder: Bool { if case .imageFolder = self { true } else { false } }
    public var isCIFAR10: Bool { if case .cifar10 = self { true } else { false } }

    /// "Fashion-MNIST", "CIFAR-10", "folder DIR": for headers and messages.
    public var name: String {
        switch self {
        case .fashionMNIST: FashionMNIST.name
        case .cifar10: CIFAR10.name
        case .imageFolder(let root): "folder \(root)"
        }
    }

    /// A preset's network for these images: `figure1` follows the data (28×28×1 or cuda-convnet's
    /// 32×32×3 version); every other preset is what it is.
    public func spec(for preset: Preset) -> NetworkSpec {
        preset == .figure1 ? Preset.figure1Spec(for: self) : preset.spec
    }

    /// The directory it reads.
    public var root: String {
        switch self {
        case .fashionMNIST(let directory): directory
        case .imageFolder(let root): root
        case .cifar10(let directory): directory
        }
    }

    /// The images' shape as a network input (C, H, W); a folder's images are fitted to any input, so it
    /// gives the size they are stored at for AlexNet (3×256×256).
    public var input: InputShape {
        switch self {
        case .fashionMNIST: InputShape(channels: 1, height: FashionMNIST.side, width: FashionMNIST.side)
        case .cifar10: InputShape(channels: CIFAR10.channels, height: CIFAR10.side, width: CIFAR10.side)
        case .imageFolder: InputShape(channels: 3, height: 256, width: 256)
        }
    }

    /// Class names in label order for Fashion-MNIST and CIFAR-10 (a folder's come from its subfolders).
    public var classNames: [String] {
        switch self {
        case .cifar10: CIFAR10.classNames
        case .fashionMNIST, .imageFolder: FashionMNIST.classNames
        }
    }

    /// Same as `root`.
    public var directory: String { root }

    /// How a command wants the data: what the network takes, which part, and the folder's knobs.
    public struct Request: Sendable {
        public var input: InputShape
        public var seed: UInt64 = 1
        public var limit: Int?
        public var testLimit: Int?
        public var validationFraction = ImageFolderSplit.defaultValidationFraction
        public var cacheBytes = ImageFolderData.defaultCacheBytes
        public var skipBad = false
        /// Also load the training set (false: only the test or validation set, as features and neuron need).
        public var wantsTrain = true
        /// Also load the test or validation set (false: only training, as the ReLU-vs-tanh comparison needs).
        public var wantsTest = true
        public init(input: InputShape) { self.input = input }
    }

    /// The loaded sets and what to say about them.
    public struct Loaded: Sendable {
        public var train: (any LabeledImages)?
        /// Fashion-MNIST's test set or the folder's validation set; nil when a hold-out of 0 leaves none.
        public var test: (any LabeledImages)?
        /// Lines for the user: the split, the cache, files skipped or ignored, the load time.
        public var notes: [String] = []
    }

    /// The side a folder's images are stored at for a network input: `Preprocessing`'s resize side (28 for
    /// mini, 256 for AlexNet's 224 and 227), so training crops at random out of it as the paper did.
    public static func storedShape(for input: InputShape) -> InputShape {
        let side = Preprocessing(network: input).resizeSide
        return InputShape(channels: input.channels, height: side, width: side)
    }

    /// Loads the sets `request` asks for; `progress(done, total)` follows a folder's decoding pass.
    public func load(_ request: Request, progress: (Int, Int) -> Void = { _, _ in }) throws(DatasetError) -> Loaded {
        switch self {
        case .fashionMNIST(let directory):
            return Loaded(train: request.wantsTrain ? try FashionMNIST.load(.train, directory: directory, limit: request.limit) : nil,
                          test: request.wantsTest ? try FashionMNIST.load(.test, directory: directory, limit: request.testLimit) : nil)
        case .cifar10(let directory):
            return Loaded(train: request.wantsTrain ? try CIFAR10.load(.train, directory: directory, limit: request.limit) : nil,
                          test: request.wantsTest ? try CIFAR10.load(.test, directory: directory, limit: request.testLimit) : nil)
        case .imageFolder(let root):
            let split = try ImageFolderSplit.read(root, validationFraction: request.validationFraction, seed: request.seed)
            let train = Self.evenly(split.train, keeping: request.limit)
            let validation = request.wantsTest ? Self.evenly(split.validation, keeping: request.testLimit) : []
            let shape = Self.storedShape(for: request.input)
            let wanted = (request.wantsTrain ? train : []) + validation
            let loaded = try ImageFolderData.load(wanted, classNames: split.classNames, classSource: "folder \(root)",
                                                  shape: shape, cacheBytes: request.cacheBytes, skipBad: request.skipBad,
                                                  progress: progress)
            var notes = ["\(root): \(split.classNames.count) classes (\(split.classNames.joined(separator: ", "))), "
                + "\(NumberText.grouped(train.count)) training and \(NumberText.grouped(validation.count)) validation images "
                + "(\(split.how)); decoded to \(shape.height)×\(shape.width)×\(shape.channels) in "
                + "\(NumberText.fixed(loaded.seconds, 1)) s"]
            let data = loaded.data
            if data.streamedCount > 0 {
                notes.append("\(NumberText.grouped(data.cachedCount)) images cached in memory (budget "
                    + "\(NumberText.grouped(request.cacheBytes >> 20)) MiB), \(NumberText.grouped(data.streamedCount)) read from their files each time")
            }
            if !loaded.skipped.isEmpty {
                notes.append("skipped \(loaded.skipped.count) bad \(loaded.skipped.count == 1 ? "file" : "files") (--skip-bad), first: \(loaded.skipped[0])")
            }
            if !split.ignoredFiles.isEmpty {
                notes.append("ignored \(split.ignoredFiles.count) \(split.ignoredFiles.count == 1 ? "file" : "files") without an image extension, "
                    + "first: \(split.ignoredFiles[0])")
            }
            // The one decoding pass covered both sets; split them apart again by the paths that survived.
            let trainPaths = Set(train.map(\.path))
            let trainIndices = data.paths.indices.filter { request.wantsTrain && trainPaths.contains(data.paths[$0]) }
            let valIndices = data.paths.indices.filter { !(request.wantsTrain && trainPaths.contains(data.paths[$0])) }
            let trainSet = request.wantsTrain ? data.subset(trainIndices) : nil
            let valSet = valIndices.isEmpty ? nil : data.subset(valIndices)
            if request.wantsTrain, trainSet?.count ?? 0 < 1 {
                throw .malformed(path: root, message: "no training images are left; expected at least 1")
            }
            return Loaded(train: trainSet, test: valSet, notes: notes)
        }
    }

    /// One split of Fashion-MNIST or CIFAR-10, keeping the first `limit` images (a folder is split by
    /// `load(_ request:)`, which knows the network's input).
    public func load(_ split: ImageDataset.Split, limit: Int? = nil) throws(DatasetError) -> any LabeledImages {
        switch self {
        case .fashionMNIST(let directory): try FashionMNIST.load(split == .train ? .train : .test, directory: directory, limit: limit)
        case .cifar10(let directory): try CIFAR10.load(split, directory: directory, limit: limit)
        case .imageFolder(let root):
            throw .malformed(path: root, message: "is a folder of images; expected Fashion-MNIST or CIFAR-10 here")
        }
    }

    /// `limit` samples spread evenly over the list (so every class keeps a share), or all of them.
    static func evenly(_ samples: [ImageFolderLayout.Sample], keeping limit: Int?) -> [ImageFolderLayout.Sample] {
        guard let limit, limit < samples.count else { return samples }
        return (0..<max(0, limit)).map { samples[$0 * samples.count / limit] }
    }
}
