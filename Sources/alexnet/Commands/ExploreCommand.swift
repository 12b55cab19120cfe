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
            The Training and ReLU-vs-tanh screens train the mini network on Fashion-MNIST in the background (Space
            starts and pauses; on Training, s saves a checkpoint to alexnet-<network>.safetensors). Nothing is saved
            unless asked.
            """)

    @OptionGroup var network: NetworkOptions
    @Option(help: "Weights (safetensors: a checkpoint from `train --save`, or torchvision-style names) for the filters and feature maps.")
    var weights: String?
    @Flag(help: "Show the untrained initialisation even where trained weights ship (mini).") var untrained = false
    @Option(help: "An image (JPEG, PNG, PGM or PPM) to show the feature maps of.") var image: String?
    @Option(help: "Directory with the Fashion-MNIST IDX files.") var data: String = FashionMNIST.defaultDirectory
    /// For tests: train on the first N images only.
    @Option(name: .customLong("train-limit"), help: .hidden) var trainLimit: Int?

    func run() throws {
        let spec = try CLIError.wrap { try network.spec(default: .alexnet) }
        let preset = network.config == nil ? Preset(rawValue: network.preset ?? Preset.alexnet.rawValue) : nil
        let (explored, provenance, features) = try CLIError.wrap { () throws -> (Network, WeightProvenance, FeatureInputs) in
            let initialization = Initialization.default(for: preset)
            let net = try Network(spec: spec, initialization: initialization, seed: 1, memory: network.memory())
            var provenance = WeightProvenance.untrained("\(initialization == .paper ? "Gaussian σ = 0.01" : "He normal"), seed 1")
            // mini ships trained weights (weights/mini.safetensors): show those unless told otherwise.
            let path = weights ?? (preset == .mini && !untrained ? ShippedWeights.mini() : nil)
            let loaded = try path.map { try WeightsFile.load($0, into: net) }
            if let loaded { provenance = loaded.provenance }
            let inputs = try FeatureInputs(network: net, imagePath: image, dataDirectory: data,
                                           normalization: loaded?.normalization)
            inputs.weightsLabel = path == nil ? "untrained" : "trained"  // the file is named on the Filters screen
            return (net, provenance, inputs)
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
        let report = explored.report
        let trainingSpec = TrainingWorkers.trainable(spec) ? spec : Preset.mini.spec
        let training = TrainingWorkers(spec: trainingSpec, dataDirectory: data, limit: trainLimit)
        var screens: [any Screen] = [
            LayerWalkScreen(report: report), WhatIfScreen(network: spec, report: report),
            FiltersScreen(filters: WeightsFile.filters(of: explored, provenance: provenance)),
            FeatureMapsScreen(features: features.featureSet()),
            TrainingScreen(description: training.trainingDescription),
            CompareScreen(description: training.compareDescription, target: training.target, activations: [.relu, .tanh]),
        ]
        if !training.dataAvailable {
            screens[4] = TrainingScreen(description: training.trainingDescription,
                                        snapshot: TrainingSnapshot(state: .failed(training.dataProblem ?? "no data")))
        }
        var explorer = Explorer(screens: screens, networkName: spec.name, capabilities: session.capabilities)
        let tick: (inout Explorer) -> Bool = { explorer in
            var changed = false
            if var screen = explorer.screens[3] as? FeatureMapsScreen {
                let requests = screen.takeRequests()
                for case .input(let step) in requests { features.move(by: step) }
                if !requests.isEmpty { screen.show(features.featureSet()); explorer.replaceScreen(at: 3, with: screen); changed = true }
            }
            if var screen = explorer.screens[4] as? TrainingScreen {
                let requests = screen.takeRequests()
                for r in requests { training.handle(r) }
                if let snapshot = training.trainingSnapshot() { screen.show(snapshot); changed = true }
                if changed || !requests.isEmpty { explorer.replaceScreen(at: 4, with: screen) }
            }
            if var screen = explorer.screens[5] as? CompareScreen {
                let requests = screen.takeRequests()
                for r in requests { training.handleCompare(r) }
                if let (summary, state) = training.compareSnapshot() {
                    screen.show(summary, state: state); changed = true
                }
                explorer.replaceScreen(at: 5, with: screen)
            }
            return changed
        }
        let signal = ScreenLoop(session: session).run(&explorer, tick: tick)
        training.stop()
        if let signal {
            session.close()
            throw ExitCode(128 + signal)
        }
    }
}
