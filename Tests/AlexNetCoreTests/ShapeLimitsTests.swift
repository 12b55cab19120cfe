import Testing
@testable import AlexNetCore

/// Shape arithmetic on hostile sizes: every value out of range or product past 64 bits is one line
/// naming the file, line and layer; nothing traps (debug) or wraps (release).
@Suite struct ShapeLimitsTests {
    struct Bad: CustomTestStringConvertible, Sendable {
        var label: String
        var text: String
        var message: String
        var testDescription: String { label }
    }

    @Test(arguments: [
        Bad(label: "2^62 conv output channels",
            text: "input: [1, 28, 28]\nlayers:\n  - relu\n  - conv: {out: 4611686018427387904, kernel: 3}\n",
            message: "net.yaml:4: layer conv1: out channels must be in 1…1,000,000, got 4611686018427387904"),
        Bad(label: "Int.max input side", text: "input: [1, 9223372036854775807, 28]\nlayers: [relu]\n",
            message: "net.yaml:1: layer input: input height must be in 1…1,000,000, got 9223372036854775807"),
        Bad(label: "2^62 input sides to flatten", text: "input: [1, 4611686018427387904, 4611686018427387904]\nlayers: [flatten]\n",
            message: "net.yaml:1: layer input: input height must be in 1…1,000,000, got 4611686018427387904"),
        Bad(label: "input channels", text: "input: [1000001, 8, 8]\nlayers: [relu]\n",
            message: "net.yaml:1: layer input: input channels must be in 1…1,000,000, got 1000001"),
        Bad(label: "2^40 linear outputs", text: "input: [1, 1024, 1024]\nlayers:\n  - flatten\n  - linear: 1099511627776\n",
            message: "net.yaml:4: layer fc1: out must be in 1…1,000,000, got 1099511627776"),
        Bad(label: "kernel", text: "input: [1, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 1000001}\n",
            message: "net.yaml:3: layer conv1: kernel must be in 1…1,000,000, got 1000001"),
        Bad(label: "padding", text: "input: [1, 8, 8]\nlayers:\n  - maxpool: {kernel: 3, stride: 2, padding: 9223372036854775807}\n",
            message: "net.yaml:3: layer pool0: padding must be in 0…1,000,000, got 9223372036854775807"),
        Bad(label: "groups", text: "input: [1, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 3, groups: 2000000}\n",
            message: "net.yaml:3: layer conv1: groups must be in 1…1,000,000, got 2000000"),
        Bad(label: "lrn size", text: "input: [1, 8, 8]\nlayers:\n  - lrn: {size: 4611686018427387904}\n",
            message: "net.yaml:3: layer norm0: size must be in 1…1,000,000, got 4611686018427387904"),
        // Within every range, the products can still pass 64 bits: then the layer says which product.
        Bad(label: "linear parameters past 2^63",
            text: "input: [1000000, 1000000, 1000000]\nlayers:\n  - flatten\n  - linear: 1000000\n",
            message: "net.yaml:4: layer fc1: 1000000000000000000 inputs × 1000000 outputs make the parameter count overflow 64-bit integers"),
        Bad(label: "conv multiply-accumulates past 2^63",
            text: "input: [2, 1000000, 1000000]\nlayers:\n  - conv: {out: 1000000, kernel: 3}\n",
            message: "net.yaml:3: layer conv1: 999996000004000000 outputs × 2·3·3 inputs each make the multiply-accumulate count overflow 64-bit integers"),
        Bad(label: "activation bytes past 2^63",
            // 10^12 input + 10^18 conv1 + 10^18 relu1 values still fit 4 bytes each in 2^63; relu1b does not.
            text: "input: [1, 1000000, 1000000]\nlayers:\n  - conv: {out: 1000000, kernel: 1}\n  - relu\n  - relu\n",
            message: "net.yaml:5: layer relu1b: the bytes of the network's 3,000,001,000,000,000,000 fp32 values overflow 64-bit integers"),
        Bad(label: "product of strides past 2^63",
            text: "input: [1, 8, 8]\nlayers:\n" + String(repeating: "  - maxpool: {kernel: 1, stride: 1000000}\n", count: 4),
            message: "net.yaml:6: layer pool0d: the product of the strides so far (1000000000000000000·1000000) would overflow 64-bit integers"),
    ])
    func hostileSizesGiveOneLine(bad: Bad) {
        do {
            let spec = try NetworkConfig.parse(text: bad.text, file: "net.yaml")
            Issue.record("expected an error for \(bad.label), got \(spec.layers.count) layers")
        } catch {
            #expect("\(error)" == bad.message)
        }
    }

    /// Networks built in code (lessons, the what-if screen) get the same checks, without a file.
    @Test func specsBuiltInCodeAreCheckedToo() {
        let spec = NetworkSpec(name: "x", input: InputShape(channels: 3, height: 4_611_686_018_427_387_904, width: 227),
                               layers: [LayerSpec(name: "relu", kind: .activation(.relu))])
        #expect(throws: ShapeError(layer: "input", message: "input height must be in 1…1,000,000, got 4611686018427387904")) {
            try spec.shapeReport()
        }
    }

    /// The largest allowed sizes still give exact figures (no silent wrap): 10^6 channels of 10^6×10^6
    /// would be 10^18 values, just under 2^63 ≈ 9.2·10^18.
    @Test func largeButRepresentableSizesAreExact() throws {
        let spec = try NetworkConfig.parse(text: "input: [3, 100000, 100000]\nlayers:\n  - conv: {out: 8, kernel: 3}\n",
                                           file: "net.yaml")
        let r = try spec.shapeReport()
        #expect(r.output == FeatureShape(channels: 8, height: 99_998, width: 99_998))
        #expect(r.totalParams == 8 * 3 * 9 + 8)
        #expect(r.totalMACs == 8 * 99_998 * 99_998 * 3 * 9)
    }

    @Test func checkedSizeReportsOverflow() {
        #expect(CheckedSize.product(1 << 31, 1 << 31) == 1 << 62)
        #expect(CheckedSize.product(1 << 62, 2) == nil)
        #expect(CheckedSize.product(1 << 62, -2) == Int.min)
        #expect(CheckedSize.sum(Int.max, 0) == Int.max)
        #expect(CheckedSize.sum(Int.max, 1) == nil)
    }
}
