import AppRuntime
import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

/// `alexnet predict`: the top classes a network gives each image, with probabilities and logits.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify images (JPEG, PNG, PGM, PPM): top-k labels with probability and logit.",
        discussion: """
            Each image is preprocessed as torchvision's ImageNet evaluation does it: converted to the network's \
            channels, shorter side resized to 256 (antialiased bilinear), centre-cropped to the input size (an \
            image already of that size is used as it is), and normalised with the weights' recorded mean/std, else \
            ImageNet's (colour networks) or Fashion-MNIST's (grey networks).

            Without --preset or --config: mini, with its shipped trained weights unless --untrained or --weights.
            """)

    @OptionGroup var lang: LanguageOption

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var network: NetworkOptions
    @OptionGroup var weights: WeightsOptions
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Images to classify.", valueName: "file"))
    var image: [String] = []
    @Option(help: "How many classes to list per image.") var top: Int = 5
    @Option(help: "table or json.") var format: Format = .table
    @Flag(help: "Also print every logit (the last layer's outputs before softmax).") var logits = false

    func validate() throws {
        guard !image.isEmpty else { throw ValidationError("give at least one --image FILE") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        try CLIError.wrap {
            let (spec, _, net, chosen) = try weights.network(network, default: .mini)
            let outputs = net.report.output.count
            let names = try chosen.classNames(outputs: outputs)
            let preprocessing = Preprocessing(network: spec.input, normalization: ChannelNormalization.policy(
                checkpoint: chosen.normalization, channels: spec.input.channels))
            var results: [Prediction] = []
            for path in image {
                let input = preprocessing.apply(try ImageFile.load(path))
                let batch = input.reshaped([1] + input.shape)
                let out = net.forward(batch, mode: .eval)
                results.append(Prediction(image: path, logits: out.data,
                                          probabilities: Network.probabilities(out).data))
            }
            let k = min(top, outputs)
            switch format {
            case .json:
                print(json(results, spec: spec, weights: chosen, names: names, preprocessing: preprocessing, k: k).text(pretty: true))
            case .table:
                print(table(results, spec: spec, weights: chosen, names: names, preprocessing: preprocessing, k: k), terminator: "")
            }
        }
    }

    struct Prediction {
        var image: String
        var logits: [Float]
        var probabilities: [Float]

        /// Indices of the k largest probabilities, ties by index.
        func top(_ k: Int) -> [Int] {
            Array(probabilities.indices.sorted { probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1 }.prefix(k))
        }
    }

    /// A Float as the shortest decimal that reads back as the same Float (0.485, not 0.48500001430511475).
    static func number(_ value: Float) -> JSONValue {
        .double(Double(String(value)) ?? Double(value))
    }

    func json(_ results: [Prediction], spec: NetworkSpec, weights: WeightsChoice, names: ClassNames,
              preprocessing: Preprocessing, k: Int) -> JSONValue {
        let input = spec.input
        let norm = preprocessing.normalization
        let images: [JSONValue] = results.map { r in
            var fields: [(String, JSONValue)] = [
                ("image", .string(r.image)),
                ("input", .array([.int(input.channels), .int(input.height), .int(input.width)])),
                ("normalization", .object([("mean", .array(norm.mean.map(Self.number))), ("std", .array(norm.std.map(Self.number)))])),
                ("top", .array(r.top(k).map { i in
                    .object([("index", .int(i)), ("label", .string(names[i])),
                             ("probability", Self.number(r.probabilities[i])), ("logit", Self.number(r.logits[i]))])
                })),
            ]
            if logits { fields.append(("logits", .array(r.logits.map(Self.number)))) }
            return .object(fields)
        }
        return .object([("network", .string(spec.name)), ("weights", .string(weights.name)), ("trained", .bool(weights.isTrained)),
                        ("labels", .string(names.source)), ("classes", .array(names.names.map { .string($0) })),
                        ("images", .array(images))])
    }

    func table(_ results: [Prediction], spec: NetworkSpec, weights: WeightsChoice, names: ClassNames,
               preprocessing: Preprocessing, k: Int) -> String {
        let i = spec.input, norm = preprocessing.normalization
        var out = "\(spec.name), weights: \(weights.text)\n"
        out += "labels: \(names.source); input \(i.height)×\(i.width)×\(i.channels); normalisation mean "
            + norm.mean.map { NumberText.fixed(Double($0), 4) }.joined(separator: ",") + " std "
            + norm.std.map { NumberText.fixed(Double($0), 4) }.joined(separator: ",") + "\n"
        // Honest about what the answers can mean: untrained weights rank at random; trained ones only know their classes.
        let caveat = weights.isTrained ? names.knowledge(network: spec.name)
            : "untrained weights: the ranking below means nothing (train, or give --weights FILE)"
        out += TextWrap.wrap(caveat, width: 80).joined(separator: "\n") + "\n"
        let labelWidth = min(40, results.flatMap { r in r.top(k).map { names[$0].count } }.max() ?? 5)
        for r in results {
            out += "\n\(r.image)" + (weights.isTrained ? "" : "  (untrained: a meaningless ranking)") + "\n"
            for (rank, index) in r.top(k).enumerated() {
                let label = names[index]
                let shown = label.count > labelWidth ? String(label.prefix(labelWidth - 1)) + "…" : label
                let pad = String(repeating: " ", count: max(0, labelWidth - shown.count))
                let percent = NumberText.fixed(Double(r.probabilities[index]) * 100, 2) + "%"
                out += "  " + (rank < 9 ? " " : "") + "\(rank + 1). \(shown)\(pad) "
                    + String(repeating: " ", count: max(0, 7 - percent.count)) + percent
                    + "  logit \(NumberText.fixed(Double(r.logits[index]), 4))  (index \(index))\n"
            }
            if logits { out += "  logits: " + r.logits.map { NumberText.fixed(Double($0), 4) }.joined(separator: " ") + "\n" }
        }
        return out
    }
}
