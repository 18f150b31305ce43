import Foundation
import HandoffRailModels
import HandoffRailService

/// Reads the expiry sweeper's settings from the environment, for ``ServeConfiguration``.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `HANDOFFRAIL_SWEEP_INTERVAL` | `30s` | time between sweeps |
/// | `HANDOFFRAIL_PACKET_TTL` | `off` | age after which non-terminal packets expire |
/// | `HANDOFFRAIL_TENANT_PACKET_TTL` | `{}` | per-tenant TTLs, `{"acme":"1d","archive":"off"}` |
/// | `HANDOFFRAIL_OUTBOX_RETENTION` | `7d` | live-event outbox rows kept this long |
///
/// Durations are seconds (`"3600"`) or a number with `ms`, `s`, `m`, `h`, `d`; `off` (or `0`)
/// disables a TTL.
enum ExpirySweeperSettings {
    static func resolve(environment: [String: String]) throws(ServeConfigurationError) -> ExpirySweeperConfiguration {
        var configuration = ExpirySweeperConfiguration()
        if let interval = try WebhookDispatcherSettings.duration("HANDOFFRAIL_SWEEP_INTERVAL", in: environment, positive: true) {
            configuration.interval = interval
        }
        if let text = environment["HANDOFFRAIL_PACKET_TTL"] {
            let ttl = try ttl(text, name: "HANDOFFRAIL_PACKET_TTL")
            configuration.defaultPacketTTL = ttl > 0 ? ttl : nil
        }
        if let text = environment["HANDOFFRAIL_TENANT_PACKET_TTL"] {
            configuration.tenantPacketTTL = try tenantTable(text)
        }
        if let retention = try WebhookDispatcherSettings.duration("HANDOFFRAIL_OUTBOX_RETENTION", in: environment, positive: true) {
            configuration.outboxRetention = retention
        }
        return configuration
    }

    /// A TTL in seconds; 0 for `off`.
    private static func ttl(_ text: String, name: String) throws(ServeConfigurationError) -> TimeInterval {
        if ["off", "none", "never"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) { return 0 }
        guard let seconds = try? DurationText.seconds(text) else {
            throw ServeConfigurationError("\(name) must be a duration (seconds, or a number with ms, s, m, h or d) or off")
        }
        return seconds
    }

    /// `{"tenant": "1d" | 86400 | "off"}` → tenant → seconds (0: never).
    private static func tenantTable(_ text: String) throws(ServeConfigurationError) -> [String: TimeInterval] {
        let name = "HANDOFFRAIL_TENANT_PACKET_TTL"
        let message = "\(name) must be a JSON object of tenant id to TTL, like {\"acme\":\"1d\",\"archive\":\"off\"}"
        guard let json = try? JSONValue(parsing: text), case .object(let members) = json else { throw ServeConfigurationError(message) }
        var table: [String: TimeInterval] = [:]
        for (tenant, value) in members {
            switch value {
            case .string(let duration): table[tenant] = try ttl(duration, name: "\(name) (\(tenant))")
            case .integer(let seconds) where seconds >= 0: table[tenant] = TimeInterval(seconds)
            case .number(let seconds) where seconds >= 0 && seconds.isFinite: table[tenant] = seconds
            default: throw ServeConfigurationError(message)
            }
        }
        return table
    }
}
