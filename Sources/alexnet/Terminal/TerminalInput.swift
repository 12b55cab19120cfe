import AppRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop's messages from a terminal: keys and resizes from curses, and the workers' wake-ups, waited for
/// together with `poll`, so a training snapshot is drawn when it is posted rather than at the next timer.
struct TerminalInput: LoopInput {
    let session: TerminalSession
    let wakeup: EngineWakeup

    var stopSignal: Int32? { session.stopSignal }
    var size: (width: Int, height: Int) { session.size }

    mutating func next(timeoutMilliseconds: Int32) -> LoopMessage? {
        // Curses may hold keys it has read already (a paste, an escape sequence): those first.
        if let message = key(waiting: 0) { return message }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, timeoutMilliseconds)
        // A signal (SIGWINCH, SIGINT) interrupts the wait: a resize is then a key curses has queued.
        if ready < 0 { return key(waiting: 0) ?? .tick }
        if ready == 0 { return .tick }
        if fds[1].revents != 0 { wakeup.drain(); return .engine }
        return key(waiting: 20) ?? .tick
    }

    private func key(waiting milliseconds: Int32) -> LoopMessage? {
        guard let key = KeyDecoder.key(from: session.readKey(timeoutMilliseconds: milliseconds)) else { return nil }
        if key == .resize { return .resized(width: session.size.width, height: session.size.height) }
        return .key(key)
    }
}
