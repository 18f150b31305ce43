import ArgumentParser

/// `handoffrail schemas`: the tenant's JSON Schema registry for `context.custom`.
struct SchemasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas",
        abstract: "Register and inspect JSON Schemas for context.custom.",
        subcommands: [SchemasRegisterCommand.self, SchemasListCommand.self, SchemasGetCommand.self])
}
