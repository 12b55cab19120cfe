import Foundation
import Testing
@testable import AlexNetCore

/// Fine-tuning and training from a folder, end to end on generated images.
@Suite struct FineTuningTests {
    /// Three classes anyone can tell apart: horizontal stripes, vertical stripes and a bright disk, each at a
    /// random phase or place with noise, 28×28 grey PNGs, `perClass` of each.
    static func patternFolder(_ dir: TemporaryDirectory, perClass: Int) throws {
        var random = SeededRandom(seed: 42)
        for (c, name) in ["disk", "horizontal", "vertical"].enumerated() {
            try FileManager.default.createDirectory(atPath: dir.file(name), withIntermediateDirectories: true)
            for i in 0..<perClass {
                var image = Tensor(zeros: [1, 28, 28])
                let phase = random.below(6), cy = 6 + random.below(16), cx = 6 + random.below(16)
                for y in 0..<28 {
                    for x in 0..<28 {
                        let v: Float = switch c {
                        case 0: (y - cy) * (y - cy) + (x - cx) * (x - cx) < 25 ? 0.9 : 0.1
                        case 1: (y + phase) % 6 < 3 ? 0.9 : 0.1
                        default: (x + phase) % 6 < 3 ? 0.9 : 0.1
                        }
                        image.data[y * 28 + x] = min(1, max(0, v + Float(random.uniform() - 0.5) * 0.2))
                    }
                }
                try ImageFile.save(image, to: dir.file("\(name)/\(i).png"))
            }
        }
    }

    static func load(_ root: String, fraction: Double = 0.25) throws -> (train: ImageFolderData, validation: ImageFolderData) {
        var request = DataSource.Request(input: Preset.mini.spec.input)
        request.validationFraction = fraction
        let loaded = try DataSource.imageFolder(root: root).load(request)
        return (try #require(loaded.train as? ImageFolderData), try #require(loaded.test as? ImageFolderData))
    }

    /// A checkpoint trained on the folder, reloaded as `predict` loads weights, classifies the folder's own
    /// validation images from their files (decoded, fitted and normalised as `predict` does) far above chance.
    @Test func aCheckpointTrainedFromAFolderPredictsItsValidationImages() throws {
        let dir = TemporaryDirectory()
        try Self.patternFolder(dir, perClass: 24)
        let (train, validation) = try Self.load(dir.path)
        #expect(train.classNames == ["disk", "horizontal", "vertical"] && validation.count == 18)
        let spec = try #require(Preset.mini.spec.withClasses(3))
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        let run = try TrainingRun(network: net, train: train, test: validation,
                                  options: TrainingOptions(epochs: 8, batchSize: 16, learningRate: 0.02, seed: 1))
        while !run.isFinished { _ = try run.step() }
        let path = dir.file("folder.safetensors")
        try run.checkpoint(activation: .relu).save(to: path)

        let saved = try Checkpoint.load(from: path)
        #expect(saved.metadata.classes == ClassNames(names: ["disk", "horizontal", "vertical"], source: "folder \(dir.path)"))
        let norm = try #require(saved.metadata.normalization)
        let reloaded = try Network(spec: spec, loading: Dictionary(uniqueKeysWithValues: saved.weights.map { ($0.name, $0.tensor) }),
                                   source: path)
        let preprocessing = Preprocessing(network: spec.input, normalization: norm)
        var correct = 0
        for (file, label) in zip(validation.paths, validation.labels) {
            let input = preprocessing.apply(try ImageFile.load(file))
            let logits = reloaded.forward(input.reshaped([1] + input.shape), mode: .eval).data
            if logits.indices.max(by: { logits[$0] < logits[$1] }) == label { correct += 1 }
        }
        let accuracy = Double(correct) / Double(validation.count)
        // Chance is 1/3; the margin asked for is 30 points (here it reaches 100% in 8 epochs).
        #expect(accuracy >= 1.0 / 3 + 0.30, "validation accuracy \(accuracy)")
    }

    /// `--freeze pool5` after `--finetune`: the kept conv layers stay bit for bit as the file has them, the
    /// classifier learns, and the last layer starts from fresh weights for the folder's classes.
    @Test func fineTuningChangesOnlyTheLayersAfterTheFrozenOne() throws {
        let dir = TemporaryDirectory()
        try Self.patternFolder(dir, perClass: 8)
        let (train, validation) = try Self.load(dir.path)
        // The source: a 10-class mini (as shipped), seeded and saved.
        let source = try Network(spec: Preset.mini.spec, initialization: .he, seed: 5)
        let path = dir.file("source.safetensors")
        var metadata = CheckpointMetadata(network: "mini", epoch: 1, step: 1, learningRate: 0.01, seed: 5, activation: .relu,
                                          normalization: ChannelNormalization(mean: [0.25], std: [0.5]))
        metadata.classes = .fashionMNIST
        try Checkpoint(tensors: source.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }, metadata: metadata).save(to: path)

        let spec = try #require(Preset.mini.spec.withClasses(3))
        func fineTuned(freeze: String?) throws -> (Network, FineTuning.Start, TrainingRun) {
            let net = try Network(spec: spec, initialization: .he, seed: 1)
            let start = try FineTuning.start(net, from: try SafetensorsFile.read(from: path), path: path)
            if let freeze { try net.freeze(through: freeze) }
            let run = try TrainingRun(network: net, train: train, test: validation,
                                      options: TrainingOptions(epochs: 2, batchSize: 8, seed: 1), normalization: start.normalization)
            #expect(run.normalization == ChannelNormalization(mean: [0.25], std: [0.5]), "the file's normalisation is kept")
            while !run.isFinished { _ = try run.step() }
            return (net, start, run)
        }
        let (frozen, start, run) = try fineTuned(freeze: "pool5")
        // The checkpoint says what a resumed run and predict need: the frozen layer, the classes, the normalisation.
        let written = run.checkpoint(activation: .relu).metadata
        #expect(written.frozenThrough == "pool5" && written.classes?.names == ["disk", "horizontal", "vertical"])
        #expect(written.normalization == ChannelNormalization(mean: [0.25], std: [0.5]))
        #expect(start.redrawn == "fc8" && start.previousClasses == .fashionMNIST)
        #expect(start.kept.count == source.parameters.count - 2)
        let before = Dictionary(uniqueKeysWithValues: source.state.map { ($0.name, $0.tensor) })
        for p in frozen.parameters {
            if p.name.hasPrefix("features.") {
                #expect(p.value.data == before[p.name]!.data, "\(p.name) is frozen: bitwise equal")
            } else if p.name != "classifier.6.weight", p.name != "classifier.6.bias" {
                #expect(p.value.data != before[p.name]!.data, "\(p.name) is trained")
            }
        }
        #expect(frozen.parameter(named: "classifier.6.weight")!.value.shape == [3, 256])
        // Without --freeze every layer learns, conv1 included.
        let (free, _, _) = try fineTuned(freeze: nil)
        #expect(free.parameter(named: "features.0.weight")!.value.data != before["features.0.weight"]!.data)
        // A frozen layer that is not there, or one that leaves nothing to train, is refused.
        let net = try Network(spec: spec, initialization: .he, seed: 1)
        #expect(throws: WeightsError.self) { try net.freeze(through: "pool9") }
        #expect(throws: WeightsError.self) { try net.freeze(through: "fc8") }
    }

    /// A file of another network is refused naming the tensor, before anything trains.
    @Test func fineTuningFromAnotherNetworkIsRefused() throws {
        let dir = TemporaryDirectory()
        let figure1 = try Network(spec: Preset.figure1.spec, initialization: .he, seed: 1)
        let path = dir.file("figure1.safetensors")
        try SafetensorsFile(tensors: figure1.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }).write(to: path)
        let net = try Network(spec: Preset.mini.spec.withClasses(3)!, initialization: .he, seed: 1)
        #expect(throws: WeightsError.self) { try FineTuning.start(net, from: try SafetensorsFile.read(from: path), path: path) }
    }
}
