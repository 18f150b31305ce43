/// Where a setting's value came from, as `config show` reports it.
enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    /// A command-line flag, e.g. `--server-url`.
    case flag(String)
    /// An environment variable, e.g. `HANDOFFRAIL_URL`.
    case environment(String)
    /// The configuration file at this path.
    case configFile(String)
    /// Nothing set it.
    case defaultValue

    var description: String {
        switch self {
        case .flag(let name): "flag \(name)"
        case .environment(let name): "environment \(name)"
        case .configFile(let path): "config file \(path)"
        case .defaultValue: "default"
        }
    }

    /// A short machine-readable name for JSON output: `flag`, `environment`, `file`, `default`.
    var kind: String {
        switch self {
        case .flag: "flag"
        case .environment: "environment"
        case .configFile: "file"
        case .defaultValue: "default"
        }
    }
}

/// A setting's value with its source.
struct Setting<Value: Sendable>: Sendable {
    var value: Value
    var source: SettingSource
}
