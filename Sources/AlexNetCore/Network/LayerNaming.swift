/// Layer names in the paper's style: conv1…conv5, norm1, pool1, fc6…fc8, relu and drop numbered by
/// the learned layer they belong to.
enum LayerNaming {
    /// Names for layers that were given none, numbered like the paper's Caffe model.
    static func autoNames(for kinds: [LayerKind]) -> [String] {
        var names: [String] = []
        var learned = 0
        for (i, kind) in kinds.enumerated() {
            switch kind {
            case .conv:
                learned += 1; names.append("conv\(learned)")
            case .linear:
                learned += 1; names.append("fc\(learned)")
            case .activation(let a):
                names.append("\(a.rawValue)\(learned)")
            case .lrn:
                names.append("norm\(learned)")
            case .maxpool:
                names.append("pool\(learned)")
            case .dropout:
                // torchvision puts dropout before fc6 and fc7: name it after the layer it feeds.
                let feedsLearned = kinds[(i + 1)...].contains { $0.isLearned }
                names.append("drop\(feedsLearned ? learned + 1 : learned)")
            case .flatten:
                names.append("flatten")
            case .softmax:
                names.append("prob")
            }
        }
        return disambiguated(names)
    }

    /// relu1 → tanh1 when the experiment swaps activations.
    static func rename(_ name: String, to activation: Activation) -> String {
        for a in Activation.allCases where name.hasPrefix(a.rawValue) {
            let suffix = name.dropFirst(a.rawValue.count)
            if suffix.allSatisfy(\.isNumber) { return activation.rawValue + suffix }
        }
        return name
    }

    /// Two pools after the same learned layer become pool2, pool2b.
    private static func disambiguated(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            let n = seen[name, default: 0]
            seen[name] = n + 1
            guard n > 0 else { return name }
            return name + String(UnicodeScalar(UInt8(97 + min(n, 25))))
        }
    }
}
