import AlexNetCore
@testable import alexnet
@testable import AppRuntime
import ExplorerUI
import Foundation
import Testing

/// Which weights a command shows: a missing, corrupt or mismatched checkpoint is one line naming the
/// file; a valid one is loaded and named in the header with what its metadata says.
@Suite struct WeightsChoiceTests {
    let directory: String = {
        let dir = NSTemporaryDirectory() + "alexnet-weights-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    func network(_ preset: Preset = .mini, seed: UInt64 = 1) throws -> Network {
        try Network(spec: preset.spec, initialization: .he, seed: seed)
    }

    /// The error a load gives, as the one line the commands print.
    func failure(_ path: String, preset: Preset = .mini) throws -> String {
        do {
            _ = try WeightsChoice.network(preset.spec, weights: path, untrained: false, preset: preset, initialization: .he)
        } catch {
            return "\(error)"
        }
        Issue.record("\(path) loaded")
        return ""
    }

    @Test func missingFileIsOneLineNamingIt() throws {
        let path = directory + "/none.safetensors"
        let message = try failure(path)
        #expect(message == "\(path): cannot read: No such file or directory", "\(message)")
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("text", Array("not a checkpoint at all\n".utf8)),
        ("header longer than the file", [0xFF, 0xFF, 0, 0, 0, 0, 0, 0] + Array("{}".utf8)),
        ("header that is not JSON", [5, 0, 0, 0, 0, 0, 0, 0] + Array("{oops".utf8)),
    ])
    func corruptFileIsOneLineNamingIt(_ name: String, _ bytes: [UInt8]) throws {
        let path = directory + "/\(name.replacingOccurrences(of: " ", with: "-")).safetensors"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let message = try failure(path)
        #expect(message.hasPrefix(path + ": "), "\(name): \(message)")
        #expect(!message.contains("\n"), "\(name): \(message)")
    }

    /// Weights of another network: the file and the first tensor that does not fit are named.
    @Test func checkpointOfAnotherNetworkIsRefused() throws {
        let figure1 = try network(.figure1)
        let path = directory + "/figure1.safetensors"
        try SafetensorsFile(tensors: figure1.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }).write(to: path)
        let message = try failure(path, preset: .mini)
        #expect(message.hasPrefix(path + ": missing tensor 'features."), "\(message)")
        #expect(!message.contains("\n"))
    }

    /// One tensor of the wrong shape: named, with both shapes.
    @Test func tensorOfTheWrongShapeIsNamed() throws {
        let source = try network()
        var tensors = source.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }
        let first = tensors[0]
        tensors[0] = NamedTensor(name: first.name, tensor: Tensor(shape: [1] + first.tensor.shape, data: first.tensor.data))
        let path = directory + "/reshaped.safetensors"
        try SafetensorsFile(tensors: tensors).write(to: path)
        #expect(try failure(path) == "\(path): tensor '\(first.name)' has shape \([1] + first.tensor.shape), expected \(first.tensor.shape)")
    }

    /// A valid checkpoint replaces every weight and its metadata reaches the header and the normalisation.
    @Test func validCheckpointIsLoadedAndDescribed() throws {
        let source = try network(seed: 7)
        let path = directory + "/mini-7.safetensors"
        let metadata = ["epoch": "3", "test_accuracy": "0.91", "normalization_mean": "0.286", "normalization_std": "0.353"]
        try SafetensorsFile(tensors: source.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) }, metadata: metadata)
            .write(to: path)
        // Seed 1's draw differs from the file's weights, so equal tensors below come from the file.
        #expect(try network(seed: 1).state.first?.tensor != source.state.first?.tensor)
        let (target, choice) = try WeightsChoice.network(Preset.mini.spec, weights: path, untrained: false, preset: .mini,
                                                         initialization: .he)
        for (a, b) in zip(target.state, source.state) { #expect(a.name == b.name && a.tensor == b.tensor, "\(a.name)") }
        #expect(choice.path == path && choice.label == "trained" && choice.name == path)
        #expect(choice.text == "checkpoint \(path), epoch 3, test accuracy 0.91")
        #expect(choice.scalarNormalization == PixelNormalization(mean: 0.286, std: 0.353))
        #expect(choice.normalization?.mean == [0.286] && choice.normalization?.std == [0.353])
    }

    @Test func unusableNormalizationNamesTheFileAndKey() throws {
        let source = try network()
        let path = directory + "/bad-norm.safetensors"
        try SafetensorsFile(tensors: source.state.map { NamedTensor(name: $0.name, tensor: $0.tensor) },
                            metadata: ["normalization_mean": "0.5", "normalization_std": "0"]).write(to: path)
        #expect(try failure(path) == "\(path): metadata \"normalization_std\" must be positive, got \"0\"")
    }

    @Test func untrainedSaysHowTheWeightsWereDrawn() throws {
        let drawn = try Network(spec: Preset.figure1.spec, initialization: .paper, seed: 4)
        let (net, choice) = try WeightsChoice.network(Preset.figure1.spec, weights: nil, untrained: true, preset: .figure1,
                                                      initialization: .paper, seed: 4)
        #expect(choice.text == "untrained, Gaussian σ = 0.01, seed 4")
        #expect(choice.path == nil && choice.label == "untrained" && choice.name == "untrained")
        #expect(net.state.map(\.tensor) == drawn.state.map(\.tensor))   // the seeded draw, nothing loaded
        // --untrained wins over the shipped mini checkpoint.
        let (miniNet, mini) = try WeightsChoice.network(Preset.mini.spec, weights: nil, untrained: true, preset: .mini,
                                                        initialization: .he)
        #expect(mini.text == "untrained, He normal, seed 1")
        #expect(miniNet.state.map(\.tensor) == (try network()).state.map(\.tensor))
    }
}
