/// What a checkpoint records besides tensors, so training can resume and the UI can say what it shows.
public struct CheckpointMetadata: Sendable, Equatable {
    /// The preset or config network name, e.g. `mini`.
    public var network: String
    /// Completed epochs.
    public var epoch: Int
    /// Completed optimizer steps.
    public var step: Int
    public var learningRate: Double
    public var seed: UInt64
    public var activation: Activation
    /// Further string fields kept as they are (e.g. a note, the data normalisation).
    public var extra: [String: String]

    public init(network: String, epoch: Int, step: Int, learningRate: Double, seed: UInt64,
                activation: Activation, extra: [String: String] = [:]) {
        self.network = network; self.epoch = epoch; self.step = step; self.learningRate = learningRate
        self.seed = seed; self.activation = activation; self.extra = extra
    }

    /// Marks a safetensors file as one of ours, with a version for future layout changes.
    static let formatKey = "format"
    static let formatValue = "alexnet-explorer-checkpoint-1"
    private static let knownKeys: Set<String> = [formatKey, "network", "epoch", "step", "learning_rate", "seed", "activation"]

    /// The `__metadata__` strings.
    var fields: [String: String] {
        var out = extra
        out[Self.formatKey] = Self.formatValue
        out["network"] = network
        out["epoch"] = String(epoch)
        out["step"] = String(step)
        // Swift's shortest round-trip form: the value reloads bit for bit.
        out["learning_rate"] = String(learningRate)
        out["seed"] = String(seed)
        out["activation"] = activation.rawValue
        return out
    }

    init(fields: [String: String], file: String) throws(SafetensorsError) {
        func fail(_ message: String) -> SafetensorsError { .invalidContents(file: file, message: message) }
        guard let format = fields[Self.formatKey] else {
            throw fail("not an AlexNet Explorer checkpoint: __metadata__ has no \"\(Self.formatKey)\" (expected \(Self.formatValue))")
        }
        guard format == Self.formatValue else {
            throw fail("checkpoint format \(format) is not supported (expected \(Self.formatValue))")
        }
        func field(_ key: String) throws(SafetensorsError) -> String {
            guard let value = fields[key] else { throw fail("checkpoint metadata lacks \"\(key)\"") }
            return value
        }
        func number<T: LosslessStringConvertible>(_ key: String, _ what: String) throws(SafetensorsError) -> T {
            let text = try field(key)
            guard let value = T(text) else { throw fail("checkpoint metadata \"\(key)\" must be \(what), got \"\(text)\"") }
            return value
        }
        network = try field("network")
        epoch = try number("epoch", "an integer")
        step = try number("step", "an integer")
        learningRate = try number("learning_rate", "a number")
        seed = try number("seed", "an unsigned integer")
        let activationText = try field("activation")
        guard let a = Activation(rawValue: activationText) else {
            throw fail("checkpoint metadata \"activation\" must be one of \(Activation.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(activationText)\"")
        }
        activation = a
        extra = fields.filter { !Self.knownKeys.contains($0.key) }
    }
}
