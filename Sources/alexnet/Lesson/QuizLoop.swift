import ExplorerUI

/// The read-key / update / render loop of the quiz TUI.
struct QuizLoop {
    let session: TerminalSession

    /// Runs until the learner leaves; returns the signal number if a signal ended it.
    func run(_ view: inout QuizView) -> Int32? {
        var presenter = GridPresenter(capabilities: session.capabilities, directColor: session.directColor)
        var size = session.size
        var grid = CellGrid(width: size.width, height: size.height)
        var dirty = true
        while !view.wantsQuit {
            if let signal = session.stopSignal { return signal }
            let now = session.size
            if now != size {
                size = now
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
            guard let key = KeyDecoder.key(from: code), key != .resize else { continue }
            view.update(key)
            dirty = true
        }
        return nil
    }
}
