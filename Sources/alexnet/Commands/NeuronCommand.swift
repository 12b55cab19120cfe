import AppRuntime
import AlexNetCore
import ArgumentParser
import Foundation

/// `alexnet neuron`: the arithmetic of one unit, recomputed from its layer's tensors with the real numbers,
/// beside the value the forward pass produced.
struct NeuronCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neuron",
        abstract: "Explain one unit: its window, receptive field and sum with the real numbers, checked against the forward pass.",
        discussion: """
            Without --preset or --config: mini. The weights are those of explore, filters, features and predict: \
            --weights FILE, else mini's shipped trained weights, else (or with --untrained) the seeded initialisation.
            """)

    @OptionGroup var lang: LanguageOption

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var network: NetworkOptions
    @Option(help: "Weights (safetensors); default: mini's shipped trained weights, else the untrained initialisation, seed 1.")
    var weights: String?
    @Flag(help: "Explain the unit under the untrained initialisation even where trained weights ship (mini).")
    var untrained = false
    @Option(help: "An image (PNG, PGM, PPM) as input.") var image: String?
    @Option(help: "Which Fashion-MNIST test image, for networks that take them.") var index: Int = 0
    @Option(help: "The unit's layer, e.g. conv1, pool1, fc6, prob.") var layer: String
    @Option(help: "The unit's channel (for flat layers: the unit's index).") var channel: Int
    @Option(help: "The unit's row in the layer's output.") var y: Int = 0
    @Option(help: "The unit's column in the layer's output.") var x: Int = 0
    @Option(help: "text or json.") var format: Format = .text
    @Option(help: ArgumentHelp("Fashion-MNIST's IDX files, or a folder of class subfolders (--index picks a validation image).", valueName: "dir"))
    var data: String = FashionMNIST.defaultDirectory
    @Flag(help: "Use the built-in test pattern as the input (the same on every machine), not a Fashion-MNIST image.")
    var pattern = false

    func run() throws {
        try CLIError.wrap {
            let (spec, preset) = try network.chosen(default: .mini)
            let unit = NeuronUnit(layer: layer, channel: channel, y: y, x: x)
            // Checked on the shapes before building anything: a typo costs no forward pass.
            _ = try spec.shapeReport().checkedIndex(of: unit)
            // The same weights as the explorer's neuron inspector and the other commands (`WeightsChoice`).
            let (net, chosen) = try WeightsChoice.network(spec, weights: weights, untrained: untrained, preset: preset,
                                                          initialization: Initialization.default(for: preset),
                                                          memory: network.memory())
            let inputs = try FeatureInputs(network: net, imagePath: image, dataDirectory: data,
                                           normalization: chosen.scalarNormalization, channelNormalization: chosen.normalization,
                                           classes: chosen.classes, pattern: pattern)
            try inputs.select(index: index)
            let (images, name) = inputs.current()
            let explanation = try NeuronExplainer(network: net, images: images).explain(unit)
            switch format {
            case .json:
                print(NeuronReport.json(explanation).text(pretty: true))
            case .text:
                print("\(spec.name), input: \(name)")
                print("weights: \(chosen.text)")
                for line in NeuronReport.lines(explanation, classNames: try chosen.classNames(outputs: net.report.output.count).names) { print(line) }
            }
        }
    }
}
