import Testing
@testable import AlexNetCore

@Suite struct WindowSpecTests {
    @Test func convAndPoolHaveWindowsOthersDoNot() {
        let conv = LayerKind.conv(ConvSpec(outChannels: 96, kernel: 11, stride: 4, padding: 0, groups: 1))
        #expect(conv.window == WindowSpec(kernel: 11, stride: 4, padding: 0))
        #expect(LayerKind.maxpool(PoolSpec(kernel: 3, stride: 2)).window == WindowSpec(kernel: 3, stride: 2, padding: 0))
        for kind in [LayerKind.activation(.relu), .lrn(.paper), .dropout(p: 0.5), .flatten, .linear(out: 10), .softmax] {
            #expect(kind.window == nil, "\(kind.word)")
        }
    }

    @Test func settingAWindowKeepsTheRest() {
        var conv = LayerKind.conv(ConvSpec(outChannels: 256, kernel: 5, stride: 1, padding: 2, groups: 2))
        conv.window = WindowSpec(kernel: 3, stride: 2, padding: 1)
        #expect(conv == .conv(ConvSpec(outChannels: 256, kernel: 3, stride: 2, padding: 1, groups: 2)))
        var pool = LayerKind.maxpool(PoolSpec(kernel: 3, stride: 2, rounding: .ceil))
        pool.window = WindowSpec(kernel: 2, stride: 3, padding: 1)
        #expect(pool == .maxpool(PoolSpec(kernel: 2, stride: 3, padding: 1, rounding: .ceil)))
        var relu = LayerKind.activation(.relu)
        relu.window = WindowSpec(kernel: 3, stride: 1, padding: 1)
        #expect(relu == .activation(.relu))
    }

    @Test func theReportReadsItsWindowFromTheLayer() throws {
        let r = try Preset.alexnet.spec.shapeReport()
        #expect(r.layer(named: "conv2")?.window == WindowSpec(kernel: 5, stride: 1, padding: 2))
        #expect(r.layer(named: "pool5")?.window == WindowSpec(kernel: 3, stride: 2, padding: 0))
        #expect(r.layer(named: "fc6")?.window == nil)
        // 227 − 11 = 216 = 54·4, so 55 outputs.
        #expect(WindowSpec(kernel: 11, stride: 4, padding: 0).formula(input: 227).output == 55)
    }
}
