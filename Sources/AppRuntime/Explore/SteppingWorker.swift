import Foundation

/// Runs a step function on its own thread while the UI stays responsive: the UI asks it to start, pause,
/// save or stop through flags, and takes the latest immutable snapshot when it draws. The step function
/// and the objects it captures are only ever touched on the worker thread.
final class SteppingWorker<Snapshot: Sendable>: @unchecked Sendable {
    enum Outcome { case continuing, finished(String) }

    private let condition = NSCondition()
    private var running = false
    private var saveRequested = false
    private var quit = false
    private var latest: Snapshot?
    private var thread: Thread?
    private var done = false
    /// A bounded run (a lesson's `train: N`): steps left and steps asked for; nil runs until paused.
    private var budget: (left: Int, total: Int)?

    /// `step` runs one unit of work; `snapshot` describes the state (running or not, a message);
    /// `save` writes a checkpoint and says where.
    private let step: () throws -> Outcome
    private let snapshot: (_ running: Bool, _ message: String?, _ failure: String?, _ budget: (left: Int, total: Int)?) -> Snapshot
    private let save: (() throws -> String)?
    /// Seconds between snapshots while running.
    private let interval: Double

    /// Wakes the UI loop when a snapshot is posted.
    private let wake: @Sendable () -> Void

    init(interval: Double = 0.25, wake: @escaping @Sendable () -> Void = {}, step: @escaping () throws -> Outcome,
         snapshot: @escaping (_ running: Bool, _ message: String?, _ failure: String?, _ budget: (left: Int, total: Int)?) -> Snapshot,
         save: (() throws -> String)? = nil) {
        self.step = step; self.snapshot = snapshot; self.save = save; self.interval = interval; self.wake = wake
    }

    func start() {
        let t = Thread { [self] in loop() }
        t.stackSize = 8 << 20
        thread = t
        t.start()
    }

    func toggleRunning() {
        condition.lock(); defer { condition.unlock() }
        guard !done else { return }
        running.toggle()
        budget = nil
        condition.signal()
    }

    /// Runs `steps` more steps, then pauses.
    func run(steps: Int) {
        condition.lock(); defer { condition.unlock() }
        guard !done, steps > 0 else { return }
        running = true
        budget = (steps, steps)
        condition.signal()
    }

    func pause() {
        condition.lock(); defer { condition.unlock() }
        running = false
        budget = nil
        condition.signal()
    }

    func requestSave() {
        condition.lock(); defer { condition.unlock() }
        saveRequested = true
        condition.signal()
    }

    /// The newest snapshot, once: nil when nothing changed since the last call.
    func takeSnapshot() -> Snapshot? {
        condition.lock(); defer { condition.unlock() }
        defer { latest = nil }
        return latest
    }

    /// Stops after the current step and waits for the thread to end.
    func stop() {
        condition.lock()
        quit = true
        condition.signal()
        condition.unlock()
        while true {
            condition.lock()
            let ended = thread == nil
            condition.unlock()
            if ended { return }
            usleep(5_000)
        }
    }

    private func publish(_ s: Snapshot) {
        condition.lock(); latest = s; condition.unlock()
        wake()
    }

    private func loop() {
        var lastPublish = Date.distantPast
        var shownRunning = false
        publish(snapshot(false, nil, nil, nil))
        while true {
            condition.lock()
            if !running && shownRunning {
                // Paused: say so at once, not at the next step.
                condition.unlock()
                publish(snapshot(false, nil, nil, nil))
                shownRunning = false
                continue
            }
            while !running && !saveRequested && !quit { condition.wait() }
            if quit { thread = nil; condition.unlock(); return }
            let doSave = saveRequested
            saveRequested = false
            let doStep = running
            let stepBudget = budget
            condition.unlock()

            if doSave, let save {
                let message: String
                do { message = "saved \(try save())" } catch { message = "could not save: \(error)" }
                publish(snapshot(doStep, message, nil, stepBudget))
            }
            guard doStep else { continue }
            do {
                switch try step() {
                case .continuing:
                    // A bounded run counts down and pauses itself at zero (the paused branch above publishes).
                    condition.lock()
                    // The last step of a bounded run still reports its budget (0 left), so the snapshot
                    // says which run just ended.
                    var left: (left: Int, total: Int)?
                    if var b = budget {
                        b.left -= 1
                        budget = b.left > 0 ? b : nil
                        if b.left <= 0 { running = false }
                        left = b
                    }
                    condition.unlock()
                    if !shownRunning || Date().timeIntervalSince(lastPublish) >= interval {
                        publish(snapshot(true, nil, nil, left)); lastPublish = Date(); shownRunning = true
                    }
                case .finished(let why):
                    condition.lock(); running = false; done = true; budget = nil; condition.unlock()
                    publish(snapshot(false, why, nil, nil)); shownRunning = false
                }
            } catch {
                condition.lock(); running = false; done = true; budget = nil; condition.unlock()
                publish(snapshot(false, nil, "\(error)", nil)); shownRunning = false
            }
        }
    }
}
