import HandoffRailServer
import HandoffRailService
import Testing

@Suite("Dispatcher and sweeper settings")
struct BackgroundWorkSettingsTests {
    static func resolve(_ environment: [String: String]) throws -> ServeConfiguration {
        try ServeConfiguration.resolve(flags: .init(), environment: environment)
    }

    @Test("defaults: the standard retry schedule, 10 s timeout, TTL off, 30 s sweeps, 7 days of outbox")
    func defaults() throws {
        let configuration = try Self.resolve([:])
        #expect(configuration.webhooks == WebhookDispatcherConfiguration())
        #expect(configuration.webhooks.retrySchedule == .standard)
        #expect(configuration.webhooks.requestTimeout == 10)
        #expect(configuration.sweeper.defaultPacketTTL == nil)
        #expect(configuration.sweeper.tenantPacketTTL.isEmpty)
        #expect(configuration.sweeper.interval == 30)
        #expect(configuration.sweeper.outboxRetention == 7 * 86_400)
    }

    @Test("every variable is read")
    func variables() throws {
        let configuration = try Self.resolve([
            "HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE": "100ms, 1s,2m",
            "HANDOFFRAIL_WEBHOOK_TIMEOUT": "2.5",
            "HANDOFFRAIL_WEBHOOK_CONNECT_TIMEOUT": "500ms",
            "HANDOFFRAIL_WEBHOOK_POLL_INTERVAL": "50ms",
            "HANDOFFRAIL_WEBHOOK_BATCH_SIZE": "8",
            "HANDOFFRAIL_SWEEP_INTERVAL": "5s",
            "HANDOFFRAIL_PACKET_TTL": "7d",
            "HANDOFFRAIL_TENANT_PACKET_TTL": #"{"acme":"12h","archive":"off","batch":3600}"#,
            "HANDOFFRAIL_OUTBOX_RETENTION": "1d",
        ])
        #expect(configuration.webhooks == WebhookDispatcherConfiguration(
            retrySchedule: WebhookRetrySchedule(delays: [0.1, 1, 120]), requestTimeout: 2.5, connectTimeout: 0.5,
            pollInterval: 0.05, batchSize: 8))
        #expect(configuration.sweeper == ExpirySweeperConfiguration(
            interval: 5, defaultPacketTTL: 604_800, tenantPacketTTL: ["acme": 43_200, "archive": 0, "batch": 3_600],
            outboxRetention: 86_400))
        #expect(try Self.resolve(["HANDOFFRAIL_PACKET_TTL": "off"]).sweeper.defaultPacketTTL == nil)
    }

    @Test("bad values name the variable", arguments: [
        ("HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE", "1s,later"),
        ("HANDOFFRAIL_WEBHOOK_TIMEOUT", "0"),
        ("HANDOFFRAIL_WEBHOOK_POLL_INTERVAL", "fast"),
        ("HANDOFFRAIL_WEBHOOK_BATCH_SIZE", "0"),
        ("HANDOFFRAIL_SWEEP_INTERVAL", "-5"),
        ("HANDOFFRAIL_PACKET_TTL", "a week"),
        ("HANDOFFRAIL_TENANT_PACKET_TTL", #"{"acme":true}"#),
        ("HANDOFFRAIL_TENANT_PACKET_TTL", "[]"),
    ])
    func badValues(name: String, value: String) {
        #expect {
            _ = try Self.resolve([name: value])
        } throws: { error in
            (error as? ServeConfigurationError)?.description.contains(name) == true
        }
    }
}
