extension LRNSpec {
    /// The normalised value of channel `channel` at one pixel whose channel values are `values`,
    /// computed by the engine's own `LocalResponseNorm`, so a quiz asks what training computes.
    public func response(of values: [Float], at channel: Int) -> Float {
        precondition(values.indices.contains(channel), "the channel is one of the values")
        let y = LocalResponseNorm(spec: self).forward(Tensor(shape: [1, values.count, 1, 1], data: values), mode: .eval)
        return y.data[channel]
    }
}
