import AlexNetCore

/// An edited copy of a network and what its shapes become: the full report when every layer works,
/// else the report of the layers before the first impossible one and the error that stopped it.
struct WhatIfNetwork: Sendable {
    let original: NetworkSpec
    let originalReport: ShapeReport
    private(set) var network: NetworkSpec
    private(set) var report: ShapeReport?
    /// The layers that still work when `error` is set (a prefix of the network).
    private(set) var partial: [LayerReport] = []
    private(set) var error: ShapeError?

    init(original: NetworkSpec, originalReport: ShapeReport) {
        self.original = original; self.originalReport = originalReport
        network = original
        recompute()
    }

    var errorIndex: Int? {
        guard let error else { return nil }
        return network.layers.firstIndex { $0.name == error.layer } ?? (error.layer == "input" ? 0 : nil)
    }

    var isEdited: Bool { network != original }

    /// The layers to show: all of them, or those before the error.
    var layers: [LayerReport] { report?.layers ?? partial }

    mutating func reset() { network = original; recompute() }

    /// Changes kernel, stride or padding of a conv or pool layer by `delta`; nothing else is editable.
    mutating func adjust(_ field: Field, of index: Int, by delta: Int) {
        guard network.layers.indices.contains(index), var w = network.layers[index].kind.window else { return }
        switch field {
        case .kernel: w.kernel = max(1, w.kernel + delta)
        case .stride: w.stride = max(1, w.stride + delta)
        case .padding: w.padding = max(0, w.padding + delta)
        }
        network.layers[index].kind.window = w
        recompute()
    }

    /// Changes the input's height and width together.
    mutating func adjustInput(by delta: Int) {
        network.input.height = max(1, network.input.height + delta)
        network.input.width = max(1, network.input.width + delta)
        recompute()
    }

    enum Field: Sendable { case kernel, stride, padding }

    private mutating func recompute() {
        do throws(ShapeError) {
            // Edits keep the preset's rounding (a lesson's `rounding: ceil` shows cuda-convnet's sizes).
            report = try network.shapeReport(convolutionRounding: originalReport.convolutionRounding)
            partial = []; error = nil
        } catch {
            report = nil
            self.error = error
            partial = []
            if let i = errorIndex, i > 0 {
                var prefix = network
                prefix.layers = Array(network.layers[..<i])
                partial = (try? prefix.shapeReport(convolutionRounding: originalReport.convolutionRounding))?.layers ?? []
            }
        }
    }
}
