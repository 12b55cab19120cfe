import Foundation

/// Folders of images as `--data DIR` (one subfolder per class): valid ones of random PNGs, and folders with a
/// truncated or non-image file, an empty class, a single class or no class folders, read by `train` and
/// `features`. Nothing in the folder may change (every file is an input).
enum FolderCases {
    static let generator = Generator(kind: "folder", count: 24) { random, folder, context, index in
        make(variant: index % 8, random: &random, folder: folder, context: context)
    }

    /// A random small PNG: grey, grey+alpha, RGB or RGBA, 8 bits, 4…40 pixels a side.
    static func png(_ r: inout FuzzRandom) -> [UInt8] {
        PNGWriter.image(width: r.int(4...40), height: r.int(4...40), depth: 8, colorType: r.pick([0, 2, 4, 6]), random: &r)
    }

    static func make(variant: Int, random r: inout FuzzRandom, folder: CaseFolder, context: FuzzContext) -> FuzzCase {
        let dir = folder.file("photos")
        var files: [String] = []
        func classes(_ names: [String], perClass: Int) {
            for name in names { for i in 0..<perClass { files.append(folder.write("photos/\(name)/\(i).png", png(&r))) } }
        }
        let train = ["train", "--preset", "mini", "--data", dir, "--epochs", "1", "--batch", "8", "--threads", "1",
                     "--val-fraction", r.pick(["0", "0.1", "0.5"]), "--cache-mb", r.pick(["1", "64"])]
        func fuzzCase(_ title: String, _ expect: Expectation, _ arguments: [String]) -> FuzzCase {
            FuzzCase(title: "folder: " + title, arguments: arguments, expect: expect, inputs: files, mustName: [dir])
        }
        switch variant {
        case 0:
            classes(["cat", "Dog", "bird"], perClass: r.int(2...5))
            return fuzzCase("three classes of random PNGs", .success, train)
        case 1:
            classes(["a", "b"], perClass: 3)
            let good = png(&r)
            files.append(folder.write("photos/b/cut.png", Array(good.prefix(r.int(0...(good.count - 1))))))
            return fuzzCase("a truncated PNG", .failure, train)
        case 2:
            classes(["a", "b"], perClass: 3)
            files.append(folder.write("photos/a/text.jpg", Array("not a picture".utf8)))
            return fuzzCase("a non-image .jpg, skipped with --skip-bad", .success, train + ["--skip-bad"])
        case 3:
            classes(["a", "b"], perClass: 2)
            files.append(folder.write("photos/b/noise.png", r.bytes(r.int(1...64))))
            return fuzzCase("random bytes in a .png", .failure, train)
        case 4:
            classes(["a"], perClass: 3)
            try? FileManager.default.createDirectory(atPath: folder.file("photos/empty"), withIntermediateDirectories: true)
            return fuzzCase("an empty class folder", .failure, train)
        case 5:
            classes(["only"], perClass: 3)
            return fuzzCase("a single class", .failure, train)
        case 6:
            files.append(folder.write("photos/loose.png", png(&r)))
            return fuzzCase("images without class folders", .failure, train)
        default:
            classes(["a", "b"], perClass: 3)
            return fuzzCase("features on a validation image", .success,
                            ["features", "--preset", "mini", "--data", dir, "--index", String(r.int(0...1))])
        }
    }
}
