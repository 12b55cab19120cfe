import AppRuntime
import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

/// `alexnet features`: one layer's feature maps for one input, on stdout or as an image file.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Print a layer's feature maps for an input (heatmaps on stdout, or a PNG/PPM) and the prediction.",
        discussion: """
            Without --preset or --config: mini, with its shipped trained weights, on Fashion-MNIST test image \
            --index (the maps of a trained network, and a prediction that means something), as filters shows.
            """)

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions
    @OptionGroup var weights: WeightsOptions
    @Option(help: "An image (JPEG, PNG, PGM, PPM) as input, preprocessed as `predict` does.") var image: String?
    @Option(help: "Which Fashion-MNIST test image, for networks that take them (0...9999 for the full test set).")
    var index: Int = 0
    @Option(help: "Layer whose maps to show (default: the first conv layer).") var layer: String?
    @Option(help: "Write the maps as a slide (title, numbered grid, colour legend): .png, .ppm, .pgm or .svg.") var out: String?
    @Option(help: ArgumentHelp("Fashion-MNIST's IDX files, CIFAR-10's binary files, or a folder of class subfolders (--index picks a validation image).", valueName: "dir"))
    var data: String = FashionMNIST.defaultDirectory
    @Flag(help: "Use the built-in test pattern as the input (the same on every machine), not a Fashion-MNIST image.")
    var pattern = false
    @OptionGroup var scale: MosaicScale

    func validate() throws {
        guard index >= 0 else { throw ValidationError("--index must be 0 or more (0...9999 for the Fashion-MNIST test set), got \(index)") }
    }

    func run() throws {
        try CLIError.wrap {
            let (spec, _, net, chosen) = try weights.network(network, default: .mini, data: DataSource(directory: data)) { _ = try $0.mapLayer(named: layer) }
            let name = try net.report.mapLayer(named: layer)
            let inputs = try FeatureInputs(network: net, imagePath: image, dataDirectory: data,
                                           normalization: chosen.scalarNormalization, channelNormalization: chosen.normalization,
                                           classes: chosen.classes, pattern: pattern)
            try inputs.select(index: index)
            let set = inputs.featureSet(with: net)
            guard let maps = set.layers.first(where: { $0.name == name })?.maps else {
                throw ValidationError("no feature maps for layer '\(name)'; layers with maps: \(set.layers.map(\.name).joined(separator: ", "))")
            }
            let tiles = (0..<maps.shape[0]).map { HeatmapImage.featureMap(maps, channel: $0) }
            let caption = "\(spec.name) \(name): \(maps.shape[0]) maps of \(maps.shape[1])×\(maps.shape[2]) for \(set.inputName)\n"
                + "weights: \(chosen.text)"
            let top = set.top(3).map { "\($0.name) \(NumberText.fixed(Double($0.probability) * 100, 1))%" }.joined(separator: ", ")
            let prediction = "prediction: \(top)" + (chosen.path == nil ? " (untrained weights)" : "")
            try Mosaic.output(tiles, caption: caption + "\n" + prediction, out: out, scale: scale.factor, legend: .sequential,
                              svg: scale.svg) { _ in "" }
        }
    }
}
