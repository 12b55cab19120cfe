import ArgumentParser
import Foundation
import Localization

@main
struct AlexNet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alexnet",
        abstract: "Explore, train and quiz yourself on AlexNet, in the terminal.",
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

    static func main() async {
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
