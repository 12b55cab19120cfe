import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

/// `alexnet filters`: a conv layer's filters as heatmaps on stdout, or as an image file, for slides.
struct FiltersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filters",
        abstract: "Print a conv layer's filters as heatmaps (colour half-blocks, or ASCII without colour), or write a PNG/PPM.",
        discussion: """
            Without --preset or --config: mini, with its shipped trained weights (filters that learned \
            something), as features shows. Filters are numbered from 0, as the explorer and PyTorch number them.
            """)

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions
    @OptionGroup var weights: WeightsOptions
    @Option(help: "Conv layer.") var layer: String = "conv1"
    @Option(help: "Write the filters as a slide (title, numbered grid, colour legend): .png, .ppm, .pgm or .svg.") var out: String?
    @OptionGroup var scale: MosaicScale
    @Option(help: ArgumentHelp("For a layer reading 3 channels: show this input channel (0 = R, 1 = G, 2 = B) on a diverging scale instead of one RGB patch per filter.", valueName: "c"))
    var channel: Int?

    func run() throws {
        try CLIError.wrap {
            // One line naming the conv layers there are, or that there are none, before any weight is made.
            let (spec, _, net, chosen) = try weights.network(network, default: .mini) { _ = try $0.convLayer(named: layer) }
            let provenance = chosen.text
            guard let w = net.convWeights(layer: layer) else {
                let convs = spec.layers.filter { if case .conv = $0.kind { true } else { false } }.map(\.name)
                throw ValidationError("\(spec.name) has no conv layer '\(layer)'; its conv layers are \(convs.joined(separator: ", "))")
            }
            if let channel, !(0..<w.shape[1]).contains(channel) {
                throw ValidationError("--channel must be in 0…\(w.shape[1] - 1): \(layer)'s filters read \(w.shape[1]) channels")
            }
            // Three input channels: one RGB patch per filter, each on its own scale (the paper's Figure 3).
            let rgb = w.shape[1] == 3 && channel == nil
            let tiles = (0..<w.shape[0]).map { HeatmapImage.filter(w, index: $0, channel: channel ?? 0, rgb: rgb) }
            let caption = "\(spec.name) \(layer): \(w.shape[0]) filters of \(w.shape[2])×\(w.shape[3])×\(w.shape[1]), \(provenance)"
            try Mosaic.output(tiles, caption: caption, out: out, scale: scale.factor, legend: rgb ? .rgb : .diverging,
                              svg: scale.svg) { caps in
                (rgb ? "RGB, one scale per filter (min → black, max → full colour)" : "channel \(channel ?? 0); blue < 0 < red")
                    + (caps.halfBlocks ? "" : "; ramp \" .:-=+*#%@\" low → high")
            }
        }
    }
}
