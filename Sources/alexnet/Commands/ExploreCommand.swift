import AlexNetCore
import ArgumentParser
import ExplorerUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `alexnet explore`: the full-screen explorer (also what `alexnet` with no arguments runs).
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the full-screen explorer: layer walk, what-if shapes, filters.",
        discussion: "Keys: 1–3 or Tab switch screens, ←/→ step through layers, ? shows every key, q quits.")

    @Option(help: "The network to explore: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var preset: String = Preset.alexnet.rawValue

    func validate() throws {
        guard Preset(rawValue: preset) != nil else {
            throw ValidationError("unknown preset '\(preset)'; expected one of \(Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let network = Preset(rawValue: preset)!.spec
        let filters = UntrainedFilters.firstConv(of: network, seed: 1)
        let environment = ProcessEnvironment.current
        let session: TerminalSession
        do {
            session = try TerminalSession(environment: environment)
        } catch {
            var stderr = StandardError()
            print(error.description, to: &stderr)
            throw ExitCode.failure
        }
        defer { session.close() }
        var explorer = try Explorer(network: network, filters: filters, capabilities: session.capabilities)
        if let signal = ExploreLoop(session: session).run(&explorer) {
            session.close()
            throw ExitCode(128 + signal)
        }
    }
}

/// The read-key / update / render loop.
struct ExploreLoop {
    let session: TerminalSession
    /// Called about five times a second and after every key, for work that feeds the screens from
    /// outside (training snapshots, for instance); returns true when it changed the explorer.
    var tick: (inout Explorer) -> Bool = { _ in false }

    /// Runs until `q`; returns the signal number if a signal (SIGINT, SIGTERM, SIGHUP) ended it.
    func run(_ explorer: inout Explorer) -> Int32? {
        var presenter = GridPresenter(capabilities: session.capabilities, directColor: session.directColor)
        var size = session.size
        explorer.resize(width: size.width, height: size.height)
        var grid = CellGrid(width: size.width, height: size.height)
        var dirty = true
        while !explorer.wantsQuit {
            if let signal = session.stopSignal { return signal }
            let now = session.size
            if now != size {
                size = now
                explorer.resize(width: size.width, height: size.height)
                grid.resize(width: size.width, height: size.height)
                presenter.invalidate()
                dirty = true
            }
            if dirty {
                explorer.render(into: &grid)
                presenter.present(grid)
                dirty = false
            }
            let code = session.readKey(timeoutMilliseconds: 200)
            if tick(&explorer) { dirty = true }
            guard let key = KeyDecoder.key(from: code) else { continue }
            if key != .resize { explorer.update(key) }
            dirty = true
        }
        return nil
    }
}
