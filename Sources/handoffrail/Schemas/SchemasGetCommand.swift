import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail schemas get ID`: one schema; the table shows the document indented.
struct SchemasGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one registered schema.")

    @Argument(help: "The schema's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let schema = try await context.client.getSchema(schemaId: id)
            try context.output.emit(schema, ids: [schema.id]) {
                "\(schema.name) v\(schema.version)  \(schema.id.lowercasedString)  \(CellText.date(schema.createdAt))\n"
                    + PrettyJSON.render(.object(schema.jsonSchema))
            }
        }
    }
}
