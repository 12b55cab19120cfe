import Foundation
import Testing
@testable import AlexNetCore

/// Folders of images as data: the layout torchvision's `ImageFolder` reads, decoding, splits and bad files.
/// Every folder is generated here; the expected orders are worked out by hand from torchvision's rules
/// (`sorted(os.scandir)` for classes, `sorted(os.walk(...))` then `sorted(fnames)` for files).
@Suite struct ImageFolderTests {
    /// A `side`×`side` grey image of one value.
    static func grey(_ value: Float, side: Int = 8) -> Tensor { Tensor(repeating: value, shape: [1, side, side]) }

    static func make(_ dir: TemporaryDirectory, _ relative: String, _ image: Tensor = grey(0.5)) throws {
        let path = dir.file(relative)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try ImageFile.save(image, to: path)
    }

    @Test func classOrderAndNamesAreImageFolders() throws {
        let dir = TemporaryDirectory()
        // Python sorts by code point: upper case before "_" before lower case, "Z10" before "z2", "é" last.
        for name in ["b", "A", "a", "_x", "Z10", "z2", "é"] { try Self.make(dir, "\(name)/1.png") }
        let layout = try ImageFolderLayout.scan(dir.path)
        #expect(layout.classNames == ["A", "Z10", "_x", "a", "b", "z2", "é"])
        #expect(layout.samples.map(\.label) == Array(0..<7))
    }

    @Test func filesFollowSortedWalkOrder() throws {
        let dir = TemporaryDirectory()
        for file in ["a/2.png", "a/10.png", "a/b/1.png", "a/b c/1.png", "a/b/x/1.png", "b/1.PNG", "b/z.jpeg"] {
            if file.hasSuffix(".jpeg") {
                _ = dir.write([0xFF, 0xD8, 0xFF], to: file)  // only the layout is read here
            } else { try Self.make(dir, file) }
        }
        _ = dir.write(Array("not an image".utf8), to: "a/notes.txt")
        _ = dir.write([0], to: "a/.DS_Store")
        let layout = try ImageFolderLayout.scan(dir.path)
        let relative = layout.samples.map { String($0.path.dropFirst(dir.path.count + 1)) }
        // "a/b" < "a/b c" (space 0x20) < "a/b/x" ("/" 0x2F): whole folder paths are sorted, not a depth-first walk.
        #expect(relative == ["a/10.png", "a/2.png", "a/b/1.png", "a/b c/1.png", "a/b/x/1.png", "b/1.PNG", "b/z.jpeg"])
        #expect(layout.samples.map(\.label) == [0, 0, 0, 0, 0, 1, 1])
        #expect(layout.ignoredFiles.map { ($0 as NSString).lastPathComponent } == ["notes.txt"])
    }

    @Test func mixedJPEGPNGGreyAndColourBecomeTheNetworksChannels() throws {
        let dir = TemporaryDirectory()
        let fixtures = try #require(Bundle.module.resourcePath).appending("/Fixtures")
        for (name, target) in [("jpeg_grey.jpg", "grey/a.jpg"), ("jpeg_baseline_rgb.jpg", "colour/b.JPG")] {
            try FileManager.default.createDirectory(atPath: dir.file((target as NSString).deletingLastPathComponent), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: dir.file(target))
        }
        // Pure red (1, 0, 0) and a grey of 0.4: the luma of red is 0.299 → byte round(76.245) = 76.
        var red = Tensor(zeros: [3, 10, 14]); for i in 0..<140 { red.data[i] = 1 }
        try Self.make(dir, "colour/red.png", red)
        try Self.make(dir, "grey/plain.pgm", Self.grey(0.4, side: 12))
        try Self.make(dir, "colour/c.ppm", red)
        let layout = try ImageFolderLayout.scan(dir.path)
        #expect(layout.samples.count == 5)
        let greyShape = InputShape(channels: 1, height: 28, width: 28)
        let grey = try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t", shape: greyShape).data
        #expect(grey.count == 5 && grey.imageShape == greyShape)
        let redIndex = try #require(grey.paths.firstIndex { $0.hasSuffix("red.png") })
        #expect(Set(try grey.bytes(at: redIndex)) == [76])
        let plainIndex = try #require(grey.paths.firstIndex { $0.hasSuffix("plain.pgm") })
        #expect(Set(try grey.bytes(at: plainIndex)) == [102])  // 0.4 × 255 = 102
        let colourShape = InputShape(channels: 3, height: 37, width: 37)
        let colour = try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t", shape: colourShape).data
        let plain = try colour.bytes(at: colour.paths.firstIndex { $0.hasSuffix("plain.pgm") }!)
        #expect(plain.count == 3 * 37 * 37 && Set(plain) == [102], "grey repeated in all three channels")
        let (images, labels) = try colour.batch([0, 1], normalization: ChannelNormalization(mean: [0, 0, 0], std: [1, 1, 1]))
        #expect(images.shape == [2, 3, 37, 37] && labels == [0, 0])
    }

    @Test func holdOutIsStratifiedAndDeterministicPerSeed() {
        // Class 0: 20 samples, class 1: 7, class 2: 1 (too few to hold any out).
        let samples = (0..<28).map { i in ImageFolderLayout.Sample(path: "s\(i)", label: i < 20 ? 0 : i < 27 ? 1 : 2) }
        let a = ImageFolderSplit.holdOut(samples, classes: 3, fraction: 0.2, seed: 7)
        let b = ImageFolderSplit.holdOut(samples, classes: 3, fraction: 0.2, seed: 7)
        let c = ImageFolderSplit.holdOut(samples, classes: 3, fraction: 0.2, seed: 8)
        #expect(a.train == b.train && a.validation == b.validation)
        #expect(a.validation != c.validation, "another seed holds out other images")
        // round(20 × 0.2) = 4, round(7 × 0.2) = round(1.4) = 1, and the single image of class 2 stays in training.
        #expect(a.validation.filter { $0.label == 0 }.count == 4)
        #expect(a.validation.filter { $0.label == 1 }.count == 1)
        #expect(a.validation.filter { $0.label == 2 }.isEmpty)
        #expect(Set((a.train + a.validation).map(\.path)).count == 28 && a.train.count + a.validation.count == 28)
        #expect(ImageFolderSplit.holdOut(samples, classes: 3, fraction: 0, seed: 7).validation.isEmpty)
    }

    @Test func trainAndValFoldersAreTheSplits() throws {
        let dir = TemporaryDirectory()
        for file in ["train/cat/1.png", "train/cat/2.png", "train/dog/1.png", "val/dog/9.png"] { try Self.make(dir, file) }
        let split = try ImageFolderSplit.read(dir.path, seed: 1)
        #expect(split.classNames == ["cat", "dog"] && split.train.count == 3)
        #expect(split.validation.map(\.label) == [1], "val/dog takes train's label for dog")
        try Self.make(dir, "val/cow/1.png")
        #expect(throws: DatasetError.self) { try ImageFolderSplit.read(dir.path, seed: 1) }
    }

    // MARK: - Bad data

    /// Every file's bytes and modification date, to check that nothing in the folder is ever written.
    static func snapshot(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator() {
            let path = (root as NSString).appendingPathComponent(file)
            if let data = FileManager.default.contents(atPath: path) { out[file] = data } else { out[file + "/"] = Data() }
        }
        return out
    }

    @Test func badFilesAreNamedRefusedOrSkipped() throws {
        let dir = TemporaryDirectory()
        for file in ["cat/1.png", "cat/2.png", "dog/1.png", "dog/2.png"] { try Self.make(dir, file) }
        let good = try #require(dir.read("cat/1.png"))
        _ = dir.write(Array(good.prefix(good.count / 2)), to: "cat/truncated.png")
        _ = dir.write(Array("hello".utf8), to: "dog/text.jpg")
        let before = Self.snapshot(dir.path)
        let layout = try ImageFolderLayout.scan(dir.path)
        let shape = InputShape(channels: 1, height: 28, width: 28)
        do {
            _ = try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t", shape: shape)
            Issue.record("a folder with bad files must be refused")
        } catch {
            let line = error.description
            #expect(!line.contains("\n"))
            #expect(line.hasPrefix(dir.file("cat/truncated.png") + ": "), "names the first bad file: \(line)")
            #expect(line.contains("and 1 more bad file") && line.contains("--skip-bad"))
        }
        let loaded = try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t", shape: shape, skipBad: true)
        #expect(loaded.data.count == 4 && loaded.skipped.count == 2)
        #expect(loaded.skipped[1].hasPrefix(dir.file("dog/text.jpg") + ": "))
        #expect(Self.snapshot(dir.path) == before, "nothing in the folder is written")
    }

    @Test func emptySingleAndImagelessFoldersAreRefusedInOneLine() throws {
        let empty = TemporaryDirectory()
        try Self.make(empty, "cat/1.png")
        try FileManager.default.createDirectory(atPath: empty.file("dog"), withIntermediateDirectories: true)
        _ = empty.write(Array("x".utf8), to: "dog/readme.txt")
        #expect(throws: DatasetError.malformed(path: empty.file("dog"), message: "class \"dog\" has no image files; expected JPEG, PNG, PPM or PGM files in it")) {
            try ImageFolderLayout.scan(empty.path)
        }
        let single = TemporaryDirectory()
        try Self.make(single, "cat/1.png")
        #expect(throws: DatasetError.malformed(path: single.path, message: "has only one class folder (cat); expected at least 2 classes to tell apart")) {
            try ImageFolderLayout.scan(single.path)
        }
        let none = TemporaryDirectory()
        _ = none.write([1, 2, 3], to: "stray.png")
        #expect(throws: DatasetError.self) { try DataSource.resolve(none.path) }
        #expect(throws: DatasetError.self) { try ImageFolderLayout.scan(none.path) }
        // Only bad files in a class: with --skip-bad the class is empty, which is refused too.
        let allBad = TemporaryDirectory()
        try Self.make(allBad, "cat/1.png")
        try FileManager.default.createDirectory(atPath: allBad.file("dog"), withIntermediateDirectories: true)
        _ = allBad.write([0x89, 0x50, 0x4E, 0x47], to: "dog/1.png")
        let layout = try ImageFolderLayout.scan(allBad.path)
        #expect(throws: DatasetError.self) {
            try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t",
                                     shape: InputShape(channels: 1, height: 28, width: 28), skipBad: true)
        }
    }

    @Test func imagesPastTheCacheBudgetAreStreamedWithTheSameBytes() throws {
        let dir = TemporaryDirectory()
        for i in 0..<6 { try Self.make(dir, "\(i % 2 == 0 ? "even" : "odd")/\(i).png", Self.grey(Float(i) / 10)) }
        let layout = try ImageFolderLayout.scan(dir.path)
        let shape = InputShape(channels: 1, height: 28, width: 28)
        let all = try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t", shape: shape).data
        // A budget of two images: four are decoded again when asked for.
        let some = try ImageFolderData.load(layout.samples, classNames: layout.classNames, classSource: "t", shape: shape,
                                            cacheBytes: 2 * 28 * 28).data
        #expect(all.cachedCount == 6 && some.cachedCount == 2 && some.streamedCount == 4)
        for i in 0..<6 { #expect(try some.bytes(at: i) == all.bytes(at: i)) }
        #expect(some.measuredNormalization() == all.measuredNormalization())
    }
}
