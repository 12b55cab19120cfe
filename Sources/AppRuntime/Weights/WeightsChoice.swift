import AlexNetCore
import ExplorerUI
import Foundation

/// Which weights a command shows: `--weights FILE`; else, for the `mini` preset, the shipped trained
/// checkpoint (unless `--untrained`); else the untrained initialisation. Says which, for every header.
public struct WeightsChoice {
    public var provenance: WeightProvenance
    /// The file read, if any.
    public var path: String?
    /// Per-channel normalisation recorded in the file, if it has one.
    public var normalization: ChannelNormalization?
    /// The same as one number, when the file records one (what Fashion-MNIST inputs use).
    public var scalarNormalization: PixelNormalization?
    /// The classes the file says its outputs stand for (a run on a folder records its folder names).
    public var classes: ClassNames?

    /// Names for the network's outputs: the file's own, else the convention for the output count
    /// (Fashion-MNIST's ten, ImageNet's 1,000, or indices).
    public func classNames(outputs: Int) throws -> ClassNames {
        if let classes, classes.count == outputs { return classes }
        return try ShippedFiles.classNames(outputs: outputs)
    }

    /// Whether the weights were trained at all (a file of the export script's `--random` weights was not): the
    /// ranking of untrained weights means nothing.
    public var isTrained = false

    /// One line for headers: `checkpoint weights/mini.safetensors, shipped, epoch 3, …` or `untrained, He normal, seed 1`.
    public var text: String { provenance.text }
    /// For JSON: the file, or `untrained`.
    public var name: String { path ?? "untrained" }
    /// Short, beside a prediction: "trained" or "untrained".
    public var label: String { path == nil ? "untrained" : "trained" }

    /// Where the weights come from, decided before any network exists: a file to read, or the seeded
    /// initialisation (which the explorer draws in the background, since nothing about it can fail).
    public enum Source {
        case file(String, shipped: Bool)
        case untrained(WeightsChoice)
    }

    public static func source(weights: String?, untrained: Bool, preset: Preset?, initialization: Initialization,
                       seed: UInt64 = 1) -> Source {
        let how = "\(initialization.name), seed \(seed)"
        if let weights { return .file(weights, shipped: false) }
        guard !untrained, preset == .mini else { return .untrained(WeightsChoice(provenance: .untrained(how))) }
        guard let path = ShippedWeights.mini() else {
            return .untrained(WeightsChoice(provenance: .untrained(how + "; shipped weights/mini.safetensors not found")))
        }
        return .file(path, shipped: true)
    }

    /// The network `spec` with the weights the options pick: read from the file (nothing drawn first), or the
    /// seeded `initialization`.
    public static func network(_ spec: NetworkSpec, weights: String?, untrained: Bool, preset: Preset?,
                        initialization: Initialization, seed: UInt64 = 1,
                        memory: MemoryBudget = MemoryBudget()) throws -> (net: Network, choice: WeightsChoice) {
        switch source(weights: weights, untrained: untrained, preset: preset, initialization: initialization, seed: seed) {
        case .untrained(let choice):
            return (try Network(spec: spec, initialization: initialization, seed: seed, memory: memory), choice)
        case .file(let path, let shipped):
            return try load(path, shipped: shipped, spec: spec, memory: memory)
        }
    }

    /// Weights trained on a folder end in as many outputs as it has classes: the network follows the file.
    public static func spec(_ spec: NetworkSpec, fitting classes: ClassNames?) throws -> NetworkSpec {
        guard let classes, try spec.shapeReport().output.count != classes.count, let resized = spec.withClasses(classes.count) else {
            return spec
        }
        return resized
    }

    /// The same, reading the class names from the weights file at `path`.
    public static func spec(_ spec: NetworkSpec, fittedTo path: String) throws -> NetworkSpec {
        try Self.spec(spec, fitting: CheckpointMetadata.classes(in: try SafetensorsFile.read(from: path).metadata, file: path))
    }

    /// The network `spec` with a checkpoint's weights, and what its metadata says about them. The memory
    /// check comes first, as it does for a drawn network, so a network too large is refused before its file is read.
    public static func load(_ path: String, shipped: Bool, spec: NetworkSpec,
                     memory: MemoryBudget = MemoryBudget()) throws -> (net: Network, choice: WeightsChoice) {
        try memory.check(try spec.shapeReport())
        let file = try SafetensorsFile.read(from: path)
        var tensors: [String: Tensor] = [:]
        for t in file.tensors { tensors[t.name] = t.tensor }
        let classes = try CheckpointMetadata.classes(in: file.metadata, file: path)
        let spec = try Self.spec(spec, fitting: classes)
        let network = try Network(spec: spec, loading: tensors, source: path, memory: memory)
        var detail: [String] = shipped ? ["shipped"] : []
        // Free text from the file: control characters shown as escapes (an epoch of "\e[2J" cleared the screen).
        let text = { (key: String) in file.metadata[key].map(ControlEscapes.escaped) }
        if let source = text("source") { detail.append(source) }  // e.g. the export script's "random: … seed 0"
        if let epoch = text("epoch") { detail.append("epoch \(epoch)") }
        if let accuracy = text("test_accuracy") { detail.append("test accuracy \(accuracy)") }
        else if let accuracy = text("validation_accuracy") { detail.append("validation accuracy \(accuracy)") }
        else if let step = file.metadata["step"], let n = Int(step) { detail.append("step \(NumberText.grouped(n))") }
        let channels = network.spec.input.channels
        let normalization = try ChannelNormalization(metadata: file.metadata, channels: channels, file: path)
        // The same for every channel (this program's checkpoints) also normalises Fashion-MNIST test images.
        return (network, WeightsChoice(provenance: .trained(checkpoint: path, detail: detail.joined(separator: ", ")),
                                       path: path, normalization: normalization, scalarNormalization: normalization?.scalar,
                                       classes: classes, isTrained: !(file.metadata["source"]?.hasPrefix("random") ?? false)))
    }
}
