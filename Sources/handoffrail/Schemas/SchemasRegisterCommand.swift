import ArgumentParser
import HandoffRailModels

/// `handoffrail schemas register --name … --file schema.json`: register a draft-07 JSON Schema;
/// packets naming its id in `schema_id` have `context.custom` validated against it.
struct SchemasRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a JSON Schema (JSON or YAML file, - for stdin).")

    @Option(help: "The schema's name.")
    var name: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON Schema document (JSON or YAML); - reads stdin.", valueName: "path"))
    var file: String

    @Option(help: "The schema's version (default 1).")
    var version: Int?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            var create = SchemaCreate(name: name, jsonSchema: try DocumentReader.readObject(file))
            if let version { create.version = version }
            let schema = try await context.client.createSchema(create)
            try context.output.emit(schema, ids: [schema.id]) { SchemaRendering.schemas([schema], output: context.output) }
        }
    }
}
