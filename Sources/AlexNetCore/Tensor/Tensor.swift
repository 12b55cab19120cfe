/// A dense fp32 tensor in row-major (NCHW for feature maps) order.
///
/// A value type over a copy-on-write array: snapshots handed to the UI cost nothing until the
/// trainer writes again, and hot loops reach the storage through `withUnsafe…` pointers.
public struct Tensor: Sendable, Equatable {
    public private(set) var shape: [Int]
    public var data: [Float]

    public init(shape: [Int], data: [Float]) {
        precondition(shape.reduce(1, *) == data.count, "shape \(shape) needs \(shape.reduce(1, *)) values, got \(data.count)")
        self.shape = shape; self.data = data
    }

    public init(zeros shape: [Int]) {
        self.init(shape: shape, data: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    /// A tensor whose every element the caller will write before reading: skips zero-filling buffers
    /// that a layer overwrites anyway (megabytes per layer and step).
    init(uninitialized shape: [Int]) {
        let n = shape.reduce(1, *)
        self.shape = shape
        data = [Float](unsafeUninitializedCapacity: n) { _, count in count = n }
    }

    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, data: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    public var count: Int { data.count }

    /// The same values under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, data: data)
    }

    public mutating func reshape(_ newShape: [Int]) {
        precondition(newShape.reduce(1, *) == data.count, "cannot reshape \(shape) to \(newShape)")
        shape = newShape
    }

    /// Sets every element to zero, keeping the storage.
    public mutating func zero() {
        data.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
