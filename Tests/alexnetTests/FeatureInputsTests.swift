import AlexNetCore
@testable import alexnet
@testable import AppRuntime
import Foundation
import Testing

/// Which image the feature screens and `--index` show: the Fashion-MNIST test set's 10,000 images
/// (0…9,999, refused outside), else the built-in pattern, which has no index to pick.
@Suite struct FeatureInputsTests {
    static let data = "/usr/share/datasets/fashion-mnist"
    static var dataInstalled: Bool { FileManager.default.fileExists(atPath: data + "/t10k-images-idx3-ubyte.gz") }

    func miniInputs(data: String) throws -> FeatureInputs {
        let net = try Network(spec: Preset.mini.spec, initialization: .he, seed: 1)
        // The explorer's way in (a missing folder leaves the pattern); `features`/`neuron` refuse a missing --data.
        return try FeatureInputs(report: net.report, imagePath: nil, dataDirectory: data, normalization: nil)
    }

    func refusal(_ inputs: FeatureInputs, _ index: Int) -> String? {
        do { try inputs.select(index: index); return nil } catch { return "\(error)" }
    }

    @Test(.enabled(if: dataInstalled, "needs Debian's dataset-fashion-mnist"))
    func testSetIndicesRunFromZeroToTheLastImage() throws {
        let inputs = try miniInputs(data: Self.data)
        #expect(inputs.imageCount == 10_000)
        for index in [0, 1, 5_000, 9_999] {
            #expect(refusal(inputs, index) == nil, "\(index)")
            #expect(inputs.index == index)
            #expect(inputs.current().name.hasPrefix("Fashion-MNIST test image \(index) ("))
        }
        for index in [10_000, -1, Int.max, Int.min] {
            #expect(refusal(inputs, index) == "--index \(index) is outside the Fashion-MNIST test set in \(Self.data) (10,000 images); expected 0...9999")
        }
        #expect(inputs.index == 9_999)   // a refused index leaves the selection alone
    }

    @Test(.enabled(if: dataInstalled, "needs Debian's dataset-fashion-mnist"))
    func movingWrapsAroundAtBothEndsWithoutOverflow() throws {
        let inputs = try miniInputs(data: Self.data)
        #expect(inputs.move(by: -1) == nil && inputs.index == 9_999)
        #expect(inputs.move(by: 1) == nil && inputs.index == 0)
        #expect(inputs.move(by: 10_003) == nil && inputs.index == 3)
        #expect(inputs.move(by: Int.max) == nil && inputs.index == (3 + Int.max % 10_000) % 10_000)
        #expect(inputs.move(by: Int.min) == nil && (0..<10_000).contains(inputs.index))
    }

    /// Without the data set the pattern stands in: index 0 is the only one, and moving says why not.
    @Test func withoutTheDataSetThePatternHasNoIndex() throws {
        let missing = NSTemporaryDirectory() + "no-fashion-mnist-\(UUID().uuidString)"
        let inputs = try miniInputs(data: missing)
        #expect(inputs.imageCount == nil)
        #expect(refusal(inputs, 0) == nil)
        #expect(refusal(inputs, 3) == "--index 3 picks a Fashion-MNIST test image, but the input is the built-in test pattern (no Fashion-MNIST test set in \(missing)); expected no --index")
        #expect(inputs.move(by: 1) == "the input is the built-in test pattern: there is no next image (give --image FILE)")
        #expect(inputs.move(by: -1) == "the input is the built-in test pattern: there is no previous image (give --image FILE)")
    }

    /// A network that does not take 28×28 grey images says so instead of blaming the data set.
    @Test func aColourNetworkHasNoTestSetToPickFrom() throws {
        let net = try Network(spec: Preset.figure1.spec, initialization: .he, seed: 1)
        let inputs = try FeatureInputs(network: net, imagePath: nil, dataDirectory: Self.data, normalization: nil)
        guard !FeatureInputs.takesFashionMNIST(net.spec.input) else { return }
        #expect(refusal(inputs, 1) == "--index 1 picks a Fashion-MNIST test image, but the input is the built-in test pattern (figure1 does not take 28×28 grey images); expected no --index")
    }

    /// A data set that is there but broken is an error naming it, never silently the pattern.
    @Test func aBrokenDataSetIsAnError() throws {
        let dir = NSTemporaryDirectory() + "broken-fashion-mnist-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data("not gzip".utf8))
        }
        #expect(throws: (any Error).self) { _ = try miniInputs(data: dir) }
        do { _ = try miniInputs(data: dir) } catch {
            #expect("\(error)".contains(dir), "\(error)")
            #expect(!"\(error)".contains("\n"))
        }
    }

    /// The pattern is the same every time and covers the input: something to show without any file.
    @Test func thePatternIsDeterministicAndFillsTheInput() {
        let shape = Preset.mini.spec.input
        let a = FeatureInputs.pattern(shape), b = FeatureInputs.pattern(shape)
        #expect(a == b)
        #expect(a.shape == [1, shape.channels, shape.height, shape.width])
        #expect(a.data.allSatisfy { $0.isFinite && abs($0) <= 1 })
        #expect(Set(a.data.map { ($0 * 10).rounded() }).count > 5)   // not a flat image
    }
}
