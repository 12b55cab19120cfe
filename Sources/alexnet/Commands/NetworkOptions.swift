import AlexNetCore
import ArgumentParser

/// `--preset NAME | --config FILE`, shared by every command that works on a network.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A built-in network: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            valueName: "name"))
    var preset: String?

    @Option(name: .long, help: ArgumentHelp("A network described in YAML (format in README.md).", valueName: "file"))
    var config: String?

    func validate() throws {
        if preset != nil, config != nil { throw ValidationError("give --preset or --config, not both") }
        if let preset, Preset(rawValue: preset) == nil {
            throw ValidationError("unknown preset '\(preset)'; expected one of: \(Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The chosen network, `fallback` when neither option is given.
    func spec(default fallback: Preset = .alexnet) throws -> NetworkSpec {
        if let config { return try NetworkConfig.load(path: config) }
        return (preset.flatMap(Preset.init(rawValue:)) ?? fallback).spec
    }
}
