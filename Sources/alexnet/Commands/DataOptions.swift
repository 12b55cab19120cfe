import AlexNetCore
import ArgumentParser
import ExplorerUI
import Foundation

/// `--data DIR` and a folder's knobs, shared by every command that reads training or test images. What DIR
/// holds (Fashion-MNIST's IDX files or class folders of images) is decided by `DataSource.resolve`.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Fashion-MNIST's IDX files, CIFAR-10's binary files (data_batch_1.bin …), or a folder with one subfolder of images per class (JPEG, PNG, PPM, PGM; optional train/ and val/ or test/ splits; docs/own-images.md).",
                               valueName: "dir"))
    var data: String = FashionMNIST.defaultDirectory
    @Option(name: .customLong("val-fraction"),
            help: "For a folder without train/ and val/: the share of each class held out for validation, by --seed (0...0.9).")
    var valFraction: Double = ImageFolderSplit.defaultValidationFraction
    @Option(name: .customLong("cache-mb"),
            help: "For a folder: MiB of decoded images kept in memory; the rest are decoded again when needed (1...1048576).")
    var cacheMB: Int = ImageFolderData.defaultCacheBytes >> 20
    @Flag(name: .customLong("skip-bad"), help: "For a folder: leave out files that do not decode (and count them) instead of refusing the folder.")
    var skipBad = false

    func validate() throws {
        guard valFraction >= 0, valFraction <= 0.9 else { throw ValidationError("--val-fraction must be in 0...0.9, got \(valFraction)") }
        try OptionRange.check("--cache-mb", cacheMB, 1...(1 << 20))
    }

    func source() throws -> DataSource { try DataSource.resolve(data) }

    /// Loads the sets for a network taking `input`: a folder's decoding pass shows a progress line (on stderr when
    /// `quiet`, so JSON output stays clean), and its notes are printed the same way.
    func load(for input: InputShape, seed: UInt64, limit: Int? = nil, testLimit: Int? = nil, wantsTrain: Bool = true, wantsTest: Bool = true,
              quiet: Bool = false) throws -> (source: DataSource, loaded: DataSource.Loaded) {
        let source = try source()
        var request = DataSource.Request(input: input)
        request.seed = seed; request.limit = limit; request.testLimit = testLimit; request.wantsTrain = wantsTrain; request.wantsTest = wantsTest
        request.validationFraction = valFraction; request.cacheBytes = cacheMB << 20; request.skipBad = skipBad
        var line = ProgressLine()
        let showing = source.isImageFolder && !quiet
        let loaded = try source.load(request) { done, total in
            guard showing else { return }
            line.show("decoding \(data) [\(ProgressLine.bar(Double(done) / Double(max(total, 1)), width: 20))] "
                      + "\(NumberText.grouped(done))/\(NumberText.grouped(total)) images", force: done == total)
        }
        if showing { line.finishLine() }
        // Within 80 columns, a note's continuation indented so that it reads as one.
        for line in loaded.notes.flatMap({ TextWrap.wrap($0, width: 80, proseIndent: 2) }) {
            quiet ? CLIError.printError(line) : print(line)
        }
        return (source, loaded)
    }
}
