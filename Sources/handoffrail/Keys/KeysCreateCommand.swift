import ArgumentParser
import HandoffRailModels

/// `handoffrail keys create --name … --role …`: a new key; the plain key is printed once.
struct KeysCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API key (printed once; --quiet prints only the key).")

    @Option(help: "A name to recognise the key by.")
    var name: String

    @Option(help: ArgumentHelp("admin, writer, agent or reader (default admin, as the server).", valueName: "role"),
            transform: { try ArgumentParsing.knownCase($0, as: Role.self) })
    var role: Role?

    @Option(help: ArgumentHelp("The tenant (default: the caller's).", valueName: "tenant-id"))
    var tenant: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            var create = ApiKeyCreate(name: name, tenantId: tenant)
            if let role { create.role = role }
            let key = try await context.client.createApiKey(create)
            try KeyRendering.emitCreated(key, output: context.output)
        }
    }
}
