#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// How one run of a program ended.
public struct RunOutcome: Sendable {
    /// Exit status, or nil when a signal ended it.
    public var exitCode: Int32?
    public var signal: Int32?
    public var timedOut: Bool
    public var stdout: String
    public var stderr: String
    public var seconds: Double
    /// Peak resident memory of the child, in KiB (from wait4's rusage).
    public var maxRSSKiB: Int
}

/// Runs a program with posix_spawn (not Foundation.Process: with tmux it can hang waiting for the daemonised
/// server, and its children inherit blocked signals, which leaves a child deaf to a timeout's SIGTERM): default signal mask and dispositions, only
/// fds 0–2, an explicit environment, its own process group (so a timeout kills everything it started) and, when
/// asked, an address-space limit set by `/bin/sh`'s `ulimit -v` just before it execs the program, so a runaway
/// allocation fails inside the child instead of taking the machine. Shared by the fuzz harness and the
/// end-to-end tests. (swift-subprocess does the same set-up, but is async only and gives no rusage.)
public enum ChildProcess {
    private static let spawnLock = Mutex(())

    /// `keepBytes` of each stream are kept; the rest is read and dropped, so a flood cannot fill memory.
    public static func run(_ arguments: [String], environment: [String: String], stdinPath: String = "/dev/null",
                           timeout: Double, memoryLimitKiB: Int? = nil, fileSizeBlocks: Int? = nil,
                           keepBytes: Int = 256 * 1024) -> RunOutcome {
        let started = monotonicSeconds()
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        // Close-on-exec pipes, made under the lock every spawn takes, so a child spawned by the other
        // worker never inherits our write ends (Glibc's pipe2 is not imported into Swift).
        spawnLock.withLock { _ in
            precondition(pipe(&outPipe) == 0 && pipe(&errPipe) == 0, "pipe failed")
            for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        // `exec` keeps the pid: the status and rusage are the program's own.
        // `fileSizeBlocks` (ulimit -f, 512-byte blocks) stands in for a full disk without root.
        let limits = (memoryLimitKiB.map { ["ulimit -v \($0) || exit 125"] } ?? []) + (fileSizeBlocks.map { ["ulimit -f \($0) || exit 125"] } ?? [])
        let shell = limits.isEmpty ? arguments : ["/bin/sh", "-c", limits.joined(separator: "; ") + "; exec \"$0\" \"$@\""] + arguments
        let argv = shell.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }; envp.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attributes)
        }
        var pid: pid_t = 0
        let rc = spawnLock.withLock { _ in
            // Every other descriptor of ours (the other worker's pipes, files) stays out of the child.
            for fd in openDescriptors() where fd > 2 && fd != outPipe[1] && fd != errPipe[1] {
                posix_spawn_file_actions_addclose(&actions, fd)
            }
            return posix_spawn(&pid, shell[0], &actions, &attributes, argv, envp)
        }
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            return RunOutcome(exitCode: 125, signal: nil, timedOut: false, stdout: "",
                              stderr: "posix_spawn failed: \(rc)", seconds: 0, maxRSSKiB: 0)
        }

        var out = Stream(fd: outPipe[0], keepBytes: keepBytes), err = Stream(fd: errPipe[0], keepBytes: keepBytes)
        let (status, usage, timedOut) = collect(pid, &out, &err, deadline: started + timeout)
        out.close(); err.close()
        let exitCode: Int32? = (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
        let signal: Int32? = (status & 0x7f) == 0 ? nil : status & 0x7f
        return RunOutcome(exitCode: exitCode, signal: signal, timedOut: timedOut,
                          stdout: String(decoding: out.bytes, as: UTF8.self),
                          stderr: String(decoding: err.bytes, as: UTF8.self),
                          seconds: monotonicSeconds() - started, maxRSSKiB: Int(usage.ru_maxrss))
    }

    /// Reads both pipes until they close, then reaps the child; past `deadline` its whole process group
    /// is killed. The wait status, the child's rusage and whether it was killed for time.
    private static func collect(_ pid: pid_t, _ out: inout Stream, _ err: inout Stream,
                                deadline: Double) -> (status: Int32, usage: rusage, timedOut: Bool) {
        var timedOut = false
        var status: Int32 = 0
        var usage = rusage()
        // After end of file the child is usually exiting: check again soon, then less often (a flat 5 ms
        // sleep made every short run ~4 ms slower, which the end-to-end tests' polling loops multiplied).
        var pause: UInt32 = 50
        while true {
            var fds = [out, err].filter { $0.open }.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            if !fds.isEmpty {
                _ = poll(&fds, nfds_t(fds.count), 50)
                out.drain(); err.drain()
            } else {
                let done = wait4(pid, &status, WNOHANG, &usage)
                if done == pid { break }
                usleep(pause)
                pause = min(pause * 2, 5_000)
            }
            if !timedOut, monotonicSeconds() > deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
        }
        return (status, usage, timedOut)
    }

    /// One of the child's output pipes, read without blocking.
    private struct Stream {
        let fd: Int32
        let keepBytes: Int
        var open = true
        var bytes: [UInt8] = []

        init(fd: Int32, keepBytes: Int) {
            self.fd = fd
            self.keepBytes = keepBytes
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }

        mutating func drain() {
            guard open else { return }
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if bytes.count < keepBytes { bytes += buffer[0..<min(n, keepBytes - bytes.count)] }
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    return
                } else {
                    open = false
                    return
                }
            }
        }

        mutating func close() {
            Glibc.close(fd)
            open = false
        }
    }

    public static func monotonicSeconds() -> Double {
        (ContinuousClock.now - origin) / .seconds(1)
    }

    private static let origin = ContinuousClock.now

    /// The descriptors open in this process, from /proc/self/fd.
    private static func openDescriptors() -> [Int32] {
        guard let dir = opendir("/proc/self/fd") else { return [] }
        defer { closedir(dir) }
        let own = dirfd(dir)
        var fds: [Int32] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let fd = Int32(name), fd != own { fds.append(fd) }
        }
        return fds
    }
}
