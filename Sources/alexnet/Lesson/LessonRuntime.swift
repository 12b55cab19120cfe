import AlexNetCore
import ExplorerUI
import Lessons

/// The engine behind a full-screen lesson: the same `ExplorerRuntime` as `alexnet explore`, rebuilt
/// whenever a step changes the network (`preset:`, `input:`), so every screen the lesson shows is real.
final class LessonRuntime {
    private var runtime: ExplorerRuntime?
    private var generation = -1
    private let dataDirectory: String

    init(dataDirectory: String = FashionMNIST.defaultDirectory) { self.dataDirectory = dataDirectory }

    func tick(_ view: inout LessonScreen) -> Bool {
        var changed = false
        if view.networkGeneration != generation {
            generation = view.networkGeneration
            runtime?.stop()
            runtime = nil
            // A network that cannot be built still has its shapes; the engine screens then say there are no weights.
            if let r = try? ExplorerRuntime(spec: view.explorer.model.explored, preset: view.session.context.preset,
                                            weights: nil, untrained: true, imagePath: nil, dataDirectory: dataDirectory, trainLimit: nil,
                                            memory: MemoryBudget(batch: 1, training: false)),
               let model = try? r.model() {
                view.attach(model)
                runtime = r
            }
            changed = true
        }
        if let runtime, view.withExplorer({ runtime.tick(&$0) }) { changed = true }
        return changed
    }

    func stop() { runtime?.stop() }
}
