import AlexNetCore
import ArgumentParser
import Foundation

/// `alexnet data`: makes a folder of images to train on from Fashion-MNIST.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Write Fashion-MNIST images as a folder of PNGs (one subfolder per class) to train on with --data.",
        discussion: """
            --export-fashion-mnist DIR writes the first --per-class images of each class of the --from split as \
            DIR/<class>/<split>-<index>.png (28×28 grey; "T-shirt/top" becomes the folder T-shirt-top). DIR must be \
            new or empty. Then: alexnet train --data DIR, or alexnet train --data DIR --finetune mini --freeze pool5 \
            (docs/own-images.md).
            """)

    enum Split: String, ExpressibleByArgument, CaseIterable { case train, test }

    @Option(name: .customLong("export-fashion-mnist"), help: ArgumentHelp("The folder to write.", valueName: "dir"))
    var export: String
    @Option(name: .customLong("per-class"), help: "Images per class (1...7000; the test split has 1,000 per class).")
    var perClass: Int = 100
    @Option(help: "Which Fashion-MNIST split to take them from: train or test.") var from: Split = .train
    @Option(name: .customLong("fashion-mnist"), help: ArgumentHelp("Directory with the Fashion-MNIST IDX files.", valueName: "dir"))
    var fashionMNIST: String = FashionMNIST.defaultDirectory

    func validate() throws {
        try OptionRange.check("--per-class", perClass, 1...7_000)
    }

    func run() throws {
        try CLIError.wrap {
            let data = try FashionMNIST.load(from == .train ? .train : .test, directory: fashionMNIST)
            var line = ProgressLine()
            let written = try FashionMNISTExport.write(data, perClass: perClass, to: export) { done, total in
                line.show("writing \(export) [\(ProgressLine.bar(Double(done) / Double(total), width: 20))] \(done)/\(total)", force: done == total)
            }
            line.finishLine()
            print("wrote \(NumberText.grouped(written)) PNGs (28×28 grey) in 10 class folders of \(export), "
                  + "from Fashion-MNIST's \(from.rawValue) split")
        }
    }
}
