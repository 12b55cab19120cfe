import AlexNetCore
import ExplorerUI
import Lessons

/// The engine behind a full-screen lesson: the same `ExplorerRuntime` as `alexnet explore`, rebuilt
/// whenever a step changes the run's identity (`preset:`, `input:`, `rounding:`, `recipe:`), so every screen
/// the lesson shows is real and a `recipe:` step trains a fresh network with that recipe, as plain mode does.
public final class LessonRuntime {
    private var runtime: ExplorerRuntime?
    private var generation = -1
    private let dataDirectory: String
    private let trainLimit: Int?
    private let wake: @Sendable () -> Void

    /// `trainLimit`: train on the first N images only (tests). `wake` wakes the loop when a worker posts.
    public init(dataDirectory: String = FashionMNIST.defaultDirectory, trainLimit: Int? = nil,
         wake: @escaping @Sendable () -> Void = {}) {
        self.dataDirectory = dataDirectory; self.trainLimit = trainLimit; self.wake = wake
    }

    public func tick(_ view: inout LessonScreen) -> Bool {
        var changed = false
        if view.networkGeneration != generation {
            generation = view.networkGeneration
            runtime?.stop()
            runtime = nil
            let context = view.session.context
            // Rounded up (cuda-convnet), the network is shapes only: the engine rounds down. A network that cannot
            // be built still has its shapes; the engine screens then say there are no weights.
            if context.rounding == .floor,
               let r = try? ExplorerRuntime(spec: view.explorer.model.explored, preset: context.preset,
                                            weights: nil, untrained: true, imagePath: nil, dataDirectory: dataDirectory,
                                            trainLimit: trainLimit, memory: MemoryBudget(batch: 1, training: false),
                                            recipe: context.recipe, wake: wake),
               let model = try? r.model() {
                view.attach(model)
                runtime = r
            }
            changed = true
        }
        if let runtime, view.withExplorer({ runtime.tick(&$0) }) { changed = true }
        return changed
    }

    public func stop() { runtime?.stop() }
}
