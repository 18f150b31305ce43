import Foundation
import HandoffRailService

/// Reads the live-event settings from the environment, for ``ServeConfiguration``.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `HANDOFFRAIL_EVENTS_PING_INTERVAL` | `30s` | SSE `event: ping` interval |
/// | `HANDOFFRAIL_EVENTS_BUFFER` | `256` | items a connection may fall behind before it is dropped |
/// | `HANDOFFRAIL_EVENTS_REPLAY_EVENTS` | `1000` | most events one `Last-Event-ID` replay sends |
/// | `HANDOFFRAIL_EVENTS_REPLAY_WINDOW` | `24h` | oldest event a replay sends |
/// | `HANDOFFRAIL_EVENTS_POLL_INTERVAL` | `1s` | outbox poll when no commit announced itself |
///
/// Durations are seconds (`"30"`) or a number with `ms`, `s`, `m`, `h`, `d`. The replay
/// window cannot reach further back than the sweeper's `HANDOFFRAIL_OUTBOX_RETENTION`.
enum EventStreamSettings {
    static func resolve(environment: [String: String]) throws(ServeConfigurationError) -> EventStreamConfiguration {
        var configuration = EventStreamConfiguration()
        let settings = SettingSource(flags: ServeConfiguration.Flags(), environment: environment)
        if let seconds = try WebhookDispatcherSettings.duration("HANDOFFRAIL_EVENTS_PING_INTERVAL", in: environment, positive: true) {
            configuration.heartbeatInterval = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        if let buffer = try settings.positiveInt(env: "HANDOFFRAIL_EVENTS_BUFFER") {
            configuration.bufferLimit = buffer
        }
        if let events = try settings.positiveInt(env: "HANDOFFRAIL_EVENTS_REPLAY_EVENTS") {
            configuration.replay.maximumEvents = events
        }
        if let window = try WebhookDispatcherSettings.duration("HANDOFFRAIL_EVENTS_REPLAY_WINDOW", in: environment, positive: true) {
            configuration.replay.maximumAge = window
        }
        if let seconds = try WebhookDispatcherSettings.duration("HANDOFFRAIL_EVENTS_POLL_INTERVAL", in: environment, positive: true) {
            configuration.pollInterval = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        return configuration
    }
}
