/// Layer names in the paper's style: conv1…conv5, norm1, pool1, fc6…fc8, relu and drop numbered by
/// the learned layer they belong to.
enum LayerNaming {
    /// Every layer's name: the given one where there is one, otherwise an automatic name numbered like
    /// the paper's Caffe model. Automatic names never repeat and never take a given name, so only names
    /// the user wrote twice can clash.
    static func names(for kinds: [LayerKind], given: [String?]) -> [String] {
        precondition(given.count == kinds.count, "one given name (or nil) per layer")
        var taken = Set(given.compactMap { $0 })
        // Per base name, the first suffix that may still be free: names are only added, so it never moves back,
        // and 10,000 repeats of relu0 cost linear time instead of 10,000²/2 lookups.
        var nextSuffix: [String: Int] = [:]
        return zip(baseNames(for: kinds), given).map { auto, given in
            if let given { return given }
            let name = unique(auto, avoiding: taken, from: &nextSuffix)
            taken.insert(name)
            return name
        }
    }

    /// Names for layers that were given none, numbered like the paper's Caffe model.
    static func autoNames(for kinds: [LayerKind]) -> [String] {
        names(for: kinds, given: kinds.map { _ in nil })
    }

    /// The paper-style name of each layer before repeats are told apart (two pools after conv2: pool2, pool2).
    private static func baseNames(for kinds: [LayerKind]) -> [String] {
        var names: [String] = []
        var learned = 0
        // Two conventions: the paper (Caffe) drops the outputs of fc6 and fc7 (drop6 after relu6),
        // torchvision drops the inputs of its fc layers (drop6 right after flatten, before fc6). A
        // network in torchvision's order has a dropout with no fully connected layer before it.
        let afterLinear = followsLinear(kinds)
        // Whether a learned layer comes after each position (one backward pass instead of a scan per dropout).
        var learnedAfter = [Bool](repeating: false, count: kinds.count + 1)
        for i in kinds.indices.reversed() { learnedAfter[i] = learnedAfter[i + 1] || kinds[i].isLearned }
        let dropsOutputs = !kinds.indices.contains { i in
            guard case .dropout = kinds[i] else { return false }
            return !afterLinear[i]
        }
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
                // The paper's drop6 drops fc6's outputs; torchvision's drop6 feeds fc6.
                if dropsOutputs, afterLinear[i] {
                    names.append("drop\(learned)")
                } else {
                    let feedsLearned = learnedAfter[i + 1]
                    names.append("drop\(feedsLearned ? learned + 1 : learned)")
                }
            case .flatten:
                names.append("flatten")
            case .softmax:
                names.append("prob")
            }
        }
        return names
    }

    /// For each layer, whether the nearest learned (or flatten) layer before it is a fully connected one.
    private static func followsLinear(_ kinds: [LayerKind]) -> [Bool] {
        var out: [Bool] = [], last = false
        for kind in kinds {
            out.append(last)
            switch kind {
            case .linear: last = true
            case .conv, .flatten: last = false
            default: break
            }
        }
        return out
    }

    /// relu1 → tanh1 when the experiment swaps activations.
    static func rename(_ name: String, to activation: Activation) -> String {
        for a in Activation.allCases where name.hasPrefix(a.rawValue) {
            let suffix = name.dropFirst(a.rawValue.count)
            // relu1, and the automatic repeats relu1b, relu0aa: digits, then lowercase letters.
            let digits = suffix.prefix { $0.isASCII && $0.isNumber }
            let letters = suffix.dropFirst(digits.count)
            if !digits.isEmpty, letters.allSatisfy({ ("a"..."z").contains($0) }) { return activation.rawValue + suffix }
        }
        return name
    }

    /// `name`, or, when taken, the first free of name + b, c, … z, aa, ab, … (bijective base 26 from 2),
    /// so two pools after the same learned layer become pool2, pool2b and a 30th relu still gets its own.
    static func unique(_ name: String, avoiding taken: Set<String>, from nextSuffix: inout [String: Int]) -> String {
        guard taken.contains(name) else { return name }
        var k = nextSuffix[name] ?? 2
        while taken.contains(name + letters(k)) { k += 1 }
        nextSuffix[name] = k + 1
        return name + letters(k)
    }

    /// 1 → a, 26 → z, 27 → aa: bijective base 26, so every positive number has its own letters.
    static func letters(_ n: Int) -> String {
        var n = n, out: [Character] = []
        while n > 0 {
            n -= 1
            out.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
            n /= 26
        }
        return String(out.reversed())
    }
}
