import AppRuntime
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
        abstract: "Open the full-screen explorer: layer walk, what-if shapes, filters, feature maps, training, ReLU vs tanh.",
        discussion: """
            Keys: 1–6 or Tab switch screens, ←/→ step through layers, ? shows every key, q quits.

            The Training and ReLU-vs-tanh screens train on Fashion-MNIST in the background (Space starts and \
            pauses; on Training, s saves a checkpoint to alexnet-<network>.safetensors and r resets to the \
            initial weights). While the explored network trains, the Filters and Features screens follow its \
            weights live. Networks that cannot read Fashion-MNIST (alexnet) train mini instead, and the screens \
            say so. Nothing is saved unless asked.

            Without --preset or --config: alexnet.
            """)

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions
    @Option(help: "Weights (safetensors: a checkpoint from `train --save`, or torchvision-style names) for the filters and feature maps.")
    var weights: String?
    @Flag(help: "Show the untrained initialisation even where trained weights ship (mini).") var untrained = false
    @Option(help: "An image (JPEG, PNG, PGM or PPM) to show the feature maps of.") var image: String?
    @Option(help: ArgumentHelp("Fashion-MNIST's IDX files, CIFAR-10's binary files, or a folder of class subfolders (the features screen shows its validation images).", valueName: "dir"))
    var data: String = FashionMNIST.defaultDirectory
    /// For tests: train on the first N images only.
    @Option(name: .customLong("train-limit"), help: .hidden) var trainLimit: Int?

    func run() throws {
        let (spec, preset) = try CLIError.wrap { () throws -> (NetworkSpec, Preset?) in
            let (spec, preset) = try network.chosen(default: .alexnet, data: DataSource(directory: data))
            // Weights trained on a folder end in its classes: the explored network follows the file.
            return (try weights.map { try WeightsChoice.spec(spec, fittedTo: $0) } ?? spec, preset)
        }
        let wakeup = EngineWakeup()
        let (runtime, model) = try CLIError.wrap { () throws -> (ExplorerRuntime, AppModel) in
            let runtime = try ExplorerRuntime(spec: spec, preset: preset, weights: weights, untrained: untrained,
                                              imagePath: image, dataDirectory: data, trainLimit: trainLimit,
                                              memory: network.memory(), wake: wakeup.poster)
            return (runtime, try runtime.model())
        }
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
        var explorer = Explorer(model: model, capabilities: session.capabilities)
        let signal = ScreenLoop.run(&explorer, in: session, wakeup: wakeup, engine: runtime.tick)
        runtime.stop()
        if let signal {
            session.close()
            throw ExitCode(128 + signal)
        }
    }
}
