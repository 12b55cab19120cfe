import AlexNetCore
import Foundation

/// Data that ships in the repository beside the program (`weights/mini.safetensors`,
/// `data/imagenet_classes.txt`), found the way the lessons are: `$ALEXNET_HOME`, then beside or above
/// the executable (a checkout's `.build/…/alexnet`, or `share/alexnet/` of an install prefix), then the
/// working directory, so `make run`, `swift run` and a copied binary run from the checkout all find it.
public enum ShippedFiles {
    public static func locate(_ relative: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["ALEXNET_HOME"], !home.isEmpty {
            return FileManager.default.fileExists(atPath: home + "/" + relative) ? home + "/" + relative : nil
        }
        var candidates: [String] = []
        var dir = (executablePath as NSString).deletingLastPathComponent
        for _ in 0..<6 where !dir.isEmpty && dir != "/" {
            candidates += [dir + "/" + relative, dir + "/share/alexnet/" + relative]
            dir = (dir as NSString).deletingLastPathComponent
        }
        let cwd = FileManager.default.currentDirectoryPath
        candidates.append(cwd + "/" + relative)
        // Under the working directory, say `weights/mini.safetensors`: headers have 80 columns.
        return candidates.first { FileManager.default.fileExists(atPath: $0) }.map { path in
            path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
        }
    }

    /// The running program's path, symlinks resolved (argv[0] may be relative or a link).
    public static var executablePath: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? ""
    }

    /// The 1,000 ImageNet class names, if the data file is found (else outputs are shown as `class N`).
    public static func imageNetClassNames() throws -> ClassNames? {
        guard let path = locate("data/imagenet_classes.txt") else { return nil }
        return try ClassNames.loadImageNet(from: path)
    }

    /// Names for a network's outputs.
    public static func classNames(outputs: Int) throws -> ClassNames {
        ClassNames.forOutputs(outputs, imageNet: outputs == 1000 ? try imageNetClassNames() : nil)
    }
}

/// The trained `mini` checkpoint that ships in `weights/` (made by `make mini-weights`).
public enum ShippedWeights {
    public static let relativePath = "weights/mini.safetensors"

    /// Its path, or nil when it cannot be found.
    public static func mini() -> String? { ShippedFiles.locate(relativePath) }
}
