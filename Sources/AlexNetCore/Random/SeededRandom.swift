/// SplitMix64: a tiny, fast, seedable generator. Every random choice in the program (initialisation,
/// data order, dropout masks, crops) draws from one of these, created from the run's seed, so a run
/// is reproducible and no global state is involved.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The generator's whole state: a checkpoint keeps it, so that a resumed run draws exactly what the
    /// uninterrupted run would have drawn.
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Continues a generator from a saved `state`.
    public init(state: UInt64) { self.state = state }

    /// An independent stream for a named purpose, so that adding a draw in one place does not shift
    /// every other stream (e.g. dropout masks stay the same when augmentation changes).
    public init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in stream.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        state = seed ^ h
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1), never exactly 0 (safe for log).
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) / Double(1 << 53)
    }

    /// Standard normal by Box–Muller.
    public mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A uniformly random integer in 0..<n, without modulo bias (Lemire's multiply-shift with rejection).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Uniform in [−1, 1).
    public mutating func symmetric() -> Float { Float(Double(next() >> 11) / Double(1 << 53) * 2 - 1) }

    /// A shuffled permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        guard n > 1 else { return p }
        for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, below(i + 1)) }
        return p
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Darwin
@inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
