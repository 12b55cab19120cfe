import AlexNetCore
@testable import alexnet
@testable import AppRuntime
import ExplorerUI
import Foundation
import Testing

/// The runtime loop driven by scripted messages, no terminal: a key is applied before the engine runs (the
/// loop used to run the engine's tick first, so a request waited for the next turn and cost a stale frame),
/// engine posts are carried out when they come, and every change is drawn.
@Suite struct ScreenLoopTests {
    /// A view that records what happened to it, in order.
    struct RecordingView: InteractiveView {
        var log: [String] = []
        var wantsQuit = false
        var asked = false
        mutating func update(_ key: Key) {
            if key == "q" { wantsQuit = true }
            if case .character(let c) = key { log.append("key \(c)") }
            asked = true   // every key asks the engine for something
        }
        func render(into grid: inout CellGrid) { grid.write(log.last ?? "", x: 0, y: 0) }
        mutating func resize(width: Int, height: Int) { log.append("size \(width)×\(height)") }
    }

    struct ScriptedInput: LoopInput {
        var messages: [LoopMessage]
        var stopSignal: Int32? { nil }
        var size = (width: 40, height: 10)
        mutating func next(timeoutMilliseconds: Int32) -> LoopMessage? {
            guard !messages.isEmpty else { return nil }
            let m = messages.removeFirst()
            if case .resized(let w, let h) = m { size = (w, h) }
            return m
        }
    }

    struct Frames: LoopOutput {
        var frames: [String] = []
        var invalidations = 0
        mutating func present(_ grid: CellGrid) { frames.append(grid.line(0).trimmingCharacters(in: .whitespaces)) }
        mutating func invalidate() { invalidations += 1 }
    }

    @Test func aKeyIsAppliedBeforeTheEngineRunsAndItsFrameFollows() {
        var view = RecordingView()
        var input = ScriptedInput(messages: [.key("5"), .tick, .engine, .resized(width: 50, height: 12), .key("q")])
        var output = Frames()
        let signal = ScreenLoop.run(&view, input: &input, output: &output) { view in
            // The engine carries out what the view asked for, in the same turn as the key.
            guard view.asked else { view.log.append("engine idle"); return false }
            view.asked = false
            view.log.append("engine served")
            return true
        }
        #expect(signal == nil)
        #expect(view.log == ["size 40×10", "engine idle", "key 5", "engine served", "engine idle", "engine idle",
                             "size 50×12", "engine idle", "key q", "engine served"])
        // First frame, the key's frame (already served), the resize's; the idle tick and post draw nothing.
        #expect(output.frames == ["engine idle", "engine served", "engine idle"])
        #expect(output.invalidations == 1)
    }

    @Test func anEnginePostThatChangesTheViewIsDrawn() {
        var view = RecordingView()
        var input = ScriptedInput(messages: [.engine, .engine])
        var output = Frames()
        var posts = 0
        _ = ScreenLoop.run(&view, input: &input, output: &output) { view in
            posts += 1
            view.log.append("snapshot \(posts)")
            return posts > 1
        }
        #expect(output.frames == ["snapshot 1", "snapshot 2", "snapshot 3"])
    }

    @Test func aPostWakesTheWait() throws {
        let wakeup = EngineWakeup()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { wakeup.post() }
        var fds = [pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0)]
        let started = ContinuousClock.now
        #expect(poll(&fds, 1, 10_000) == 1)
        #expect(ContinuousClock.now - started < .seconds(5))
        wakeup.drain()
        #expect(poll(&fds, 1, 0) == 0)
    }

    /// The real explorer and its runtime through the loop, no terminal: a key asks for the weights, the job that
    /// makes them wakes the loop through the pipe, and the frame after that wake shows the forward pass.
    @Test func theExplorerAndItsRuntimeRunInTheLoopWithoutATerminal() throws {
        enum Step { case send(LoopMessage), waitForEngine }
        struct WakeableInput: LoopInput {
            var script: [Step]
            let wakeup: EngineWakeup
            var stopSignal: Int32? { nil }
            var size: (width: Int, height: Int) { (80, 24) }
            mutating func next(timeoutMilliseconds: Int32) -> LoopMessage? {
                guard !script.isEmpty else { return nil }
                switch script.removeFirst() {
                case .send(let message): return message
                case .waitForEngine:
                    var fds = [pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0)]
                    _ = poll(&fds, 1, 60_000)
                    wakeup.drain()
                    return .engine
                }
            }
        }
        struct Screens: LoopOutput {
            var frames: [String] = []
            mutating func present(_ grid: CellGrid) { frames.append(grid.text) }
            mutating func invalidate() {}
        }
        let wakeup = EngineWakeup()
        let runtime = try ExplorerRuntime(spec: Preset.mini.spec, preset: .mini, weights: nil, untrained: true, imagePath: nil,
                                          dataDirectory: "/nonexistent", trainLimit: nil,
                                          memory: MemoryBudget(batch: 1, training: false), wake: wakeup.poster)
        defer { runtime.stop() }
        var explorer = Explorer(model: try runtime.model(), capabilities: .standard)
        var input = WakeableInput(script: [.send(.key("4")), .waitForEngine, .send(.key("q"))], wakeup: wakeup)
        var output = Screens()
        _ = ScreenLoop.run(&explorer, input: &input, output: &output, engine: runtime.tick)
        #expect(explorer.model.features?.weights == "untrained")
        #expect(output.frames.count == 3)
        #expect(output.frames[1].contains("making mini's weights"))
        #expect(output.frames[2].contains("Prediction (untrained)"))
    }
}
