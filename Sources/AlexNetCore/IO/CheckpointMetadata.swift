import Foundation

/// What a checkpoint records besides tensors, so training can resume and the UI can say what it shows.
public struct CheckpointMetadata: Sendable, Equatable {
    /// The preset or config network name, e.g. `mini`.
    public var network: String
    /// Completed epochs.
    public var epoch: Int
    /// Completed optimizer steps.
    public var step: Int
    /// Steps completed within the current (unfinished) epoch; nil in checkpoints written before it was recorded.
    public var epochStep: Int?
    /// The batch size and the number of training images of the run that wrote the checkpoint: with them a
    /// resumed run can tell whether `epochStep` still points at the same place in an epoch.
    public var batchSize: Int?
    public var trainImages: Int?
    public var learningRate: Double
    public var seed: UInt64
    public var activation: Activation
    /// The pixel normalisation the run trained with (`normalization_mean` / `normalization_std`: one number, or
    /// one per channel separated by commas), which test images and user images must get too; nil in files that
    /// do not record it.
    public var normalization: ChannelNormalization?
    /// The classes the outputs stand for, in output order (`class_names`, a JSON array, and `class_source`);
    /// nil in files that do not record them.
    public var classes: ClassNames?
    /// A fine-tuning run's `--freeze` layer: it and every layer before it are not trained.
    public var frozenThrough: String?
    /// The learning-rate schedule of the run; nil in checkpoints written before it was recorded.
    public var schedule: LearningRateSchedule?
    /// The `plateau` rule's best test error so far (nil before the first) and the epochs it has waited since.
    public var plateauBest: Double?
    public var plateauWaited: Int?
    /// The random streams where the run stopped; nil in checkpoints written before they were recorded.
    public var random: RandomStates?
    /// Further string fields kept as they are (e.g. a note).
    public var extra: [String: String]

    /// The states of a run's random streams (crops and flips; each dropout layer's masks), so that a resumed
    /// run draws exactly what the uninterrupted run would have drawn.
    public struct RandomStates: Sendable, Equatable {
        public var augment: UInt64
        /// By dropout layer name.
        public var dropout: [String: UInt64]
        public init(augment: UInt64, dropout: [String: UInt64]) { self.augment = augment; self.dropout = dropout }
    }

    public init(network: String, epoch: Int, step: Int, learningRate: Double, seed: UInt64,
                activation: Activation, epochStep: Int? = nil, batchSize: Int? = nil, trainImages: Int? = nil,
                normalization: ChannelNormalization? = nil, extra: [String: String] = [:]) {
        self.network = network; self.epoch = epoch; self.step = step; self.learningRate = learningRate
        self.seed = seed; self.activation = activation; self.extra = extra
        self.epochStep = epochStep; self.batchSize = batchSize; self.trainImages = trainImages
        self.normalization = normalization
    }

    /// Ranges a loaded checkpoint must respect. A value outside them cannot come from a real run and would
    /// make a resumed run loop forever (epoch Int.min), train nothing (epoch Int.max) or overflow the
    /// step counter.
    public static let epochRange = 0...TrainingOptions.epochRange.upperBound
    public static let stepRange = 0...1_000_000_000_000
    public static let batchSizeRange = TrainingOptions.batchSizeRange
    public static let trainImagesRange = 1...(1 << 40)

    /// The pixel normalisation recorded in `normalization_mean` / `normalization_std` (nil when either is
    /// absent), checked: both finite and the std positive, else every input would become NaN or ±inf.
    public static func normalization(in fields: [String: String], file: String) throws(SafetensorsError) -> ChannelNormalization? {
        func values(_ key: String) throws(SafetensorsError) -> [Float]? {
            guard let text = fields[key] else { return nil }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Float($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.allSatisfy({ $0 != nil && $0!.isFinite && (key != "normalization_std" || $0! > 0) }) else {
                let expected = key == "normalization_std" ? "positive finite numbers" : "finite numbers"
                throw .invalidContents(file: file, message: "checkpoint metadata \"\(key)\" must be \(expected) (one, or one per channel "
                    + "separated by commas), got \"\(text)\"")
            }
            return parts.map { $0! }
        }
        let mean = try values("normalization_mean"), std = try values("normalization_std")
        guard let mean, let std else { return nil }
        guard mean.count == std.count else {
            throw .invalidContents(file: file, message: "checkpoint metadata has \(mean.count) normalisation means but \(std.count) stds; expected as many of each")
        }
        return ChannelNormalization(mean: mean, std: std)
    }

    /// The class names recorded in `class_names` (a JSON array of strings) and `class_source`; nil when absent.
    public static func classes(in fields: [String: String], file: String) throws(SafetensorsError) -> ClassNames? {
        guard let text = fields[classNamesKey] else { return nil }
        guard let data = text.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [String],
              !array.isEmpty, array.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidContents(file: file, message: "checkpoint metadata \"\(classNamesKey)\" must be a JSON array of non-empty strings, "
                + "got \"\(text.prefix(60))\"")
        }
        return ClassNames(names: array, source: fields[classSourceKey] ?? "checkpoint")
    }

    static let classNamesKey = "class_names"
    static let classSourceKey = "class_source"

    /// A JSON array of strings, for `class_names`.
    static func jsonArray(_ names: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: names, options: [.withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Marks a safetensors file as one of ours, with a version for future layout changes.
    static let formatKey = "format"
    static let formatValue = "alexnet-explorer-checkpoint-1"
    private static let knownKeys: Set<String> = [formatKey, "network", "epoch", "step", "learning_rate", "seed", "activation",
                                                 "epoch_step", "batch_size", "train_images", "lr_schedule", "plateau_best",
                                                 "plateau_waited", augmentKey,
                                                 "normalization_mean", "normalization_std", classNamesKey, classSourceKey,
                                                 "frozen_through"]
    /// `random.augment` holds the crop-and-flip stream, `random.dropout.<layer>` each dropout layer's; decimal
    /// UInt64 states.
    static let augmentKey = "random.augment"
    static let dropoutKeyPrefix = "random.dropout."

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
        if let epochStep { out["epoch_step"] = String(epochStep) }
        if let batchSize { out["batch_size"] = String(batchSize) }
        if let trainImages { out["train_images"] = String(trainImages) }
        if let normalization {
            // Shortest round-trip form, as the learning rate; one number when every channel has the same (a grey
            // network's: the form older versions read), else one per channel separated by commas.
            if let scalar = normalization.scalar {
                out["normalization_mean"] = String(scalar.mean)
                out["normalization_std"] = String(scalar.std)
            } else {
                out.merge(normalization.metadataFields) { $1 }
            }
        }
        if let classes {
            out[Self.classNamesKey] = Self.jsonArray(classes.names)
            out[Self.classSourceKey] = classes.source
        }
        if let frozenThrough { out["frozen_through"] = frozenThrough }
        if let schedule { out["lr_schedule"] = schedule.rawValue }
        if let plateauBest { out["plateau_best"] = String(plateauBest) }
        if let plateauWaited { out["plateau_waited"] = String(plateauWaited) }
        if let random {
            out[Self.augmentKey] = String(random.augment)
            for (layer, state) in random.dropout { out[Self.dropoutKeyPrefix + layer] = String(state) }
        }
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
        func integer(_ key: String, in range: ClosedRange<Int>) throws(SafetensorsError) -> Int {
            let value: Int = try number(key, "an integer")
            guard range.contains(value) else {
                throw fail("checkpoint metadata \"\(key)\" must be an integer in \(range.lowerBound)...\(range.upperBound), got \(value)")
            }
            return value
        }
        func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(SafetensorsError) -> Int? {
            fields[key] == nil ? nil : try integer(key, in: range)
        }
        network = try field("network")
        epoch = try integer("epoch", in: Self.epochRange)
        step = try integer("step", in: Self.stepRange)
        guard step >= epoch else {
            throw fail("checkpoint metadata \"step\" \(step) is less than \"epoch\" \(epoch); expected at least one step per completed epoch")
        }
        epochStep = try optionalInteger("epoch_step", in: 0...step)
        batchSize = try optionalInteger("batch_size", in: Self.batchSizeRange)
        trainImages = try optionalInteger("train_images", in: Self.trainImagesRange)
        learningRate = try number("learning_rate", "a number")
        // The same rule as the command line's --lr: SGD with a rate ≤ 0, NaN or ±inf trains nothing sensible.
        guard learningRate > 0, learningRate.isFinite else {
            throw fail("checkpoint metadata \"learning_rate\" must be a positive finite number, got \"\(fields["learning_rate"] ?? "")\"")
        }
        seed = try number("seed", "an unsigned integer")
        normalization = try Self.normalization(in: fields, file: file)
        classes = try Self.classes(in: fields, file: file)
        frozenThrough = fields["frozen_through"]
        let activationText = try field("activation")
        guard let a = Activation(rawValue: activationText) else {
            throw fail("checkpoint metadata \"activation\" must be one of \(Activation.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(activationText)\"")
        }
        activation = a
        if let text = fields["lr_schedule"] {
            guard let value = LearningRateSchedule(rawValue: text) else {
                throw fail("checkpoint metadata \"lr_schedule\" must be one of "
                    + "\(LearningRateSchedule.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
            }
            schedule = value
        }
        if let text = fields["plateau_best"] {
            // An error rate: a fraction of the test images.
            guard let value = Double(text), value >= 0, value <= 1 else {
                throw fail("checkpoint metadata \"plateau_best\" must be an error rate in 0...1, got \"\(text)\"")
            }
            plateauBest = value
        }
        plateauWaited = try optionalInteger("plateau_waited", in: Self.epochRange)
        func state(_ key: String) throws(SafetensorsError) -> UInt64 {
            let text = fields[key] ?? ""
            guard let value = UInt64(text) else {
                throw fail("checkpoint metadata \"\(key)\" must be a random-generator state (an integer in 0...\(UInt64.max)), got \"\(text)\"")
            }
            return value
        }
        let dropoutKeys = fields.keys.filter { $0.hasPrefix(Self.dropoutKeyPrefix) }.sorted()
        if fields[Self.augmentKey] != nil || !dropoutKeys.isEmpty {
            guard fields[Self.augmentKey] != nil else {
                throw fail("checkpoint metadata has \"\(dropoutKeys[0])\" but lacks \"\(Self.augmentKey)\"; expected both or neither")
            }
            var dropout: [String: UInt64] = [:]
            for key in dropoutKeys { dropout[String(key.dropFirst(Self.dropoutKeyPrefix.count))] = try state(key) }
            random = RandomStates(augment: try state(Self.augmentKey), dropout: dropout)
        }
        extra = fields.filter { !Self.knownKeys.contains($0.key) && !$0.key.hasPrefix(Self.dropoutKeyPrefix) }
    }
}
