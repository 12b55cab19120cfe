import Foundation
import Testing
@testable import AlexNetCore

/// The shipped ImageNet names (data/imagenet_classes.txt, torchvision's order) and the lookup by output count.
@Suite struct ClassNamesTests {
    static var shippedFile: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/imagenet_classes.txt").path
    }

    @Test func shippedImageNetNamesInTorchvisionOrder() throws {
        let names = try ClassNames.loadImageNet(from: Self.shippedFile)
        #expect(names.count == 1000)
        // Spot checks against torchvision's _IMAGENET_CATEGORIES (and the ILSVRC-2012 synset order).
        #expect(names[0] == "tench")
        #expect(names[1] == "goldfish")
        #expect(names[281] == "tabby")
        #expect(names[285] == "Egyptian cat")
        #expect(names[407] == "ambulance")
        #expect(names[999] == "toilet tissue")
        #expect(names[1000] == "class 1000")
    }

    @Test func namesByOutputCount() throws {
        let imageNet = try ClassNames.loadImageNet(from: Self.shippedFile)
        #expect(ClassNames.forOutputs(10, imageNet: imageNet)[9] == "Ankle boot")
        #expect(ClassNames.forOutputs(1000, imageNet: imageNet)[1] == "goldfish")
        #expect(ClassNames.forOutputs(1000, imageNet: nil)[1] == "class 1")
        #expect(ClassNames.forOutputs(7, imageNet: imageNet)[3] == "class 3")
    }

    @Test func wrongLineCountIsOneLine() throws {
        let dir = TemporaryDirectory()
        let path = dir.write(Array("tench\ngoldfish\n".utf8), to: "names.txt")
        let error = #expect(throws: DatasetError.self) { try ClassNames.loadImageNet(from: path) }
        #expect(error?.description.contains("names.txt") == true)
        #expect(error?.description.contains("has 2 class names; expected the 1,000 ILSVRC-2012 classes") == true)
    }
}
