import AlexNetCore
import ArgumentParser

/// `--preset NAME` takes the presets by name; `--help` lists each with its summary, from the type.
extension Preset: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.summary) })
    }
}

/// `--preset NAME | --config FILE`, shared by every command that works on a network.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A built-in network.", valueName: "name"))
    var preset: Preset?

    @Option(name: .long, help: ArgumentHelp("A network described in YAML (format in docs/networks.md).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("max-memory"),
            help: ArgumentHelp("Refuse a network whose weights and activations would need more than this, e.g. 2GiB or 512MiB (default, and most: the memory this process can have — the machine's, a container's or ulimit -v's).",
                               valueName: "size"))
    var maxMemory: String?

    func validate() throws {
        if let maxMemory {
            guard let bytes = MemoryLimit.bytes(parsing: maxMemory), bytes >= 1 << 20 else {
                let tooBig = MemoryLimit.bytes(parsing: maxMemory) == nil && maxMemory.first?.isNumber == true
                    && !maxMemory.contains("-")
                throw ValidationError(tooBig ? "--max-memory must be below 8EiB (64-bit bytes), got '\(maxMemory)'"
                                             : "--max-memory must be a size of at least 1MiB, such as 512MiB or 2GiB, got '\(maxMemory)'")
            }
        }
        if preset != nil, config != nil { throw ValidationError("give --preset or --config, not both") }
    }

    /// The memory a network may take: `--max-memory`, else the machine's.
    var memoryLimit: MemoryLimit {
        let machine = MemoryLimit.machine
        // --max-memory can lower the limit, never raise it past what the process can have: a run allowed more would
        // only fail later, in the allocator.
        guard let maxMemory, let bytes = MemoryLimit.bytes(parsing: maxMemory), bytes < machine.bytes else { return machine }
        return MemoryLimit(bytes: bytes, source: "--max-memory \(maxMemory)")
    }

    /// What a network built for this command must fit in, at `batch` examples.
    func memory(batch: Int = 1, training: Bool = false) -> MemoryBudget {
        MemoryBudget(batch: batch, training: training, limit: memoryLimit)
    }

    /// The chosen network and the preset it is (nil for a `--config` file, which decides its own
    /// initialisation and has no shipped weights), `fallback` when neither option is given. With `data`,
    /// a preset that follows its data (figure1) is built for those images.
    func chosen(default fallback: Preset, data: DataSource? = nil) throws -> (spec: NetworkSpec, preset: Preset?) {
        if let config { return (try NetworkConfig.load(path: config), nil) }
        let preset = preset ?? fallback
        return (data?.spec(for: preset) ?? preset.spec, preset)
    }

    /// The chosen network, `fallback` when neither option is given.
    func spec(default fallback: Preset = .alexnet) throws -> NetworkSpec {
        try chosen(default: fallback).spec
    }
}
