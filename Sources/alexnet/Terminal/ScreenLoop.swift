import ExplorerUI

/// Anything the terminal loop can drive: the explorer, the lesson, the quiz (ExplorerUI's `AppView`).
typealias InteractiveView = AppView

/// The read-key / update / render loop: draws only when something changed, follows resizes, and stops
/// on quit or on a signal.
struct ScreenLoop {
    let session: TerminalSession

    /// Runs until the view wants to quit; returns the signal number if a signal (SIGINT, SIGTERM, SIGHUP)
    /// ended it. `tick` runs about five times a second and after every key, for work that feeds the view
    /// from outside (training snapshots); it returns true when it changed the view.
    func run<View: InteractiveView>(_ view: inout View, tick: (inout View) -> Bool = { _ in false }) -> Int32? {
        var presenter = GridPresenter(capabilities: session.capabilities, directColor: session.directColor)
        var size = session.size
        view.resize(width: size.width, height: size.height)
        var grid = CellGrid(width: size.width, height: size.height)
        var dirty = true
        while !view.wantsQuit {
            if let signal = session.stopSignal { return signal }
            let now = session.size
            if now != size {
                size = now
                view.resize(width: size.width, height: size.height)
                grid.resize(width: size.width, height: size.height)
                presenter.invalidate()
                dirty = true
            }
            if dirty {
                view.render(into: &grid)
                presenter.present(grid)
                dirty = false
            }
            let code = session.readKey(timeoutMilliseconds: 200)
            if tick(&view) { dirty = true }
            guard let key = KeyDecoder.key(from: code) else { continue }
            if key != .resize { view.update(key) }
            dirty = true
        }
        return nil
    }
}
