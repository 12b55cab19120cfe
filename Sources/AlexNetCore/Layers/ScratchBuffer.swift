/// A float buffer that grows to the largest size asked of it and is reused from step to step, so that the
/// hot path allocates (and page-faults in) nothing per step. Contents are not kept across a `reserve` that grows.
final class ScratchBuffer {
    private var pointer: UnsafeMutablePointer<Float>?
    private(set) var capacity = 0

    /// At least `count` floats, uninitialised.
    func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count > capacity || pointer == nil {
            pointer?.deallocate()
            capacity = max(1, count)
            pointer = .allocate(capacity: capacity)
        }
        return pointer!
    }

    deinit { pointer?.deallocate() }
}

/// Scratch memory shared by the conv layers of one network. Layers run one after another, so one set of
/// buffers sized for the largest layer serves them all; when each layer kept its own lowering buffer,
/// AlexNet held about 200 MB of them between steps.
final class ConvWorkspace {
    /// One chunk's lowered input (forward, weight gradient) or lowered dOut (input gradient).
    let cols = ScratchBuffer()
    /// One chunk's GEMM output, or its dOut gathered into a matrix.
    let product = ScratchBuffer()
    /// dOut through a fused ReLU.
    let masked = ScratchBuffer()
    /// Weights rearranged for the input gradient.
    let flipped = ScratchBuffer()
    /// Each chunk's weight and bias gradients, added in chunk order.
    let partials = ScratchBuffer()
}
