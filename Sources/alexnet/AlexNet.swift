import ArgumentParser
import CPUFeatures
import Foundation
import Localization

@main
struct AlexNet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alexnet",
        abstract: "Explore, train and quiz yourself on AlexNet, in the terminal.",
        version: AlexNet.version,
        subcommands: [
            ExploreCommand.self,
            ShapesCommand.self,
            TrainCommand.self,
            BenchCommand.self,
            CompareCommand.self,
            FiltersCommand.self,
            FeaturesCommand.self,
            PredictCommand.self,
            NeuronCommand.self,
            LessonCommand.self,
            QuizCommand.self,
            DataCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self)

    /// What `alexnet --version` prints.
    static let version = "alexnet 1.0"

    static func main() async {
        // Before anything else runs code built for x86-64-v3: one line instead of "Illegal instruction".
        guard cpu_supports_x86_64_v3() != 0 else {
            CLIError.printError("error: this CPU lacks x86-64-v3 (AVX2, FMA), which alexnet is built for; "
                                + "see README.md, \"CPU\"")
            Foundation.exit(1)
        }
        if CommandLine.arguments.dropFirst().first == "--version" {
            print(version)
            return
        }
        StartupEnvironment.reexecIfNeeded()
        // Before anything is said: `--lang` on any command, else the locale variables.
        Language.setProcessLanguage(Language.resolve(arguments: Array(CommandLine.arguments.dropFirst()),
                                                     environment: ProcessInfo.processInfo.environment))
        // Past a file-size limit (ulimit -f) a write then fails with EFBIG, which every writer reports in one line,
        // instead of the signal killing the process mid-save.
        signal(SIGXFSZ, SIG_IGN)
        let commands = configuration.subcommands.map { $0._commandName }
        if let problem = UnknownCommand.problem(Array(CommandLine.arguments.dropFirst()), commands: commands,
                                                fileExists: { FileManager.default.fileExists(atPath: $0) }) {
            CLIError.printError(problem)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            HelpLayout.exit(Self.self, withError: error)
        }
    }
}
