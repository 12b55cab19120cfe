import AlexNetCore
import Lessons
import Testing
@testable import ExplorerUI

/// Weights made in the background: the explorer opens before they exist (the layer walk needs none), the
/// filters and features screens say they are being made, and show them once `.weightsMade` arrives.
@Suite struct WeightsNoteTests {
    static let making = "making alexnet's weights (Gaussian σ = 0.01, seed 1)…"

    static func pending(_ preset: Preset = .alexnet, note: String = making) throws -> Explorer {
        try Explorer(model: AppModel(explored: preset.spec, weights: nil, weightsNote: note), capabilities: .standard)
    }

    static func made(_ filters: FilterSet) -> NetworkWeights {
        NetworkWeights(tensors: ["features.0.weight": filters.weights], filters: filters, provenance: filters.provenance)
    }

    @Test func theFiltersScreenSaysTheWeightsAreBeingMadeThenShowsThem() throws {
        var e = try Self.pending()
        #expect(e.model.weights == nil && e.model.initialWeights == nil)
        press(&e, "3")
        // The first screen that shows weights asks for them, once.
        #expect(e.takeRequests() == [.makeWeights])
        press(&e, "4"); press(&e, "3")
        #expect(e.takeRequests().isEmpty)
        let before = render(e, width: 80, height: 24)
        #expect(before.region(x: 0, y: 2, width: 80, height: 5) == [
            "",
            "  making alexnet's weights (Gaussian σ = 0.01, seed 1)…",
            "",
            "  The filters appear here when they are ready; the layer walk and the what-if",
            "  screen need no weights (keys 1 and 2).",
        ])
        #expect(before.cell(at: "making")?.style == e.theme.warning)
        #expect(!before.text.contains("No filters"))

        let filters = knownFilters(count: 96, channels: 3, kernel: 11)
        e.apply(.weightsMade(Self.made(filters), nil))
        let after = render(e, width: 80, height: 24)
        #expect(after.line(2).hasPrefix(" conv1 filters 96 × 11×11×3  ·  untrained, test pattern"))
        #expect(!after.text.contains("making"))
        #expect(e.model.weightsNote == nil)
        #expect(e.model.weights == Self.made(filters) && e.model.initialWeights == Self.made(filters))
        #expect(e.model.weightsVersion == 1)
        // No forward pass came with them: the model asks the runtime for one.
        #expect(e.takeRequests() == [.recomputeFeatures])
    }

    @Test func theFeaturesScreenSaysSoTooAndShowsTheForwardPassThatCameWithTheWeights() throws {
        var e = try Self.pending()
        press(&e, "4")
        let text = render(e, width: 80, height: 24).text
        #expect(text.contains(Self.making))
        #expect(text.contains("The feature maps appear here when they are ready"))
        #expect(!text.contains("No feature maps"))
        #expect(e.takeRequests() == [.makeWeights])

        let set = AppModelTests.features([0.2, 0.5, 0.3])
        e.apply(.weightsMade(Self.made(knownFilters(count: 96, channels: 3, kernel: 11)), set))
        #expect(e.takeRequests().isEmpty)   // the pass came with them
        #expect(e.model.features == set && !e.model.featuresAreStale)
        let shown = render(e, width: 80, height: 24).text
        #expect(shown.contains("weights: untrained, test pattern"))
        #expect(shown.contains("50.0% Ankle boot"))
        #expect(!shown.contains("making") && !shown.contains("updating"))
    }

    @Test func theLayerWalkNeedsNoWeights() throws {
        var e = try Self.pending()
        press(&e, "2"); press(&e, [.right]); press(&e, "1"); press(&e, [.right]); press(&e, "5"); press(&e, "6")
        #expect(e.takeRequests().isEmpty)   // no screen here shows the explored network's weights
        let pending = render(try Self.pending(), width: 80, height: 24)
        let ready = render(try explorer(.alexnet, filters: knownFilters(count: 96, channels: 3, kernel: 11)), width: 80, height: 24)
        #expect(pending.text == ready.text)
    }

    @Test func aNetworkThatTrainsItselfShowsTheMadeFiltersOnTheTrainingScreenAndResetsToThem() throws {
        var e = try Self.pending(.mini, note: "making mini's weights (He normal, seed 1)…")
        #expect(e.model.training.filters == nil)
        let filters = knownFilters(count: 32, channels: 1, kernel: 5)
        e.apply(.weightsMade(Self.made(filters), AppModelTests.features([0.1, 0.8, 0.1])))
        #expect(e.model.training.filters == filters)
        press(&e, "5")
        #expect(render(e, width: 80, height: 24).text.contains("conv1 as it learns"))
        // Reset goes back to the made weights, which are the initial ones.
        e.apply(.training(TrainingSnapshot(state: .paused, step: 5, weights: AppModelTests.trained(step: 5))))
        _ = e.takeRequests()
        press(&e, "3"); press(&e, "r")
        #expect(e.model.weights == Self.made(filters))
    }

    /// A lesson's `show: neuron …` or `show: features conv2` that comes before the maps does not get lost.
    @Test(arguments: [("show: neuron conv1 5 10 20", true), ("show: features conv1", false)])
    func aLessonsFocusWaitsForTheMaps(show: String, inspects: Bool) throws {
        let yaml = "title: Waiting\npreset: mini\nsteps:\n  - text: First.\n  - \(show)\n    text: Look.\n"
        let lesson = try LessonLoader(file: "test.yaml").load(text: yaml)
        var s = LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
        s.attach(try AppModel(explored: Preset.mini.spec, weights: nil, weightsNote: "making mini's weights (He normal, seed 1)…"))
        s.update("n")
        #expect(s.explorer.activeKind == .features)
        #expect(s.withExplorer { $0.takeRequests() } == [.makeWeights])
        // Maps with two layers, conv1 second, so that focusing it is visible.
        let set = FeatureSet(input: Tensor(shape: [1, 4, 4], data: (0..<16).map(Float.init)), inputName: "test",
                             layers: [("pool0", Tensor(shape: [2, 2, 2], data: (0..<8).map(Float.init))),
                                      ("conv1", Tensor(shape: [8, 12, 24], data: (0..<2304).map(Float.init)))],
                             probabilities: [0.5, 0.5], classNames: ["a", "b"])
        s.withExplorer { $0.apply(.weightsMade(Self.made(knownFilters(count: 32, channels: 1, kernel: 5)), set)) }
        let screen = try #require(s.explorer.activeScreen as? FeatureMapsScreen)
        #expect(screen.current?.name == "conv1")
        if inspects {
            #expect(screen.inspector?.y == 10 && screen.inspector?.x == 20)
            #expect(screen.selected == 5)
        } else {
            #expect(screen.inspector == nil)
        }
    }

    @Test func weightsThatCouldNotBeMadeSaySo() throws {
        var e = try Self.pending()
        e.apply(.weightsFailed("could not make alexnet's weights: out of memory"))
        press(&e, "3")
        #expect(render(e, width: 80, height: 24).text.contains("could not make alexnet's weights: out of memory"))
    }

    @Test(arguments: ["3", "4"]) func theNoteFitsTheSmallestWindow(screen: String) throws {
        var e = try Self.pending()
        press(&e, screen)
        let grid = render(e, width: Explorer.minimumSize.width, height: Explorer.minimumSize.height)
        // Wrapped at words inside the body, nothing cut: every word of the note is there.
        let text = grid.region(x: 0, y: 2, width: grid.width, height: grid.height - 3).joined(separator: " ")
        let words = text.split(separator: " ").map(String.init)
        for word in Self.making.split(separator: " ") { #expect(words.contains(String(word))) }
        for row in 2..<(grid.height - 1) { #expect(grid[grid.width - 1, row].character == " ") }
    }
}
