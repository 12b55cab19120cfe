#if canImport(Glibc)
import Glibc
#endif

/// One tmux server per test on its own socket, with a plain shell in a pane of a given size.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor); the pane shows:\n\(screen)" }
    }

    let directory: String
    var socket: String { directory + "/tmux.sock" }
    private let environment: [String: String]

    init(width: Int, height: Int) throws {
        directory = EndToEnd.makeDirectory("alexnet-e2e")
        environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                       "TMUX_TMPDIR": directory]
        // The pane's shell gets a clean, explicit environment: `swift test` exports NO_COLOR=1.
        let shell = "/usr/bin/env -i PATH=/usr/bin:/bin HOME=\(directory) TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' /bin/sh"
        let r = tmux(["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", shell])
        guard r.status == 0 else { throw Timeout(waitingFor: "tmux new-session (\(r.stderr))", screen: "") }
        _ = tmux(["set-option", "-t", "e2e", "status", "off"])
        _ = try waitFor("$")
    }

    deinit {
        _ = tmux(["kill-server"])
        // Programs in the pane may have written files here (checkpoints, progress): remove them all.
        _ = Spawn.run(["/bin/rm", "-rf", directory], environment: ["PATH": "/usr/bin:/bin"])
    }

    @discardableResult
    func tmux(_ args: [String]) -> Spawn.Output {
        Spawn.run(["/usr/bin/tmux", "-S", socket] + args, environment: environment)
    }

    /// Types text literally, then Enter when asked.
    func type(_ text: String, enter: Bool = true) {
        tmux(["send-keys", "-t", "e2e", "-l", text])
        if enter { tmux(["send-keys", "-t", "e2e", "Enter"]) }
    }

    /// Sends tmux key names (Right, Escape, C-c, …).
    func keys(_ names: String...) {
        tmux(["send-keys", "-t", "e2e"] + names)
    }

    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program the pane's shell is running (the shell's only child), if any.
    func programPID() -> pid_t? {
        let shell = tmux(["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).stdout.filter { $0.isNumber }
        guard !shell.isEmpty, let file = fopen("/proc/\(shell)/task/\(shell)/children", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// The pane's text, or with `escapes` its text with colour escape sequences.
    func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "e2e"] + (escapes ? ["-e"] : [])).stdout
    }

    /// Polls the pane until every marker shows (or `until` holds), up to `seconds`.
    @discardableResult
    func waitFor(_ markers: String..., seconds: Double = 10, escapes: Bool = false) throws -> String {
        try waitUntil(markers.joined(separator: " & "), seconds: seconds, escapes: escapes) { screen in
            markers.allSatisfy { screen.contains($0) }
        }
    }

    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 10, escapes: Bool = false, _ condition: (String) -> Bool) throws -> String {
        let deadline = now() + seconds
        var screen = ""
        while now() < deadline {
            screen = capture(escapes: escapes)
            if condition(screen) { return screen }
            usleep(30_000)
        }
        throw Timeout(waitingFor: what, screen: screen)
    }

    /// Waits for `__EXIT=n__` and returns n.
    func waitForExit(seconds: Double = 10) throws -> Int {
        let screen = try waitUntil("__EXIT=…__", seconds: seconds) { $0.contains("__EXIT=") && Self.exitCode(in: $0) != nil }
        return Self.exitCode(in: screen)!
    }

    static func exitCode(in screen: String) -> Int? {
        // The typed command line holds "__EXIT=$?__"; only a number between the markers counts.
        for part in screen.split(separator: "__EXIT=", omittingEmptySubsequences: false).dropFirst() {
            let digits = part.prefix { $0.isNumber }
            if !digits.isEmpty, part.dropFirst(digits.count).hasPrefix("__") { return Int(digits) }
        }
        return nil
    }

    private func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
