import ChildProcessModule

/// Runs a program as the fuzz harness does (`ChildProcess`: posix_spawn with the default signal mask and
/// dispositions, only fds 0–2 inherited, an explicit environment, stdin from /dev/null). Foundation.Process
/// is avoided on purpose: with tmux it can hang waiting for the daemonised server, and its children inherit
/// blocked signals. Done this way, 40 runs in a row passed, also under load and with tests in parallel.
enum Spawn {
    /// Far above any test's own deadline: a stuck child fails its test instead of hanging the suite.
    static let timeout = 300.0

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String]) -> Output {
        let run = ChildProcess.run(arguments, environment: environment, timeout: timeout, keepBytes: 64 << 20)
        let status = run.exitCode ?? 128 + (run.signal ?? 0)
        return Output(status: status, stdout: run.stdout,
                      stderr: run.stderr + (run.timedOut ? "\n(killed after \(Int(timeout)) s: \(arguments.joined(separator: " ")))" : ""))
    }
}
