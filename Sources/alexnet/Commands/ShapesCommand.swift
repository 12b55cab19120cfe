import AlexNetCore
import ArgumentParser

extension ShapeTable.Format: ExpressibleByArgument {}

struct ShapesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shapes",
        abstract: "Print every layer's output shape, formula, parameters, MACs and receptive field.",
        discussion: "Without --preset or --config: alexnet.")

    @OptionGroup var lang: LanguageOption

    @OptionGroup var network: NetworkOptions

    @Option(help: "table, markdown or json.")
    var format: ShapeTable.Format = .table

    func run() throws {
        let report = try CLIError.wrap { try network.spec().shapeReport() }
        print(ShapeTable.render(report, format: format, width: OutputCapabilities.columns,
                                ascii: !OutputCapabilities.unicode), terminator: "")
    }
}
