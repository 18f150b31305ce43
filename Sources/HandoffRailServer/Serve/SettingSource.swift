import Foundation
import HandoffRailModels
import Logging

/// Reads one setting from a flag or the environment and parses it, for ``ServeConfiguration``.
struct SettingSource {
    /// A raw value and where it came from (`--port`, `HANDOFFRAIL_PORT`), for error messages.
    struct Raw {
        var value: String
        var name: String
    }

    let flags: ServeConfiguration.Flags
    let environment: [String: String]

    /// The flag's value when given, else the variable's.
    func value(flag: String?, flagName: String = "", env: String) -> Raw? {
        if let flag { return Raw(value: flag, name: flagName.isEmpty ? "--\(Self.flagName(for: env))" : flagName) }
        return environment[env].map { Raw(value: $0, name: env) }
    }

    private static func flagName(for env: String) -> String {
        env.replacingPrefix("HANDOFFRAIL_", with: "").lowercased().replacingUnderscores()
    }

    func host(flag: String?, env: String) throws(ServeConfigurationError) -> String? {
        guard let raw = value(flag: flag, env: env) else { return nil }
        guard !raw.value.isEmpty, !raw.value.contains(where: \.isWhitespace) else {
            throw ServeConfigurationError("\(raw.name) must be a host name or IP address")
        }
        return raw.value
    }

    func port(flag: String?, env: String) throws(ServeConfigurationError) -> Int? {
        guard let raw = value(flag: flag, env: env) else { return nil }
        guard let port = Int(raw.value), (0...65_535).contains(port) else {
            throw ServeConfigurationError("\(raw.name) must be a port number between 0 and 65535")
        }
        return port
    }

    func logLevel(flag: String?, env: String) throws(ServeConfigurationError) -> Logger.Level? {
        guard let raw = value(flag: flag, env: env) else { return nil }
        guard let level = Logger.Level(rawValue: raw.value.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServeConfigurationError("\(raw.name) must be one of \(levels)")
        }
        return level
    }

    /// `PATH`, `sqlite:PATH` or `sqlite://PATH`; PostgreSQL URLs are refused for now.
    func database(flag: String?, env: String) throws(ServeConfigurationError) -> ServeConfiguration.Database? {
        guard let raw = value(flag: flag, env: env) else { return nil }
        let text = raw.value
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            throw ServeConfigurationError("\(raw.name): PostgreSQL is not supported yet; use an SQLite path (sqlite:PATH)")
        }
        var path = Substring(text)
        if path.hasPrefix("sqlite://") { path = path.dropFirst("sqlite://".count) } else if path.hasPrefix("sqlite:") { path = path.dropFirst("sqlite:".count) }
        guard !path.isEmpty else { throw ServeConfigurationError("\(raw.name) must name a database file (PATH or sqlite:PATH)") }
        if let scheme = path.firstRange(of: "://"), !path[..<scheme.lowerBound].contains("/") {
            throw ServeConfigurationError("\(raw.name): unsupported database URL scheme; use an SQLite path (sqlite:PATH)")
        }
        return .sqlite(path: String(path))
    }

    func positiveInt(env: String) throws(ServeConfigurationError) -> Int? {
        guard let text = environment[env] else { return nil }
        guard let number = Int(text.trimmed), number > 0 else { throw ServeConfigurationError("\(env) must be a positive integer") }
        return number
    }

    /// `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`/empty; absent is `false`.
    func flag(env: String) throws(ServeConfigurationError) -> Bool {
        guard let text = environment[env]?.trimmed.lowercased() else { return false }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off", "": return false
        default: throw ServeConfigurationError("\(env) must be 1 or 0")
        }
    }

    /// A JSON object of tier name → positive integer (`{"free":100,"pro":1000}`).
    func tierTable(env: String) throws(ServeConfigurationError) -> [Tier: Int]? {
        guard let text = environment[env] else { return nil }
        let message = "\(env) must be a JSON object of tier to requests per hour, like {\"free\":100,\"pro\":1000,\"business\":10000}"
        guard let json = try? JSONValue(parsing: text), case .object(let members) = json else { throw ServeConfigurationError(message) }
        var table: [Tier: Int] = [:]
        for (name, value) in members {
            let tier = Tier(rawValue: name)
            guard Tier.allCases.contains(tier) else { throw ServeConfigurationError("\(env): unknown tier \"\(name)\" (free, pro, business)") }
            guard case .integer(let limit) = value, limit > 0 else { throw ServeConfigurationError(message) }
            table[tier] = limit
        }
        return table
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }

    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }

    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
