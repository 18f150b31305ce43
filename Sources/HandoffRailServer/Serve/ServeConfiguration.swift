import HandoffRailModels
import HandoffRailService
import Logging

/// What `handoffrail serve` runs with, resolved flag > environment > default.
///
/// Environment (the reference's names where it has them): `HANDOFFRAIL_HOST`,
/// `HANDOFFRAIL_PORT`, `HANDOFFRAIL_DATABASE`, `HANDOFFRAIL_LOG_LEVEL`,
/// `HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY`, `HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS=1`,
/// `HR_RATE_LIMIT_PER_MINUTE` (per key, every tier), `HR_RATE_LIMIT_TIERS`
/// (`{"free":100,"pro":1000,"business":10000}`, per tenant and hour), `HR_DISABLE_DAILY_LIMIT=1`.
/// Webhook delivery: `HANDOFFRAIL_WEBHOOK_*` (``WebhookDispatcherSettings``); expiry sweeper:
/// `HANDOFFRAIL_SWEEP_INTERVAL`, `HANDOFFRAIL_PACKET_TTL`, `HANDOFFRAIL_TENANT_PACKET_TTL`,
/// `HANDOFFRAIL_OUTBOX_RETENTION` (``ExpirySweeperSettings``); live events:
/// `HANDOFFRAIL_EVENTS_*` (``EventStreamSettings``).
///
/// ```swift
/// let configuration = try ServeConfiguration.resolve(
///     flags: .init(port: "9000"), environment: ProcessInfo.processInfo.environment)
/// ```
public struct ServeConfiguration: Sendable, Equatable {
    /// Where the data lives.
    public enum Database: Sendable, Equatable {
        /// An SQLite file (created and migrated on start).
        case sqlite(path: String)
    }

    /// Values given on the command line; `nil` when the flag was not given.
    public struct Flags: Sendable, Equatable {
        public var host: String?
        public var port: String?
        public var database: String?
        public var logLevel: String?

        public init(host: String? = nil, port: String? = nil, database: String? = nil, logLevel: String? = nil) {
            self.host = host
            self.port = port
            self.database = database
            self.logLevel = logLevel
        }
    }

    public var host: String
    public var port: Int
    public var database: Database
    public var logLevel: Logger.Level
    /// `HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY`: the admin key created on an empty database.
    public var bootstrapAdminKey: String?
    /// Tier limits, daily limit, private webhook targets.
    public var service: ServiceConfiguration
    /// The webhook dispatcher: retry schedule, timeouts, polling.
    public var webhooks = WebhookDispatcherConfiguration()
    /// The expiry sweeper: interval, packet TTLs, outbox retention.
    public var sweeper = ExpirySweeperConfiguration()
    /// Live events (`/events`, `/ws`): ping interval, buffer, replay window.
    public var events = EventStreamConfiguration()

    /// The HTTP server's part.
    public var server: HandoffRailServerConfiguration {
        HandoffRailServerConfiguration(host: host, port: port, tierLimits: service.tierLimits)
    }

    /// Resolves every setting from `flags`, then `environment`, then the default; a value
    /// that does not parse is a ``ServeConfigurationError`` naming the setting.
    public static func resolve(flags: Flags, environment: [String: String]) throws(ServeConfigurationError) -> ServeConfiguration {
        let settings = SettingSource(flags: flags, environment: environment)
        var service = ServiceConfiguration()
        if let table = environment[TierLimitsSetting.environmentName] {
            try TierLimitsSetting.apply(table, to: &service.tierLimits)
        }
        if let perMinute = try settings.positiveInt(env: "HR_RATE_LIMIT_PER_MINUTE") {
            for tier in service.tierLimits.keys { service.tierLimits[tier]?.requestsPerMinutePerKey = perMinute }
        }
        if let hourly = try settings.tierTable(env: "HR_RATE_LIMIT_TIERS") {
            for (tier, limit) in hourly { service.tierLimits[tier]?.requestsPerHour = limit }
        }
        service.dailyLimitDisabled = try settings.flag(env: "HR_DISABLE_DAILY_LIMIT")
        service.allowPrivateWebhookTargets = try settings.flag(env: "HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS")

        let host = try settings.host(flag: flags.host, env: "HANDOFFRAIL_HOST") ?? "127.0.0.1"
        var configuration = ServeConfiguration(
            host: host,
            port: try settings.port(flag: flags.port, env: "HANDOFFRAIL_PORT") ?? 8080,
            database: try settings.database(flag: flags.database, env: "HANDOFFRAIL_DATABASE") ?? .sqlite(path: "handoffrail.sqlite"),
            logLevel: try settings.logLevel(flag: flags.logLevel, env: "HANDOFFRAIL_LOG_LEVEL") ?? .info,
            bootstrapAdminKey: environment["HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY"].flatMap { $0.isEmpty ? nil : $0 },
            service: service)
        configuration.webhooks = try WebhookDispatcherSettings.resolve(environment: environment)
        configuration.sweeper = try ExpirySweeperSettings.resolve(environment: environment)
        configuration.events = try EventStreamSettings.resolve(environment: environment)
        return configuration
    }
}

/// A setting that cannot be used; the message names the flag or variable and what it accepts
/// (never the value of a secret).
public struct ServeConfigurationError: Error, CustomStringConvertible, Equatable {
    public var description: String

    init(_ description: String) { self.description = description }
}
