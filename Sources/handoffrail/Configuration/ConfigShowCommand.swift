import ArgumentParser
import HandoffRailModels

/// `handoffrail config show`: each setting's value and where it came from, the key masked.
///
/// ```sh
/// $ HANDOFFRAIL_API_KEY=hr_0123456789abcdef handoffrail config show
/// SETTING      VALUE                              SOURCE
/// server_url   http://127.0.0.1:8080              default
/// api_key      hr_01234********                   environment HANDOFFRAIL_API_KEY
/// format       table                              default
/// config_file  /home/me/.handoffrail.toml         not found
/// ```
struct ConfigShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show each setting, its value and its source (the API key masked).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let settings = context.settings
            let maskedKey = settings.apiKey.value.map(Self.mask)
            if context.output.quiet { return }
            switch context.output.format {
            case .json:
                let json: JSONValue = [
                    "server_url": Self.entry(.string(settings.serverURL.value), settings.serverURL.source),
                    "api_key": Self.entry(maskedKey.map(JSONValue.string) ?? .null, settings.apiKey.source),
                    "format": Self.entry(.string(settings.format.value.rawValue), settings.format.source),
                    "config_file": ["path": .string(settings.configFile.path), "exists": .bool(settings.configFile.exists)],
                ]
                context.output.write(PrettyJSON.render(json))
            case .table:
                var table = Table(columns: ["SETTING", "VALUE", "SOURCE"])
                table.append(["server_url", settings.serverURL.value, settings.serverURL.source.description])
                table.append(["api_key", maskedKey ?? "(none)", settings.apiKey.source.description])
                table.append(["format", settings.format.value.rawValue, settings.format.source.description])
                table.append(["config_file", settings.configFile.path, settings.configFile.exists ? "found" : "not found"])
                context.output.write(context.output.render(table))
            }
        }
    }

    /// The key's first 8 characters (its `key_prefix`, which `keys list` shows too), then stars.
    static func mask(_ key: String) -> String {
        key.count <= 8 ? String(repeating: "*", count: key.count) : String(key.prefix(8)) + "********"
    }

    private static func entry(_ value: JSONValue, _ source: SettingSource) -> JSONValue {
        var entry: [String: JSONValue] = ["value": value, "source": .string(source.kind)]
        switch source {
        case .flag(let name), .environment(let name): entry["name"] = .string(name)
        case .configFile(let path): entry["path"] = .string(path)
        case .defaultValue: break
        }
        return .object(entry)
    }
}
