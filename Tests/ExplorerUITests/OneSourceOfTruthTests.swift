import AlexNetCore
import Lessons
import Testing
@testable import ExplorerUI

/// Issue 21: what a lesson says and what the screen beside it shows come from the same state. Each test
/// reproduces one thing seen before the fix (the pane kept floor rounding, `recipe:` was ignored in full
/// screen, `r` named the explored network's weights while another trained).
@Suite struct OneSourceOfTruthTests {
    static func screen(_ yaml: String) throws -> LessonScreen {
        let lesson = try LessonLoader(file: "t.yaml").load(text: yaml)
        return LessonScreen(session: try LessonSession(lesson: lesson), capabilities: .standard)
    }

    static func render(_ s: LessonScreen, width: Int = 80, height: Int = 24) -> CellGrid {
        var s = s
        s.resize(width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        s.render(into: &grid)
        return grid
    }

    /// Lesson 01's steps 12–14: `rounding: ceil` with the 224 input. Before, the pane kept the floor
    /// report (54×54×96, ⌊213/4⌋) beside a narrative computing ⌈213/4⌉ + 1 = 55.
    @Test func roundingStepRebuildsThePaneWithTheLessonsShapes() throws {
        var s = try Self.screen("""
            title: Rounding
            preset: alexnet
            steps:
              - input: 224
                show: walk conv1
                text: "Floor: {conv1.out}."
              - rounding: ceil
                show: walk conv1
                text: "Ceil: {conv1.out}."
              - rounding: floor
                text: "Back: {conv1.out}."
            """)
        #expect(s.explorer.model.report == s.session.context.report)
        #expect(Self.render(s).text.contains("224×224×3 → 54×54×96"))
        s.update("n")
        #expect(s.session.context.rounding == .ceil)
        #expect(s.explorer.model.report == s.session.context.report)
        #expect(s.explorer.model.report.convolutionRounding == .ceil)
        let text = Self.render(s).text
        #expect(text.contains("224×224×3 → 55×55×96"), "\(text)")
        #expect(!text.contains("54×54×96"))
        #expect(text.contains("⌈213/4⌉"), "\(text)")
        // The what-if screen beside it edits with the same rounding.
        s.update("2")
        #expect(Self.render(s, width: 120, height: 40).text.contains("55×55×96"))
        s.update("n")
        #expect(s.explorer.model.report == s.session.context.report)
        #expect(Self.render(s).text.contains("54×54×96"))
    }

    /// Lesson 13: `recipe: {lr: 0.001}` starts a fresh run with that rate in full screen too (a new engine,
    /// as plain mode's trainer starts a new run), and the training header names the recipe's rate.
    @Test func recipeStepRebuildsTheEngineAndTheHeaderShowsItsRate() throws {
        var s = try Self.screen("""
            title: Recipe
            preset: mini
            steps:
              - train: 5
                text: Default.
              - recipe: {lr: 0.001}
                text: Smaller.
              - train: 5
                text: Again.
            """)
        let first = s.networkGeneration
        s.update("5")
        let header = Self.render(s, width: 120, height: 40).text
        #expect(header.contains("lr \(NumberText.shortDecimal(TrainingRecipe.defaultLearningRate))"), "\(header)")
        s.update("n")
        #expect(s.networkGeneration == first + 1, "a recipe step starts a fresh run")
        s.update("n")
        #expect(s.networkGeneration == first + 1, "a train step with the same recipe goes on with that run")
        #expect(s.explorer.model.learningRate == 0.001)
        #expect(Self.render(s, width: 120, height: 40).text.contains("lr 0.001"))
    }

    /// On `alexnet`, screen 5 trains mini: `r` said "reset to the initial weights (untrained, Gaussian σ = 0.01,
    /// seed 1)" (alexnet's) or "(none)"; it names what mini's next run starts from.
    @Test func resetNamesTheNetworkThatTrainsAndWhatItStartsFrom() throws {
        var e = try explorer(.alexnet)
        press(&e, "5")
        press(&e, "r")
        let text = ExplorerUITests.render(e, width: 80, height: 24).text
        #expect(text.contains("reset: mini trains again from mini's untrained weights (He normal, seed 1)"), "\(text)")
        #expect(!text.contains("(none)") && !text.contains("Gaussian"))
    }

    /// The default launch says where learning can be watched: alexnet's screens 3–4 do not change while
    /// mini trains, and `explore --preset mini` starts trained.
    @Test func learningNoteShowsOnTheTrainingScreen() throws {
        let note = "mini learns from scratch here; alexnet's filters (3, 4) do not change. "
            + "To watch filters learn live: alexnet explore --preset mini --untrained"
        var e = Explorer(model: try AppModel(explored: Preset.alexnet.spec, weights: nil, learningNote: note),
                         capabilities: .standard)
        press(&e, "5")
        let text = ExplorerUITests.render(e, width: 80, height: 24).text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("alexnet explore --preset mini --untrained"), "\(text)")
    }

    /// The prediction's label follows the weights the pass used (`WeightProvenance.label`).
    @Test func provenanceLabelsAreShortAndTrue() {
        #expect(WeightProvenance.untrained("He normal, seed 1").label == "untrained")
        #expect(WeightProvenance.trained(checkpoint: "w", detail: "").label == "trained")
        #expect(WeightProvenance.live(network: "mini", step: 1_223).label == "live, step 1,223")
    }
}
