import ArgumentParser
import Testing
@testable import alexnet

/// `compare --targets`: several error targets in one run, easiest first; anything else refused in one line.
@Suite struct CompareTargetsTests {
    @Test func targetsAreSortedEasiestFirstAndReplaceTarget() throws {
        let c = try CompareCommand.parse(["--targets", "0.10, 0.25,0.15,0.25"])
        #expect(try c.parsedTargets() == [0.25, 0.15, 0.10])
        #expect(try CompareCommand.parse(["--target", "0.3"]).parsedTargets() == [0.3])
    }

    @Test(arguments: ["0.25,abc", "0.25,1.5", "0,0.1", "", "0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1"])
    func badListsAreRefused(_ list: String) {
        #expect(throws: (any Error).self) { _ = try CompareCommand.parse(["--targets", list]) }
    }

    /// The per-target table is right-aligned columns under a left-aligned first one.
    @Test func columnsAlign() {
        let text = CompareCommand.columns([["target", "relu", "tanh"], ["25%", "125", "67"], ["10%", "—", "1,234"]])
        #expect(text == "target  relu   tanh\n25%      125     67\n10%        —  1,234\n")
    }
}
