import AppRuntime
import AlexNetCore
import ArgumentParser

/// `--weights FILE | --untrained`, shared by the commands that show what a network computes
/// (filters, features, predict), and the network they build with the weights `WeightsChoice` picks (the
/// file's, or the preset's initialisation at seed 1).
struct WeightsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Weights (safetensors): a checkpoint, or torchvision's alexnet from scripts/export_torchvision_alexnet.py; default: the shipped trained weights for mini, else the untrained initialisation, seed 1.", valueName: "file"))
    var weights: String?
    @Flag(help: "Use the untrained initialisation (seed 1) even where trained weights ship (mini).") var untrained = false

    func validate() throws {
        if untrained, weights != nil { throw ValidationError("give --weights or --untrained, not both") }
    }

    /// The network `options` choose (`fallback` without --preset or --config), built and loaded. `check` sees
    /// the shapes first: a network with nothing to show is refused before gigabytes of weights are made.
    func network(_ options: NetworkOptions, default fallback: Preset, data: DataSource? = nil, check: (ShapeReport) throws -> Void = { _ in })
        throws -> (spec: NetworkSpec, preset: Preset?, net: Network, weights: WeightsChoice) {
        let (spec, preset) = try options.chosen(default: fallback, data: data)
        try check(try spec.shapeReport())
        let (net, chosen) = try WeightsChoice.network(spec, weights: weights, untrained: untrained, preset: preset,
                                                      initialization: Initialization.default(for: preset),
                                                      memory: options.memory())
        // The file may have resized the last layer (weights trained on a folder's classes).
        return (net.spec, preset, net, chosen)
    }
}
