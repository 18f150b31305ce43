import ArgumentParser

/// `handoffrail config`: the client configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the client configuration.",
        discussion: """
            Settings come from flags, then the environment (HANDOFFRAIL_URL, HANDOFFRAIL_API_KEY, \
            HANDOFFRAIL_FORMAT), then ~/.handoffrail.toml (HANDOFFRAIL_CONFIG names another file), \
            then defaults. The file holds top-level keys server_url, api_key and format.
            """,
        subcommands: [ConfigShowCommand.self])
}
