import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

/// `alexnet filters`: a conv layer's filters as heatmaps on stdout, or as an image file, for slides.
struct FiltersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filters",
        abstract: "Print a conv layer's filters as heatmaps (colour half-blocks, or ASCII without colour), or write a PNG/PPM.")

    @OptionGroup var network: NetworkOptions
    @Option(help: "Weights to show (safetensors); default: the untrained initialisation, seed 1.") var weights: String?
    @Option(help: "Conv layer.") var layer: String = "conv1"
    @Option(help: "Write the filters as an image (.png, .ppm or .pgm) instead of printing them.") var out: String?

    func run() throws {
        try CLIError.wrap {
            let spec = try network.spec(default: .alexnet)
            let preset = network.config == nil ? Preset(rawValue: network.preset ?? Preset.alexnet.rawValue) : nil
            let net = try Network(spec: spec, initialization: Initialization.default(for: preset), seed: 1,
                                  memory: network.memory())
            var provenance = "untrained (\(Initialization.default(for: preset).rawValue) initialisation, seed 1)"
            if let weights { provenance = try WeightsFile.load(weights, into: net).provenance.text }
            _ = try net.report.convLayer(named: layer)  // one line naming the conv layers there are, or that there are none
            guard let w = net.convWeights(layer: layer) else {
                let convs = spec.layers.filter { if case .conv = $0.kind { true } else { false } }.map(\.name)
                throw ValidationError("\(spec.name) has no conv layer '\(layer)'; its conv layers are \(convs.joined(separator: ", "))")
            }
            let tiles = (0..<w.shape[0]).map { HeatmapImage.filter(w, index: $0) }
            let caption = "\(spec.name) \(layer): \(w.shape[0]) filters of \(w.shape[2])×\(w.shape[3])×\(w.shape[1]), \(provenance)"
            try Mosaic.output(tiles, caption: caption, out: out, tileSide: 32) { caps in
                (w.shape[1] == 3 ? "RGB, one scale per filter" : "channel 0; blue < 0 < red")
                    + (caps.halfBlocks ? "" : "; ramp \" .:-=+*#%@\" low → high")
            }
        }
    }
}
