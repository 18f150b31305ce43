import ArgumentParser

/// `handoffrail schemas list`.
struct SchemasListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered schemas.")

    @Option(help: "Schemas per page.")
    var limit: Int?

    @Option(help: "Schemas to skip.")
    var offset: Int?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let page = try await context.client.listSchemas(limit: limit, offset: offset)
            try context.output.emit(page, ids: page.schemas.map(\.id)) {
                SchemaRendering.schemas(page.schemas, output: context.output) + "\n\(page.schemas.count) of \(page.total) schemas"
            }
        }
    }
}
