import HandoffRailServer
import HandoffRailService
import Testing

@Suite("Live-event settings of handoffrail serve")
struct EventStreamSettingsTests {
    @Test("defaults: ping every 30 s, 256 buffered items, replay 1000 events / 24 h, poll 1 s")
    func defaults() throws {
        let events = try ServeConfiguration.resolve(flags: .init(), environment: [:]).events
        #expect(events.heartbeatInterval == .seconds(30))
        #expect(events.bufferLimit == 256)
        #expect(events.replay == EventReplayPolicy(maximumEvents: 1000, maximumAge: 24 * 3600))
        #expect(events.pollInterval == .seconds(1))
    }

    @Test("HANDOFFRAIL_EVENTS_* override them")
    func environment() throws {
        let events = try ServeConfiguration.resolve(flags: .init(), environment: [
            "HANDOFFRAIL_EVENTS_PING_INTERVAL": "15s",
            "HANDOFFRAIL_EVENTS_BUFFER": "64",
            "HANDOFFRAIL_EVENTS_REPLAY_EVENTS": "200",
            "HANDOFFRAIL_EVENTS_REPLAY_WINDOW": "2h",
            "HANDOFFRAIL_EVENTS_POLL_INTERVAL": "250ms",
        ]).events
        #expect(events.heartbeatInterval == .seconds(15))
        #expect(events.bufferLimit == 64)
        #expect(events.replay == EventReplayPolicy(maximumEvents: 200, maximumAge: 7200))
        #expect(events.pollInterval == .milliseconds(250))
    }

    @Test("a value that does not parse names the variable", arguments: [
        ("HANDOFFRAIL_EVENTS_PING_INTERVAL", "soon"), ("HANDOFFRAIL_EVENTS_BUFFER", "0"), ("HANDOFFRAIL_EVENTS_REPLAY_WINDOW", "-1"),
    ])
    func invalid(name: String, value: String) {
        #expect {
            _ = try ServeConfiguration.resolve(flags: .init(), environment: [name: value])
        } throws: { error in
            (error as? ServeConfigurationError)?.description.contains(name) == true
        }
    }
}
