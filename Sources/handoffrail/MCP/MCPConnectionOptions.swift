import ArgumentParser
import Logging

/// Where `handoffrail mcp` sends its calls and how much it logs.
///
/// `--server-url` and `--api-key` are the client commands' global options, resolved the same
/// way (flag > environment > `~/.handoffrail.toml` > default, ``CLISettings``); the output
/// options of the client commands (`--format`, `--quiet`, `--verbose`) have no meaning for a
/// protocol server, so `--log-level` takes their place.
struct MCPConnectionOptions: ParsableArguments {
    @OptionGroup var server: ServerConnectionOptions

    @Option(help: ArgumentHelp(
        "Log level on stderr: trace, debug, info, notice, warning, error or critical (default info).",
        valueName: "level"),
            transform: MCPConnectionOptions.level)
    var logLevel: Logger.Level = .info

    static func level(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("\"\(text)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        return level
    }
}
