import ArgumentParser

@main
struct AlexNet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alexnet",
        abstract: "Explore, train and quiz yourself on AlexNet, in the terminal.",
        subcommands: [ExploreCommand.self], defaultSubcommand: ExploreCommand.self)
}
