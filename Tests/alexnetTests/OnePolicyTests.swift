import AlexNetCore
@testable import alexnet
@testable import AppRuntime
import ExplorerUI
import Foundation
import Lessons
import Testing

/// Issue 21: every path asks one policy. Each test reproduces what was seen before the fix.
@Suite struct OnePolicyTests {
    static let data = "/usr/share/datasets/fashion-mnist"
    static var dataInstalled: Bool { FileManager.default.fileExists(atPath: data + "/train-images-idx3-ubyte.gz") }

    /// Test image 0's first pixel was −0.8139 untrained (statistics measured on the test set) and −0.8103 with
    /// the shipped checkpoint (the training set's, recorded by `train`): one policy gives the same input.
    @Test(.enabled(if: dataInstalled, "needs Debian's dataset-fashion-mnist"))
    func theSameImageIsTheSameInputWithOrWithoutACheckpoint() throws {
        let spec = Preset.mini.spec
        let untrained = try FeatureInputs(report: try spec.shapeReport(), imagePath: nil, dataDirectory: Self.data, normalization: nil)
        let shipped = try #require(ShippedWeights.mini())
        let (_, chosen) = try WeightsChoice.load(shipped, shipped: true, spec: spec)
        let trained = try FeatureInputs(report: try spec.shapeReport(), imagePath: nil, dataDirectory: Self.data,
                                        normalization: chosen.scalarNormalization, channelNormalization: chosen.normalization)
        let (a, b) = (untrained.current().images.data, trained.current().images.data)
        #expect(a.count == b.count)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5, "largest difference \(worst)")
        // The first pixel of test image 0 is 0: x = (0 − mean) / std with the training set's statistics.
        let expected = (0 - 0.2860406) / 0.35302424
        #expect(abs(Double(a[0]) - expected) < 1e-5)
        #expect(NumberText.fixed(Double(a[0]), 4) == "-0.8103")
        // …and those are what `train` measures on the 60,000 training images.
        let measured = try FashionMNIST.load(.train, directory: Self.data).measuredNormalization()
        #expect(abs(measured.mean[0] - ChannelNormalization.fashionMNIST.mean[0]) < 1e-6)
        #expect(abs(measured.std[0] - ChannelNormalization.fashionMNIST.std[0]) < 1e-6)
    }

    /// `alexnet neuron` defaulted to untrained mini while explore/filters/features/predict showed the shipped
    /// weights: it now makes the same choice.
    @Test func neuronDefaultsToTheSameWeightsAsTheOtherCommands() throws {
        let command = try NeuronCommand.parse(["--layer", "conv1", "--channel", "0"])
        #expect(command.untrained == false && command.weights == nil)
        guard ShippedWeights.mini() != nil else { return }
        let (_, chosen) = try WeightsChoice.network(Preset.mini.spec, weights: command.weights, untrained: command.untrained,
                                                    preset: .mini, initialization: .he)
        #expect(chosen.label == "trained")
    }

    /// Plain lessons trained at TrainingOptions' 0.01 while the screen and `alexnet train` used 0.02.
    @Test func oneDefaultLearningRate() throws {
        #expect(TrainingOptions().learningRate == TrainingRecipe.defaultLearningRate)
        let train = try TrainCommand.parse([])
        #expect(train.training.options(for: .mini).learningRate == TrainingRecipe.defaultLearningRate)
        #expect(TrainingWorkers(spec: Preset.mini.spec, dataDirectory: "/nonexistent", limit: nil).learningRate
                == TrainingRecipe.defaultLearningRate)
        let lesson = TrainingRecipe(learningRate: 0.001)
        #expect(TrainingWorkers(spec: Preset.mini.spec, dataDirectory: "/nonexistent", limit: nil, recipe: lesson)
                .trainingDescription.contains("lr 0.001"))
    }

    /// The plain trainer goes on with its run while the lesson's run identity holds, and starts afresh with a
    /// `recipe:` (as the full-screen lesson rebuilds its engine).
    @Test(.enabled(if: dataInstalled, "needs Debian's dataset-fashion-mnist"))
    func plainTrainingRestartsWhenTheRecipeChanges() throws {
        let trainer = LessonTraining(directory: Self.data, limit: 256)
        let context = try LessonContext(preset: .mini)
        #expect(try trainer.train(context, steps: 2).last?.hasPrefix("  step 2:") == true)
        #expect(try trainer.train(context, steps: 1).last?.hasPrefix("  step 3:") == true)
        let slower = context.withRecipe(TrainingRecipe(learningRate: 0.001))
        #expect(try trainer.train(slower, steps: 1).last?.hasPrefix("  step 1:") == true)
        #expect(try trainer.train(slower, steps: 1).last?.hasPrefix("  step 2:") == true)
    }

    /// `alexnet`, 5, Space, then 3 or 4: nothing learned there and nothing said where it could be watched; and
    /// `explore --preset mini` starts from the shipped trained weights without saying so on screen 5.
    @Test func theTrainingScreenSaysWhereLearningFromScratchCanBeWatched() throws {
        func runtime(_ preset: Preset, untrained: Bool) throws -> ExplorerRuntime {
            try ExplorerRuntime(spec: preset.spec, preset: preset, weights: nil, untrained: untrained, imagePath: nil,
                                dataDirectory: "/nonexistent", trainLimit: nil, memory: MemoryBudget(batch: 1, training: false))
        }
        let alexnet = try runtime(.alexnet, untrained: false).model()
        #expect(alexnet.learningNote?.contains("alexnet explore --preset mini --untrained") == true)
        #expect(alexnet.resetText == "reset: mini trains again from mini's untrained weights (He normal, seed 1)")
        var screen = Explorer(model: alexnet, capabilities: .standard)
        screen.update("5")
        #expect(renderedText(screen).replacingOccurrences(of: "\n", with: " ").contains("alexnet explore --preset mini --untrained"))
        #expect(try runtime(.mini, untrained: true).model().learningNote == nil)
        if ShippedWeights.mini() != nil {
            let mini = try runtime(.mini, untrained: false).model()
            #expect(mini.learningNote?.contains("starts from the shipped trained weights") == true)
            #expect(mini.learningNote?.contains("--untrained") == true)
        }
    }

    /// `explore --preset mini --untrained`, 5, Space, 4: the header said "trained live · step 223" and the
    /// prediction "(untrained)". The pass names the weights it used; and it runs off the UI thread.
    @Test func thePredictionNamesTheLiveWeightsAndItsPassRunsOffTheUIThread() throws {
        let runtime = try ExplorerRuntime(spec: Preset.mini.spec, preset: .mini, weights: nil, untrained: true, imagePath: nil,
                                          dataDirectory: "/nonexistent", trainLimit: nil, memory: MemoryBudget(batch: 1, training: false))
        defer { runtime.stop() }
        var explorer = Explorer(model: try runtime.model(), capabilities: .standard)
        explorer.update("4")   // the features screen asks for the weights
        let deadline = ContinuousClock.now + .seconds(60)
        while explorer.model.features == nil, ContinuousClock.now < deadline {
            _ = runtime.tick(&explorer)
            usleep(10_000)
        }
        #expect(explorer.model.features?.weights == "untrained")
        let network = try #require(runtime.network)
        explorer.apply(.training(TrainingSnapshot(state: .running, step: 7,
                                                  weights: ExplorerRuntime.weights(of: network, provenance: .live(network: "mini", step: 7)))))
        _ = runtime.tick(&explorer)
        // The pass was started, not run here: the UI thread returned with the features still stale.
        #expect(explorer.model.featuresAreStale)
        runtime.finishForwardPass(&explorer)
        #expect(!explorer.model.featuresAreStale)
        #expect(explorer.model.features?.weights == "live, step 7")
        #expect(renderedText(explorer).contains("Prediction (live, step 7)"))
    }
}

/// The explorer as an 80×24 terminal would show it, as text.
func renderedText(_ explorer: Explorer, width: Int = 80, height: Int = 24) -> String {
    var e = explorer
    e.resize(width: width, height: height)
    var grid = CellGrid(width: width, height: height)
    e.render(into: &grid)
    return grid.text
}
