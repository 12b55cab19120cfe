import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct AlexNet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alexnet",
        abstract: "Explore, train and quiz yourself on AlexNet, in the terminal.",
        subcommands: [
            ShapesCommand.self,
        ])
}
