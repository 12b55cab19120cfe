import Foundation

/// One piece of work on its own thread, whose value the UI thread takes when it is there (`value`) or
/// waits for (`wait`). The work and what it captures are touched only on that thread until it is done;
/// after that only the taker touches the value.
final class BackgroundJob<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var done: Value?
    private let work: () -> Value

    /// Starts `work` at once; `wake` is called (on the job's thread) once the value is there.
    init(wake: @escaping @Sendable () -> Void = {}, _ work: @escaping () -> Value) {
        self.work = work
        let thread = Thread { [self] in
            let value = self.work()
            condition.lock()
            done = value
            condition.broadcast()
            condition.unlock()
            wake()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value if the work is done, else nil; never waits.
    var value: Value? {
        condition.lock(); defer { condition.unlock() }
        return done
    }

    /// The value, waiting for the work to finish.
    func wait() -> Value {
        condition.lock(); defer { condition.unlock() }
        while done == nil { condition.wait() }
        return done!
    }
}
