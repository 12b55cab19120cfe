import AppRuntime
import ExplorerUI

/// The terminal's frames.
extension GridPresenter: LoopOutput {}

extension ScreenLoop {
    /// Runs the loop on an open terminal; `wakeup` is the one the runtime's workers post to.
    static func run<View: InteractiveView>(_ view: inout View, in session: TerminalSession,
                                           wakeup: EngineWakeup = EngineWakeup(),
                                           engine: (inout View) -> Bool = { _ in false }) -> Int32? {
        var input = TerminalInput(session: session, wakeup: wakeup)
        var output = GridPresenter(capabilities: session.capabilities, directColor: session.directColor)
        return run(&view, input: &input, output: &output, engine: engine)
    }
}
