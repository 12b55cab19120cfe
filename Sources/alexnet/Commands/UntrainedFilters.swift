#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import AlexNetCore
import ExplorerUI

/// The first conv layer's weights as the paper initialises them (zero-mean Gaussian, σ = 0.01), for the
/// filters screen until a checkpoint is given. Until the engine's own initialiser is wired in here,
/// this draws them with a seeded Box–Muller generator so the picture is reproducible.
enum UntrainedFilters {
    static func firstConv(of network: NetworkSpec, seed: UInt64) -> FilterSet? {
        guard let report = try? network.shapeReport(),
              let conv = report.layers.first(where: { if case .conv = $0.kind { true } else { false } }),
              case .conv(let c) = conv.kind else { return nil }
        let shape = [c.outChannels, conv.input.channels / c.groups, c.kernel, c.kernel]
        var state = seed
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / Double(1 << 53)
        }
        let count = shape.reduce(1, *)
        var data = [Float]()
        data.reserveCapacity(count)
        for _ in 0..<count {
            let g = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
            data.append(Float(0.01 * g))
        }
        return FilterSet(layer: conv.name, weights: Tensor(shape: shape, data: data),
                         provenance: .untrained("Gaussian σ = 0.01, seed \(seed)"))
    }
}
