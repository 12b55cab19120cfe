import Testing
@testable import ExplorerUI

@Suite struct ColorProfileTests {
    @Test(arguments: [
        (["TERM": "xterm-256color"], 256, ColorProfile.palette256),
        (["TERM": "xterm-256color", "NO_COLOR": "1"], 256, .none),
        (["TERM": "xterm-256color", "NO_COLOR": ""], 256, .palette256),  // no-color.org: only a non-empty value counts
        (["TERM": "dumb"], 256, .none),
        ([:], 256, .none),
        (["TERM": "xterm-direct"], 16_777_216, .truecolor),
        (["TERM": "xterm"], 8, .ansi16),
        (["TERM": "vt100"], 0, .none),
    ] as [([String: String], Int, ColorProfile)])
    func detectsTheProfile(_ env: [String: String], _ colors: Int, _ expected: ColorProfile) {
        #expect(ColorProfile.detect(environment: env, terminalColors: colors) == expected)
    }

    /// Reference values from the xterm 256-colour table: 16 + 36r + 6g + b on the cube, 232… greys.
    @Test(arguments: [
        (RGB(255, 0, 0), UInt8(196)), (RGB(0, 0, 255), 21), (RGB(0, 255, 0), 46), (RGB(255, 255, 255), 231),
        (RGB(0, 0, 0), 16), (RGB(128, 128, 128), 244), (RGB(95, 135, 175), 67),
    ] as [(RGB, UInt8)])
    func xterm256MatchesTheTable(_ c: RGB, _ index: UInt8) {
        #expect(ColorProfile.xterm256(c.r, c.g, c.b) == index)
    }

    @Test func profilesReduceColours() {
        let red = TerminalColor.rgb(255, 0, 0)
        #expect(ColorProfile.truecolor.resolve(red) == red)
        #expect(ColorProfile.palette256.resolve(red) == .indexed(196))
        #expect(ColorProfile.ansi16.resolve(red) == .indexed(9))
        #expect(ColorProfile.none.resolve(red) == .default)
        #expect(ColorProfile.ansi16.resolve(.indexed(196)) == .indexed(9))
    }
}
