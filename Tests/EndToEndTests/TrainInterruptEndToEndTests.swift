#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

extension TerminalSuites {
/// Ctrl-C in `train`: with a terminal the progress line redraws in place (it fits the 80-column pane), and
/// without --save the run says that nothing was saved, on one line, before exiting 130.
@Suite(.timeLimit(.minutes(2)))
struct TrainInterruptEndToEndTests {
    @Test(.enabled(if: FashionMNISTFiles.installed))
    func ctrlCWithoutSaveSaysNothingWasSaved() throws {
        let tmux = try TmuxSession.launch("train --preset mini --epochs 1", width: 80, height: 24,
                                          waitingFor: "epoch 1/1 [", seconds: 60)
        // Redrawn in place: after several updates there is still one progress line on the screen.
        usleep(1_500_000)
        let screen = tmux.capture()
        #expect(screen.components(separatedBy: "epoch 1/1 [").count - 1 == 1, "\(screen)")
        #expect(try tmux.stop("C-c") == 130)
        let after = tmux.capture()
        #expect(after.contains(": nothing was saved (--save FILE keeps a checkpoint)") && after.contains("stopped at step "), "\(after)")
    }
}
}
