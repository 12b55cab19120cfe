import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

/// `alexnet features`: one layer's feature maps for one input, on stdout or as an image file.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Print a layer's feature maps for an input (heatmaps on stdout, or a PNG/PPM) and the prediction.")

    @OptionGroup var network: NetworkOptions
    @Option(help: "Weights (safetensors); default: the untrained initialisation, seed 1.") var weights: String?
    @Option(help: "An image (PNG, PGM, PPM) as input.") var image: String?
    @Option(help: "Which Fashion-MNIST test image, for networks that take them (0...9999 for the full test set).")
    var index: Int = 0
    @Option(help: "Layer whose maps to show (default: the first conv layer).") var layer: String?
    @Option(help: "Write the maps as an image (.png, .ppm or .pgm) instead of printing them.") var out: String?
    @Option(help: "Directory with the Fashion-MNIST IDX files.") var data: String = FashionMNIST.defaultDirectory

    func validate() throws {
        guard index >= 0 else { throw ValidationError("--index must be 0 or more (0...9999 for the Fashion-MNIST test set), got \(index)") }
    }

    /// An --index that picks nothing, found once the input is known.
    struct IndexError: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        try CLIError.wrap {
            let spec = try network.spec(default: .mini)
            let preset = network.config == nil ? Preset(rawValue: network.preset ?? Preset.mini.rawValue) : nil
            let net = try Network(spec: spec, initialization: Initialization.default(for: preset), seed: 1,
                                  memory: network.memory())
            let loaded = try weights.map { try WeightsFile.load($0, into: net) }
            let name = try net.report.mapLayer(named: layer)
            let inputs = try FeatureInputs(network: net, imagePath: image, dataDirectory: data,
                                           normalization: loaded?.normalization)
            // An index past the end used to wrap around silently (10000 showed image 0): refuse it instead.
            if let count = inputs.imageCount {
                guard index < count else {
                    throw IndexError(description: "--index \(index) is outside the Fashion-MNIST test set in \(data) "
                        + "(\(NumberText.grouped(count)) images); expected 0...\(count - 1)")
                }
                inputs.move(by: index)
            } else if index != 0 {
                throw IndexError(description: "--index \(index) picks a Fashion-MNIST test image, but the input is "
                    + (image.map { "the image \($0)" } ?? "the built-in test pattern (\(spec.name) does not take 28×28 grey images)")
                    + "; expected no --index")
            }
            let set = inputs.featureSet()
            guard let maps = set.layers.first(where: { $0.name == name })?.maps else {
                throw ValidationError("no feature maps for layer '\(name)'; layers with maps: \(set.layers.map(\.name).joined(separator: ", "))")
            }
            let tiles = (0..<maps.shape[0]).map { HeatmapImage.featureMap(maps, channel: $0) }
            let caption = "\(spec.name) \(name): \(maps.shape[0]) maps of \(maps.shape[1])×\(maps.shape[2]) for \(set.inputName)"
            let top = set.top(3).map { "\($0.name) \(NumberText.fixed(Double($0.probability) * 100, 1))%" }.joined(separator: ", ")
            let prediction = "prediction: \(top)" + (weights == nil ? " (untrained weights)" : "")
            try Mosaic.output(tiles, caption: caption + "\n" + prediction, out: out, tileSide: 64) { _ in "" }
        }
    }
}
