import Foundation

/// A folder's training and validation samples: its own `train/` and `val/` (or `test/`) folders, or a seeded
/// hold-out of `fraction` of each class (stratified, so a small class keeps its share on both sides).
public struct ImageFolderSplit: Sendable, Equatable {
    public var classNames: [String]
    public var train: [ImageFolderLayout.Sample]
    public var validation: [ImageFolderLayout.Sample]
    /// How the split was made, for headers: `train/ and val/` or `seeded hold-out of 10%, seed 1`.
    public var how: String
    /// Files left out by the scans because their extension is not an image's.
    public var ignoredFiles: [String]

    public static let defaultValidationFraction = 0.1
    public static let splitFolders = ["train", "val", "test"]

    /// Reads `root`: when its subfolders are `train` and `val` or `test` (and nothing else), those are the
    /// splits, and the validation classes must be among the training classes (labels follow the training
    /// set's names); otherwise `root` is one class tree, split by `holdOut`.
    public static func read(_ root: String, validationFraction: Double = defaultValidationFraction,
                            seed: UInt64) throws(DatasetError) -> ImageFolderSplit {
        let folders = try ImageFolderLayout.subdirectories(of: root)
        let named = Set(folders)
        if named.contains("train"), named.contains("val") || named.contains("test"), named.isSubset(of: Set(splitFolders)) {
            let held = named.contains("val") ? "val" : "test"
            let train = try ImageFolderLayout.scan((root as NSString).appendingPathComponent("train"))
            let val = try ImageFolderLayout.scan((root as NSString).appendingPathComponent(held), minimumClasses: 1)
            var samples: [ImageFolderLayout.Sample] = []
            for s in val.samples {
                let name = val.classNames[s.label]
                guard let label = train.classNames.firstIndex(of: name) else {
                    throw .malformed(path: (val.root as NSString).appendingPathComponent(name),
                                     message: "class \"\(name)\" is not among train/'s classes (\(train.classNames.joined(separator: ", ")))")
                }
                samples.append(.init(path: s.path, label: label))
            }
            return ImageFolderSplit(classNames: train.classNames, train: train.samples, validation: samples,
                                    how: "train/ and \(held)/", ignoredFiles: train.ignoredFiles + val.ignoredFiles)
        }
        let layout = try ImageFolderLayout.scan(root)
        let (train, validation) = holdOut(layout.samples, classes: layout.classNames.count, fraction: validationFraction, seed: seed)
        let percent = NumberText.fixed(validationFraction * 100, validationFraction * 100 == (validationFraction * 100).rounded() ? 0 : 1)
        return ImageFolderSplit(classNames: layout.classNames, train: train, validation: validation,
                                how: "seeded hold-out of \(percent)% per class, seed \(seed)", ignoredFiles: layout.ignoredFiles)
    }

    /// Per class: round(fraction × n) of its samples, chosen by a permutation seeded by `seed` (at least one
    /// when the fraction is positive and the class has two or more, and never all of them). Both sides keep
    /// the samples' order; the result depends only on the samples, the fraction and the seed.
    public static func holdOut(_ samples: [ImageFolderLayout.Sample], classes: Int, fraction: Double,
                               seed: UInt64) -> (train: [ImageFolderLayout.Sample], validation: [ImageFolderLayout.Sample]) {
        var held = Set<Int>()
        for label in 0..<classes {
            let members = samples.indices.filter { samples[$0].label == label }
            let n = members.count
            guard fraction > 0, n >= 2 else { continue }
            let k = min(n - 1, max(1, Int((Double(n) * fraction).rounded())))
            var random = SeededRandom(seed: seed, stream: "validation split, class \(label)")
            for i in random.permutation(n).prefix(k) { held.insert(members[i]) }
        }
        let train = samples.indices.filter { !held.contains($0) }.map { samples[$0] }
        let validation = samples.indices.filter { held.contains($0) }.map { samples[$0] }
        return (train, validation)
    }
}
