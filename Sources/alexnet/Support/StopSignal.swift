import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into a flag that a long loop polls, so training can stop between
/// steps and keep what it has, instead of dying mid-write.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised: Int32?
    private var sources: [DispatchSourceSignal] = []

    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        for s in signals {
            Foundation.signal(s, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
            source.setEventHandler { [weak self] in self?.raise(s) }
            source.resume()
            sources.append(source)
        }
    }

    private func raise(_ s: Int32) {
        lock.lock(); defer { lock.unlock() }
        if raised == nil { raised = s }
    }

    /// The signal that asked to stop, if any.
    var signal: Int32? {
        lock.lock(); defer { lock.unlock() }
        return raised
    }

    deinit {
        for s in sources { s.cancel() }
    }
}
