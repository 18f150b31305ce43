import Foundation

/// The client settings after precedence: flag > environment > configuration file > default.
///
/// ```swift
/// let settings = try CLISettings.resolve(options: global, environment: ProcessInfo.processInfo.environment)
/// settings.serverURL.source   // .environment("HANDOFFRAIL_URL")
/// ```
struct CLISettings: Sendable {
    /// The default server: what `handoffrail serve` listens on.
    static let defaultServerURL = "http://127.0.0.1:8080"

    /// The server's root URL.
    var serverURL: Setting<String>
    /// The API key, if any source set one.
    var apiKey: Setting<String?>
    /// The output format.
    var format: Setting<OutputFormat>
    /// The configuration file that was consulted.
    var configFile: ConfigFile

    /// Resolves every setting; a value that does not parse (a format other than table/json,
    /// a URL without http(s)) is a usage error naming where it came from.
    static func resolve(options: GlobalOptions, environment: [String: String]) throws(CLIFailure) -> CLISettings {
        try resolve(connection: options.connection, format: options.format, environment: environment)
    }

    /// Resolves every setting from the connection options and the `--format` flag, if the
    /// command has one.
    static func resolve(connection: ServerConnectionOptions, format formatFlag: OutputFormat? = nil,
                        environment: [String: String]) throws(CLIFailure) -> CLISettings {
        let file = try ConfigFile.load(environment: environment)
        let serverURL = pick(flag: connection.serverURL, flagName: "--server-url", env: "HANDOFFRAIL_URL",
                             file: file.serverURL, environment: environment, configPath: file.path)
            ?? Setting(value: defaultServerURL, source: .defaultValue)
        try checkURL(serverURL)
        let apiKey = pick(flag: connection.apiKey, flagName: "--api-key", env: "HANDOFFRAIL_API_KEY",
                          file: file.apiKey, environment: environment, configPath: file.path)
        let formatText = pick(flag: formatFlag?.rawValue, flagName: "--format", env: "HANDOFFRAIL_FORMAT",
                              file: file.format, environment: environment, configPath: file.path)
        var format = Setting(value: OutputFormat.table, source: .defaultValue)
        if let formatText {
            guard let value = OutputFormat(rawValue: formatText.value) else {
                throw .usage("format \"\(formatText.value)\" from \(formatText.source) must be table or json")
            }
            format = Setting(value: value, source: formatText.source)
        }
        return CLISettings(
            serverURL: serverURL,
            apiKey: Setting(value: apiKey?.value, source: apiKey?.source ?? .defaultValue),
            format: format,
            configFile: file)
    }

    /// The first non-empty value of flag, environment variable and file, with its source.
    static func pick(flag: String?, flagName: String, env: String, file: String? = nil,
                     environment: [String: String], configPath: String = "") -> Setting<String>? {
        if let flag, !flag.isEmpty { return Setting(value: flag, source: .flag(flagName)) }
        if let value = environment[env], !value.isEmpty { return Setting(value: value, source: .environment(env)) }
        if let file, !file.isEmpty { return Setting(value: file, source: .configFile(configPath)) }
        return nil
    }

    private static func checkURL(_ setting: Setting<String>) throws(CLIFailure) {
        guard let components = URLComponents(string: setting.value),
              let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
              components.host?.isEmpty == false
        else {
            throw .usage("server URL \"\(setting.value)\" from \(setting.source) must be an http(s) URL with a host")
        }
    }

    /// The server URL as a `URL` (checked in ``resolve(options:environment:)``).
    var baseURL: URL { URL(string: serverURL.value)! }
}
