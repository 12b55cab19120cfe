import Foundation

/// Reads a user network config (YAML) into a `NetworkSpec`. The format is documented in docs/networks.md:
///
///     name: tiny
///     input: [1, 28, 28]          # C, H, W
///     layers:
///       - conv: {out: 32, kernel: 5, stride: 1, padding: 2, groups: 1, bias: 1}
///       - relu
///       - lrn: {size: 5, alpha: 1e-4, beta: 0.75, k: 2}
///       - maxpool: {kernel: 3, stride: 2, rounding: floor}
///       - flatten
///       - dropout: 0.5
///       - linear: 10
///       - softmax
public enum NetworkConfig {
    static let layerWords = ["conv", "relu", "tanh", "sigmoid", "lrn", "maxpool", "dropout", "flatten", "linear", "softmax"]

    /// Loads, parses and checks the shapes of a config, so that every error carries `file:line`.
    public static func load(path: String) throws -> NetworkSpec {
        let reader = YAMLReader(file: path)
        let node = try reader.load(contentsOf: URL(fileURLWithPath: path))
        let spec = try parse(node, reader: reader)
        _ = try spec.shapeReport()
        return spec
    }

    /// Parses YAML text (for tests and lessons); `file` names it in errors.
    public static func parse(text: String, file: String) throws -> NetworkSpec {
        let reader = YAMLReader(file: file)
        let spec = try parse(try reader.compose(text), reader: reader)
        _ = try spec.shapeReport()
        return spec
    }

    static func parse(_ root: YAMLNode, reader r: YAMLReader) throws(ConfigError) -> NetworkSpec {
        let top = try r.mapping(root, what: "the config", allowed: ["name", "input", "layers"])
        func field(_ key: String) -> (keyNode: YAMLNode, value: YAMLNode)? {
            top.first { $0.key == key }.map { ($0.keyNode, $0.value) }
        }
        let name = try field("name").map { f throws(ConfigError) in try r.string(f.value, what: "name") }
            ?? URL(fileURLWithPath: r.file).deletingPathExtension().lastPathComponent
        guard let input = field("input") else {
            throw r.error(root, "missing field 'input': expected input: [channels, height, width]")
        }
        let dims = try r.sequence(input.value, what: "input")
        guard dims.count == 3 else {
            throw r.error(input.value, "input must list 3 numbers [channels, height, width], got \(dims.count)")
        }
        var sizes: [Int] = []
        for d in dims {
            let v = try r.int(d, what: "input size")
            guard v > 0 else { throw r.error(d, "input sizes must be positive, got \(v)") }
            sizes.append(v)
        }
        guard let layersField = field("layers") else {
            throw r.error(root, "missing field 'layers': expected a list of layers")
        }
        let items = try r.sequence(layersField.value, what: "layers")
        guard !items.isEmpty else { throw r.error(layersField.value, "layers is empty: expected at least one layer") }
        var kinds: [(kind: LayerKind, name: String?, line: Int?, bias: Double)] = []
        for item in items {
            let (kind, name, bias) = try layer(item, reader: r)
            kinds.append((kind, name, item.line, bias))
        }
        let names = LayerNaming.names(for: kinds.map(\.kind), given: kinds.map(\.name))
        let layers = zip(kinds, names).map { entry, name in
            LayerSpec(name: name, kind: entry.kind, line: entry.line, initialBias: entry.bias)
        }
        return NetworkSpec(name: name,
                           input: InputShape(channels: sizes[0], height: sizes[1], width: sizes[2]),
                           layers: layers, file: r.file, inputLine: input.value.line)
    }

    /// One list item: a bare word (`relu`), a word with a number (`linear: 10`, `dropout: 0.5`), or a word with
    /// a mapping of fields (`conv: {out: 96, kernel: 11}`), optionally beside `name: conv1`.
    static func layer(_ item: YAMLNode, reader r: YAMLReader) throws(ConfigError) -> (LayerKind, String?, Double) {
        if let s = item.scalar {
            let (kind, bias) = try kind(word: s, args: nil, at: item, reader: r)
            return (kind, nil, bias)
        }
        let pairs = try r.mapping(item, what: "a layer")
        var name: String?
        var found: (String, YAMLNode, YAMLNode)?
        for (key, keyNode, value) in pairs {
            if key == "name" { name = try r.string(value, what: "layer name"); continue }
            if found != nil { throw r.error(keyNode, "one layer per list item: found both '\(found!.0)' and '\(key)'") }
            found = (key, keyNode, value)
        }
        guard let (word, keyNode, value) = found else {
            throw r.error(item, "a layer needs a kind: one of \(layerWords.joined(separator: ", "))")
        }
        let args: YAMLNode? = if let s = value.scalar, s.isEmpty || s == "~" || s == "null" { nil } else { value }
        let (kind, bias) = try kind(word: word, args: args, at: keyNode, reader: r)
        return (kind, name, bias)
    }

    /// The layer's kind, and the value its biases start at under the paper's initialisation (`bias:`,
    /// conv and linear only; 0 when absent).
    static func kind(word: String, args: YAMLNode?, at node: YAMLNode, reader r: YAMLReader) throws(ConfigError) -> (LayerKind, Double) {
        /// Fields of `args` as a dictionary; a single number is accepted for one-field layers.
        func fields(_ allowed: [String], shorthand: String? = nil) throws(ConfigError) -> [String: YAMLNode] {
            guard let args else { return [:] }
            if args.scalar != nil, let shorthand { return [shorthand: args] }
            var out: [String: YAMLNode] = [:]
            for (k, _, v) in try r.mapping(args, what: "\(word) layer", allowed: allowed) { out[k] = v }
            return out
        }
        func required(_ f: [String: YAMLNode], _ key: String) throws(ConfigError) -> Int {
            guard let v = f[key] else { throw r.error(args ?? node, "\(word) layer is missing field '\(key)'") }
            return try r.int(v, what: "\(word) \(key)")
        }
        func optional(_ f: [String: YAMLNode], _ key: String, _ fallback: Int) throws(ConfigError) -> Int {
            guard let v = f[key] else { return fallback }
            return try r.int(v, what: "\(word) \(key)")
        }
        func number(_ f: [String: YAMLNode], _ key: String, _ fallback: Double) throws(ConfigError) -> Double {
            guard let v = f[key] else { return fallback }
            return try r.double(v, what: "\(word) \(key)")
        }
        func bias(_ f: [String: YAMLNode]) throws(ConfigError) -> Double {
            guard let v = f["bias"] else { return 0 }
            return try r.double(v, what: "\(word) bias")   // finite, or an error at its line
        }
        switch word {
        case "conv":
            let f = try fields(["out", "kernel", "stride", "padding", "groups", "bias"])
            return (.conv(ConvSpec(outChannels: try required(f, "out"), kernel: try required(f, "kernel"),
                                  stride: try optional(f, "stride", 1), padding: try optional(f, "padding", 0),
                                  groups: try optional(f, "groups", 1))), try bias(f))
        case "maxpool":
            let f = try fields(["kernel", "stride", "padding", "rounding"])
            var rounding = PoolRounding.floor
            if let v = f["rounding"] {
                let word = try r.string(v, what: "maxpool rounding")
                guard let parsed = PoolRounding(rawValue: word) else {
                    throw r.error(v, "maxpool rounding must be floor or ceil, got '\(word)'")
                }
                rounding = parsed
            }
            return (.maxpool(PoolSpec(kernel: try required(f, "kernel"), stride: try required(f, "stride"),
                                      padding: try optional(f, "padding", 0), rounding: rounding)), 0)
        case "lrn":
            let f = try fields(["size", "alpha", "beta", "k"])
            let p = LRNSpec.paper
            return (.lrn(LRNSpec(size: try optional(f, "size", p.size), alpha: try number(f, "alpha", p.alpha),
                                 beta: try number(f, "beta", p.beta), k: try number(f, "k", p.k))), 0)
        case "dropout":
            let f = try fields(["p"], shorthand: "p")
            return (.dropout(p: try number(f, "p", 0.5)), 0)
        case "linear":
            let f = try fields(["out", "bias"], shorthand: "out")
            return (.linear(out: try required(f, "out")), try bias(f))
        case "relu", "tanh", "sigmoid", "flatten", "softmax":
            if let args { throw r.error(args, "\(word) takes no fields") }
            switch word {
            case "flatten": return (.flatten, 0)
            case "softmax": return (.softmax, 0)
            default: return (.activation(Activation(rawValue: word)!), 0)
            }
        default:
            let hint = suggestion(for: word).map { " (did you mean '\($0)'?)" } ?? ""
            throw r.error(node, "unknown layer kind '\(word)'\(hint); expected one of: \(layerWords.joined(separator: ", "))")
        }
    }

    /// The closest known word within two edits, for typos like `maxpoool`.
    static func suggestion(for word: String) -> String? {
        Spelling.closest(to: word, among: layerWords)
    }
}
