import AlexNetCore
import Testing
@testable import ExplorerUI

/// The app model shared by every screen: a training snapshot reaches the filters and features screens,
/// reset goes back to the initial weights, and a network that cannot train says which one does.
@Suite struct AppModelTests {
    static let untrained = knownFilters(count: 4, channels: 1, kernel: 5)

    /// Filters of the same shape with other values, as a training step would leave them.
    static func trained(step: Int) -> NetworkWeights {
        let provenance = WeightProvenance.live(network: "mini", step: step)
        let w = Tensor(shape: [4, 1, 5, 5], data: (0..<100).map { Float(($0 * 7) % 13) - 6 })
        return NetworkWeights(tensors: ["features.0.weight": w],
                              filters: FilterSet(layer: "conv1", weights: w, provenance: provenance), provenance: provenance)
    }

    static func features(_ p: [Float], name: String = "Fashion-MNIST test image 0 (Ankle boot)") -> FeatureSet {
        FeatureSet(input: Tensor(shape: [1, 4, 4], data: (0..<16).map(Float.init)), inputName: name,
                   layers: [("conv1", Tensor(shape: [2, 2, 2], data: (0..<8).map(Float.init)))],
                   probabilities: p, classNames: ["T-shirt/top", "Ankle boot", "Coat"])
    }

    func mini() throws -> Explorer {
        try Explorer(network: Preset.mini.spec, filters: Self.untrained,
                     features: Self.features([0.47, 0.2, 0.33]), capabilities: .standard)
    }

    @Test func aTrainingSnapshotReachesTheFiltersAndFeaturesScreens() throws {
        var e = try mini()
        press(&e, "3")
        #expect(render(e, width: 80, height: 24).line(2).contains("untrained, test pattern"))
        let before = render(e, width: 80, height: 24).region(x: 1, y: 4, width: 30, height: 3)

        e.apply(.training(TrainingSnapshot(state: .running, step: 143, weights: Self.trained(step: 143))))
        let filters = render(e, width: 80, height: 24)
        #expect(filters.line(2).hasPrefix(" conv1 filters 4 × 5×5×1  ·  mini · trained live · step 143"))
        #expect(filters.region(x: 1, y: 4, width: 30, height: 3) == before)   // same layout…
        #expect(e.model.weights?.filters?.weights == Self.trained(step: 143).filters?.weights)   // …new weights
        #expect(filters.cells != render(try mini().pressing("3"), width: 80, height: 24).cells)
        // The features were computed with the old weights: the screen says so and the runtime is asked.
        #expect(e.takeRequests() == [.recomputeFeatures])
        press(&e, "4")
        #expect(render(e, width: 80, height: 24).text.contains("weights: mini · trained live · step 143  (updating…)"))
        e.apply(.features(Self.features([0.1, 0.8, 0.1]), weightsVersion: e.model.weightsVersion))
        let text = render(e, width: 80, height: 24).text
        #expect(text.contains("weights: mini · trained live · step 143"))
        #expect(!text.contains("updating"))
        #expect(text.contains("80.0% Ankle boot"))
        // The training screen shows the same snapshot.
        press(&e, "5")
        #expect(render(e, width: 80, height: 24).line(2).contains("mini, the Fashion-MNIST AlexNet, batch 64, lr 0.02"))
    }

    // The training screen's header (schedule, test subset) is tested with the runtime that writes it:
    // Tests/alexnetTests/TrainingScreenHeaderTests.swift.

    @Test func resetGoesBackToTheInitialWeightsFromAnyEngineScreen() throws {
        for screen in ["3", "4", "5"] {
            var e = try mini()
            e.apply(.training(TrainingSnapshot(state: .paused, step: 500, weights: Self.trained(step: 500))))
            _ = e.takeRequests()
            press(&e, screen)
            press(&e, "r")
            #expect(e.model.weights == e.model.initialWeights)
            #expect(e.takeRequests() == [.recomputeFeatures, .training(.reset)])
            #expect(e.model.training.state == .idle && e.model.training.step == 0)
            press(&e, "3")
            #expect(render(e, width: 80, height: 24).line(2).contains("untrained, test pattern"))
            press(&e, "5")
            #expect(render(e, width: 80, height: 24).text.contains("reset to the initial weights (untrained, test pattern)"))
        }
    }

    @Test func alexnetSaysTrainingRunsMiniAndWhy() throws {
        var e = try Explorer(network: Preset.alexnet.spec, filters: knownFilters(count: 96, channels: 3, kernel: 11),
                             features: Self.features([0.2, 0.5, 0.3]), capabilities: .standard)
        #expect(e.model.engine.spec.name == "mini")
        e.apply(.training(TrainingSnapshot(state: .running, step: 10, weights: Self.trained(step: 10))))
        #expect(e.takeRequests().isEmpty)   // mini's weights are not alexnet's
        // r on alexnet's filters or features would only throw mini's run away: it does nothing there.
        press(&e, "3"); press(&e, "r"); press(&e, "4"); press(&e, "r")
        #expect(e.takeRequests().isEmpty)
        #expect(e.model.training.step == 10)
        press(&e, "3")
        var text = render(e, width: 120, height: 30).text
        // …so neither screen offers it, in the footer or the key help.
        for screen in ["3", "4"] {
            press(&e, screen)
            #expect(!e.activeScreen.keyHelp.contains { $0.keys == "r" } && !e.activeScreen.footerKeys.contains { $0.keys == "r" })
        }
        press(&e, "3")
        #expect(text.contains("conv1 filters 96 × 11×11×3  ·  untrained, test pattern"))
        #expect(text.contains("training runs mini: alexnet reads 227×227×3 images; Fashion-MNIST has 28×28×1"))
        press(&e, "4")
        #expect(render(e, width: 80, height: 24).line(3).contains("weights: untrained, test pattern  · training runs mini"))
        for screen in ["5", "6"] {
            press(&e, screen)
            text = render(e, width: 140, height: 30).text
            #expect(text.contains("mini, the Fashion-MNIST AlexNet"))
            #expect(text.contains("why mini: alexnet reads 227×227×3 images; Fashion-MNIST has 28×28×1"))
        }
    }

    @Test func resetIsOfferedWhereTrainingRunsTheseWeights() throws {
        var e = try mini()
        for screen in ["3", "4"] {
            press(&e, screen)
            #expect(e.activeScreen.keyHelp.contains { $0.keys == "r" } && e.activeScreen.footerKeys.contains { $0.keys == "r" })
        }
    }

    @Test func screensReturnRequestsInsteadOfBeingAskedForThem() throws {
        var e = try mini()
        press(&e, "4"); press(&e, "n")
        press(&e, "5"); press(&e, " "); press(&e, "s")
        press(&e, "6"); press(&e, " ")
        #expect(e.takeRequests() == [.featureInput(step: 1), .training(.toggleRunning), .training(.save),
                                     .comparison(.toggleRunning)])
        e.apply(.featureNote("the input is one image file (cat.png): there is no next image"))
        press(&e, "4")
        #expect(render(e, width: 80, height: 24).line(3).contains("there is no next image"))
    }

    @Test func provenanceSaysWhereWeightsCameFrom() {
        #expect(WeightProvenance.untrained("He normal, seed 1").text == "untrained, He normal, seed 1")
        #expect(WeightProvenance.trained(checkpoint: "mini.safetensors", detail: "epoch 2").text == "checkpoint mini.safetensors, epoch 2")
        #expect(WeightProvenance.live(network: "mini", step: 1_430).text == "mini · trained live · step 1,430")
        #expect(WeightProvenance.live(network: "mini", step: 40, from: "mini.safetensors").text
            == "mini · trained live · step 40 from mini.safetensors")
    }

    @Test func theShippedScreensAreTheTestedOnes() throws {
        let e = try mini()
        #expect(e.screens.map(\.title) == ["Layers", "What-if", "Filters", "Features", "Training", "ReLU vs tanh"])
        #expect(Explorer.ScreenKind.allCases.count == e.screens.count)
    }
}

extension Explorer {
    func pressing(_ text: String) -> Explorer {
        var e = self
        press(&e, text)
        return e
    }
}
