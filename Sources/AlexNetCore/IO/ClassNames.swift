import Foundation

/// Names for a network's outputs: the 1,000 ILSVRC-2012 classes in torchvision's index order (read
/// from the shipped `data/imagenet_classes.txt`, one name a line), Fashion-MNIST's ten, or `class N`.
public struct ClassNames: Sendable, Equatable {
    /// The names written out; empty for `indices`, whose names are made when asked for (a conv-only network with
    /// a 2000×2000 input has four million outputs: building a label for each took seconds and gigabytes).
    public let names: [String]
    /// What the names are, for headers and JSON: `ImageNet (ILSVRC-2012)`, `Fashion-MNIST` or `indices`.
    public let source: String
    /// How many outputs are named.
    public let count: Int

    public init(names: [String], source: String) {
        self.names = names; self.source = source; count = names.count
    }

    private init(count: Int) {
        names = []; source = "indices"; self.count = count
    }

    /// The name of output `index`, or `class N` past the end.
    public subscript(index: Int) -> String {
        names.indices.contains(index) ? names[index] : "class \(index)"
    }

    public static let fashionMNIST = ClassNames(names: FashionMNIST.classNames, source: "Fashion-MNIST")

    /// What a trained network can answer, for the line beside its predictions: it picks one of these classes
    /// for any image, so an image of something else still gets one of them.
    public func knowledge(network: String) -> String {
        if source == "indices" {
            return "\(network)'s \(NumberText.grouped(count)) outputs have no class names (class 0 … class \(count - 1))"
        }
        let list = count <= 20 ? ": " + names.joined(separator: ", ") : ""
        return "\(network) knows only \(source)'s \(NumberText.grouped(count)) classes\(list); "
            + "an image of anything else still gets one of them"
    }

    /// `class 0` … `class N−1`.
    public static func indices(_ count: Int) -> ClassNames {
        ClassNames(count: count)
    }

    /// Reads the ImageNet names file: exactly 1,000 non-empty lines.
    public static func loadImageNet(from path: String) throws(DatasetError) -> ClassNames {
        let text: String
        do { text = String(decoding: try FileBytes.read(path, limit: FileBytes.Limit.text), as: UTF8.self) } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if lines.last == "" { lines.removeLast() }
        if let empty = lines.firstIndex(of: "") {
            throw .malformed(path: path, message: "line \(empty + 1) is empty; expected one class name a line")
        }
        guard lines.count == 1000 else {
            throw .malformed(path: path, message: "has \(lines.count) class names; expected the 1,000 ILSVRC-2012 classes")
        }
        return ClassNames(names: lines, source: "ImageNet (ILSVRC-2012)")
    }

    /// The names for a network with `outputs` classes: Fashion-MNIST's for ten-way outputs, ImageNet's
    /// (when `imageNet` was found) for 1,000-way ones, otherwise indices.
    public static func forOutputs(_ outputs: Int, imageNet: ClassNames?) -> ClassNames {
        if outputs == FashionMNIST.classNames.count { return .fashionMNIST }
        if outputs == 1000, let imageNet { return imageNet }
        return .indices(outputs)
    }
}
