import ArgumentParser
import Logging

/// Where `handoffrail mcp` sends its calls and how much it logs.
///
/// `--server-url` and `--api-key` are the client commands' global options, resolved the same
/// way (flag > environment > `~/.handoffrail.toml` > default, ``CLISettings``); the output
/// options of the client commands (`--format`, `--quiet`, `--verbose`) have no meaning for a
/// protocol server, so `--log-level` takes their place.
struct MCPConnectionOptions: ParsableArguments {
    @Option(name: .customLong("server-url"), help: ArgumentHelp(
        "The server's root URL (default http://127.0.0.1:8080; HANDOFFRAIL_URL).", valueName: "url"))
    var serverURL: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp(
        "The API key, sent as X-API-Key (HANDOFFRAIL_API_KEY).", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp(
        "Log level on stderr: trace, debug, info, notice, warning, error or critical (default info).",
        valueName: "level"),
            transform: MCPConnectionOptions.level)
    var logLevel: Logger.Level = .info

    /// The client commands' options with these two values, for ``CLISettings/resolve(options:environment:)``.
    func globalOptions() throws -> GlobalOptions {
        var arguments: [String] = []
        if let serverURL { arguments += ["--server-url", serverURL] }
        if let apiKey { arguments += ["--api-key", apiKey] }
        return try GlobalOptions.parse(arguments)
    }

    static func level(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("\"\(text)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        return level
    }
}
