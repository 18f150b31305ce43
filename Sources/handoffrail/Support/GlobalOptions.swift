import ArgumentParser

/// The options every client command takes: where the server is and the key
/// (``ServerConnectionOptions``), and the output.
///
/// Each value is resolved flag > environment > configuration file > default
/// (``CLISettings``); `handoffrail config show` prints the result with its sources.
///
/// ```sh
/// handoffrail packets list --server-url http://127.0.0.1:8080 --format json
/// ```
struct GlobalOptions: ParsableArguments {
    @OptionGroup var connection: ServerConnectionOptions

    @Option(help: ArgumentHelp("Output format (default table; HANDOFFRAIL_FORMAT).", valueName: "format"))
    var format: OutputFormat?

    @Flag(name: .shortAndLong, help: "Print only identifiers (or nothing); no progress, no summaries.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "On errors, print the server's full answer.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be combined") }
    }
}
