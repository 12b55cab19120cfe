#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What every end-to-end test needs once: the repository, the binary, a temporary directory that is removed
/// again, and the real program started in a tmux pane.
enum EndToEnd {
    /// The checkout this test was built from (…/Tests/EndToEndTests/EndToEnd.swift → …).
    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// The built `alexnet`, or an error telling to build it.
    static func binary() throws -> String {
        guard let path = AlexNetBinary.path else {
            throw TmuxSession.Timeout(waitingFor: "the alexnet binary (run `swift build` first)", screen: "")
        }
        return path
    }

    /// A new directory /tmp/PREFIX-XXXXXX (mkdtemp); the caller removes it (or use `TemporaryDirectory`).
    static func makeDirectory(_ prefix: String) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) } != nil
        precondition(made, "mkdtemp failed: \(errno)")
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A word quoted for /bin/sh.
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs `alexnet` with `arguments` under sh in `directory` (the repository by default), with `input` on
    /// stdin and a clean environment (plus `environment`); HOME and XDG_DATA_HOME are a fresh directory.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    directory: String? = nil) throws -> Spawn.Output {
        let binary = try binary()
        let home = TemporaryDirectory()
        let script = "cd \(quoted(directory ?? repository)) && printf '%s' \"$INPUT\" | "
            + ([binary] + arguments).map(quoted).joined(separator: " ")
        var env = ["PATH": "/usr/bin:/bin", "HOME": home.path, "XDG_DATA_HOME": home.path, "INPUT": input]
        env.merge(environment) { $1 }
        return Spawn.run(["/bin/sh", "-c", script], environment: env)
    }

    /// Terminal columns of printed text: CJK and other wide characters take two, combining marks none.
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        CommandLineEndToEndTests.displayWidth(Substring(text))
    }
}

/// A fresh directory under /tmp, removed with everything in it when the value goes away.
final class TemporaryDirectory {
    let path: String

    init(prefix: String = "alexnet-e2e") { path = EndToEnd.makeDirectory(prefix) }

    /// Writes `text` to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        let f = fopen(file, "w")!
        fputs(text, f)
        fclose(f)
        return file
    }

    deinit { _ = Spawn.run(["/bin/rm", "-rf", path], environment: ["PATH": "/usr/bin:/bin"]) }
}

extension TmuxSession {
    /// A pane of `width`×`height` running `alexnet ARGUMENTS` (with `environment`), after its first frame
    /// shows `marker`. `stop()` quits it.
    static func launch(_ arguments: String = "", environment: String = "", width: Int = 80, height: Int = 24,
                       waitingFor marker: String, seconds: Double = 20) throws -> TmuxSession {
        let tmux = try TmuxSession(width: width, height: height)
        tmux.type(try AlexNetBinary.command(arguments, environment: environment))
        try tmux.waitFor(marker, seconds: seconds)
        return tmux
    }

    /// Presses `key` (q by default) and returns the program's exit status.
    func stop(_ key: String = "q", seconds: Double = 20) throws -> Int {
        keys(key)
        return try waitForExit(seconds: seconds)
    }
}

/// Every suite that drives the program in tmux lives in here, so they run one at a time: on a 2-core machine
/// they otherwise compete with each other (and with CPU-heavy suites) for the time their deadlines assume.
@Suite(.serialized) enum TerminalSuites {}
