import AlexNetCore
@testable import Lessons
import Testing

/// `show: neuron conv1 5 10 20`: parsed into a unit, checked against the network's shapes, and in plain
/// mode printed as where the unit looks.
@Suite struct NeuronStepTests {
    static let header = "title: T\npreset: alexnet\nsteps:\n"

    @Test func parsesALayerChannelAndPosition() throws {
        let focus = try ScreenFocus.parse("neuron conv1 5 10 20").get()
        #expect(focus.screen == .neuron && focus.layer == "conv1")
        #expect(focus.unit == NeuronUnit(layer: "conv1", channel: 5, y: 10, x: 20))
        #expect(focus.description == "neuron conv1 5 10 20")
    }

    @Test(arguments: ["neuron conv1", "neuron conv1 5 10", "neuron conv1 5 10 x", "neuron conv1 -1 0 0", "neuron conv1 1 2 3 4"])
    func refusesAnIncompleteUnit(text: String) {
        guard case .failure(let e) = ScreenFocus.parse(text) else { Issue.record("accepted '\(text)'"); return }
        #expect(e.message.hasPrefix("show: neuron needs a layer, a channel, y and x, e.g. 'neuron conv1 5 10 20'"))
    }

    @Test func checkerAcceptsAUnitThatExistsAndNamesTheRangeOfOneThatDoesNot() {
        #expect(LessonChecker.check(text: Self.header + "  - show: neuron conv1 5 10 20\n", file: "ok.yaml").isEmpty)
        let problems = LessonChecker.check(text: Self.header + "  - text: hi\n  - show: neuron conv1 5 55 0\n", file: "bad.yaml")
        #expect(problems.map(\.description) == ["bad.yaml:5: show: y 55 is out of range for conv1 (55×55×96 output: y 0–54)"])
    }

    @Test func plainModeSaysWhereTheUnitLooks() throws {
        let context = try LessonContext(preset: .alexnet)
        let lines = LayerFacts.lines(for: try ScreenFocus.parse("neuron conv1 5 10 20").get(), in: context)
        // 11×11 at stride 4: row 10 starts at 40, column 20 at 80.
        #expect(lines.contains("  unit: channel 5 at y 10, x 20: a 11×11 window on input, rows 40–50, cols 80–90"))
        #expect(lines.contains("  its receptive field on the image: rows 40–50, cols 80–90"))
        #expect(lines.first == "[screen: neuron conv1 5 10 20]")
    }
}
