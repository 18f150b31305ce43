import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail`: the HandoffRail command line: `serve` runs the server; the other commands
/// are clients of a server (`--server-url`, `--api-key`, `--format`; see `config show`).
///
/// Exit codes: 0 ok, 1 the server refused (API error), 2 usage error, 3 the server could not
/// be reached. ArgumentParser reports usage errors with 64 (`EX_USAGE`); ``main()`` maps
/// them to 2 so scripts see one code per kind of failure.
@main
struct HandoffRailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoffrail",
        abstract: "HandoffRail: session continuity for multi-agent systems.",
        discussion: """
            Client commands take --server-url, --api-key, --format table|json, --quiet and --verbose \
            after the command name; each is resolved flag > environment (HANDOFFRAIL_URL, HANDOFFRAIL_API_KEY, \
            HANDOFFRAIL_FORMAT) > ~/.handoffrail.toml (or $HANDOFFRAIL_CONFIG) > default. \
            Exit codes: 0 ok, 1 API error, 2 usage error, 3 connection error.
            """,
        subcommands: [
            PacketsCommand.self, HooksCommand.self, KeysCommand.self, TenantsCommand.self,
            SchemasCommand.self, AuditCommand.self, EventsCommand.self,
            RulesCommand.self,
            ConfigCommand.self,
            MCPCommand.self,
            ServeCommand.self, OperationsCommand.self,
        ])

    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitStatus.usageError.rawValue)
        }
    }
}
