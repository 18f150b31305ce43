import ArgumentParser

/// Where the server is and which key to send: the options shared by every client command
/// (through ``GlobalOptions``) and `handoffrail mcp`.
///
/// Each value is resolved flag > environment > configuration file > default (``CLISettings``).
///
/// ```sh
/// handoffrail packets list --server-url http://127.0.0.1:8080 --api-key "$KEY"
/// ```
struct ServerConnectionOptions: ParsableArguments {
    @Option(name: .customLong("server-url"), help: ArgumentHelp(
        "The server's root URL (default http://127.0.0.1:8080; HANDOFFRAIL_URL).", valueName: "url"))
    var serverURL: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp(
        "The API key, sent as X-API-Key (HANDOFFRAIL_API_KEY).", valueName: "key"))
    var apiKey: String?
}
