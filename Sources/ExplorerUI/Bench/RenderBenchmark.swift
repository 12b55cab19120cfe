import AlexNetCore

/// A benchmark for `alexnet bench`: render a full-screen grid of filter heatmaps into a CellGrid.
/// The target is ≤ 5 ms per frame for 200×60, so the explorer redraws instantly even while training.
public enum RenderBenchmark {
    /// The result of one run: frames rendered and the time per frame.
    public struct Result: Sendable {
        public var width: Int
        public var height: Int
        public var frames: Int
        public var secondsPerFrame: Double
        /// The last frame drawn, so a test can check the work was the whole screen it claims.
        public var frame: CellGrid
        public var summary: String {
            "render filters screen \(width)×\(height): \(NumberText.fixed(secondsPerFrame * 1000, 3)) ms/frame over \(frames) frames (target ≤ 5 ms)"
        }
    }

    /// Renders the filters screen of 96 random 11×11×3 filters `frames` times, in 256 colours with
    /// half blocks (the most work per cell).
    public static func heatmapScreen(width: Int = 200, height: Int = 60, frames: Int = 200,
                                     capabilities: Capabilities = .standard) -> Result {
        var rng = SeededRandom(seed: 1)
        let weights = Tensor(shape: [96, 3, 11, 11], data: (0..<(96 * 3 * 11 * 11)).map { _ in rng.symmetric() })
        let filters = FilterSet(layer: "conv1", weights: weights, provenance: .untrained("benchmark"))
        var explorer = try! Explorer(network: Preset.alexnet.spec, filters: filters, capabilities: capabilities)
        explorer.update("3")
        explorer.resize(width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        explorer.render(into: &grid)   // warm-up
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<frames { explorer.render(into: &grid) }
        }
        let seconds = elapsed / .seconds(1)
        return Result(width: width, height: height, frames: frames, secondsPerFrame: seconds / Double(frames), frame: grid)
    }
}
