import ExplorerUI

/// Anything the terminal loop can drive: the explorer, the lesson, the quiz (ExplorerUI's `AppView`).
public typealias InteractiveView = AppView

/// What the loop reacts to, whichever way it came: one message type for keys, size changes, engine results
/// and the clock (bubbletea's `tea.Msg`).
public enum LoopMessage: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// A worker posted a result (a training snapshot, a comparison, made weights, a forward pass).
    case engine
    /// Nothing arrived for a while.
    case tick
}

/// Where the loop's messages come from: the terminal and the workers' wake-ups (`TerminalInput`), or a
/// script in the tests.
public protocol LoopInput {
    /// The next message, waiting at most `timeoutMilliseconds` (then `.tick`); nil when there is none to come.
    mutating func next(timeoutMilliseconds: Int32) -> LoopMessage?
    /// The signal number that asked the program to stop, if any.
    var stopSignal: Int32? { get }
    var size: (width: Int, height: Int) { get }
}

/// Where frames go: the terminal (`GridPresenter`), or a list of frames in the tests.
public protocol LoopOutput {
    mutating func present(_ grid: CellGrid)
    /// The next frame is drawn in full (after a resize).
    mutating func invalidate()
}

/// The one loop every full-screen command runs: take a message, let `update` apply it, let the engine carry
/// out what the view asked for (`engine`, the runtime's `tick`: requests, then the workers' newest results),
/// draw when something changed. A key is applied before the engine runs, so a request it makes is carried
/// out in the same turn and its frame is the next one; workers wake the loop when they post, so nothing
/// waits for a timer.
public enum ScreenLoop {
    /// How long the loop sleeps when nothing happens: only a fallback, since keys, resizes, signals and the
    /// workers' posts each wake it.
    public static let idleMilliseconds: Int32 = 1_000

    /// Runs until the view wants to quit or the input ends; returns the signal number if a signal (SIGINT,
    /// SIGTERM, SIGHUP) ended it.
    public static func run<View: InteractiveView, Input: LoopInput, Output: LoopOutput>(
        _ view: inout View, input: inout Input, output: inout Output,
        engine: (inout View) -> Bool = { _ in false }) -> Int32? {
        var size = input.size
        view.resize(width: size.width, height: size.height)
        var grid = CellGrid(width: size.width, height: size.height)
        var dirty = engine(&view) || true
        while !view.wantsQuit {
            if let signal = input.stopSignal { return signal }
            if dirty {
                view.render(into: &grid)
                output.present(grid)
                dirty = false
            }
            guard var message = input.next(timeoutMilliseconds: idleMilliseconds) else { return nil }
            // A size change curses did not report as a key still reaches the view.
            if message == .tick, input.size != size { message = .resized(width: input.size.width, height: input.size.height) }
            if case .resized(let w, let h) = message, (w, h) != size {
                size = (w, h)
                grid.resize(width: w, height: h)
                output.invalidate()
            }
            if update(&view, message, engine: engine) { dirty = true }
        }
        return nil
    }

    /// Applies one message to the view, then lets the engine carry out what it asked for; true when the
    /// view changed.
    public static func update<View: InteractiveView>(_ view: inout View, _ message: LoopMessage,
                                              engine: (inout View) -> Bool) -> Bool {
        switch message {
        case .key(let key):
            view.update(key)
            _ = engine(&view)
            return true
        case .resized(let w, let h):
            view.resize(width: w, height: h)
            _ = engine(&view)
            return true
        case .engine, .tick:
            return engine(&view)
        }
    }
}
