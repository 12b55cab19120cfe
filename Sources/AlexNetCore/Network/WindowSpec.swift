/// The sliding window of a conv or pool layer: kernel F (square), stride S and padding P (the same on
/// every side). The one place that knows which layer kinds have a window, so that the shape report,
/// the what-if editor and the screens do not each switch over conv and pool.
public struct WindowSpec: Sendable, Equatable, Hashable {
    public var kernel: Int
    public var stride: Int
    public var padding: Int

    public init(kernel: Int, stride: Int, padding: Int) {
        self.kernel = kernel; self.stride = stride; self.padding = padding
    }

    /// The output-size formula of this window along one side of `input` pixels.
    public func formula(input: Int, rounding: PoolRounding = .floor) -> SizeFormula {
        SizeFormula(input: input, kernel: kernel, padding: padding, stride: stride, rounding: rounding)
    }
}

extension ConvSpec {
    /// Kernel, stride and padding together.
    public var window: WindowSpec {
        get { WindowSpec(kernel: kernel, stride: stride, padding: padding) }
        set { kernel = newValue.kernel; stride = newValue.stride; padding = newValue.padding }
    }
}

extension PoolSpec {
    /// Kernel, stride and padding together.
    public var window: WindowSpec {
        get { WindowSpec(kernel: kernel, stride: stride, padding: padding) }
        set { kernel = newValue.kernel; stride = newValue.stride; padding = newValue.padding }
    }
}

extension LayerKind {
    /// The window of a conv or pool layer; nil for every other kind. Setting it changes a conv's or
    /// pool's kernel, stride and padding (keeping everything else) and does nothing to other kinds.
    public var window: WindowSpec? {
        get {
            switch self {
            case .conv(let c): c.window
            case .maxpool(let p): p.window
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch self {
            case .conv(var c): c.window = newValue; self = .conv(c)
            case .maxpool(var p): p.window = newValue; self = .maxpool(p)
            default: return
            }
        }
    }
}
