#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HandoffRailModels
import HandoffRailWebhooks
import Testing

/// At-least-once delivery across a crash: the `handoffrail serve` process is killed with
/// SIGKILL while deliveries are pending and in flight, restarted on the same database, and
/// the receiver must end up with every delivery id (duplicates allowed, none missing).
@Suite("Webhooks survive kill -9", .serialized)
struct WebhookCrashRecoveryTests {
    static let secret = "whsec-crash-test-0123456789"
    static let packetCount = 12

    /// Fast polling, many short retries (nothing dead-letters during the test), a 2 s request
    /// timeout (so leases of the killed process run out 9 s later).
    static let environment = [
        "HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS": "1",
        "HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE": Array(repeating: "500ms", count: 40).joined(separator: ","),
        "HANDOFFRAIL_WEBHOOK_TIMEOUT": "2s",
        "HANDOFFRAIL_WEBHOOK_POLL_INTERVAL": "100ms",
    ]

    @Test("SIGKILL with deliveries pending, restart: every delivery id arrives")
    func killAndRestart() async throws {
        let directory = try TemporaryDirectory(prefix: "handoffrail-crash")
        defer { directory.remove() }
        let database = directory.path("handoffrail.sqlite")
        let receiver = CrashTestReceiver()

        try await receiver.run { url in
            let first = try await HandoffRailServerProcess.start(
                databasePath: database, logPath: directory.path("first.log"), environment: Self.environment)
            let api = AdminAPI(baseURL: first.baseURL, adminKey: first.adminKey)
            let hook = try await api.require(201, "POST", "hooks", body: [
                "url": .string(url), "events": ["packet.created"], "secret": .string(Self.secret),
            ])
            let hookID = try #require(hook["id"]?.stringValue)
            var packetIDs: Set<String> = []
            for index in 0..<Self.packetCount {
                let packet = try await api.require(201, "POST", "packets", body: Self.packet(index))
                packetIDs.insert(try #require(packet["id"]?.stringValue))
            }
            // Kill while the receiver is busy failing slowly: some attempts are in flight, all are pending.
            let sawTraffic = await Self.wait(timeout: 60) { !receiver.requests.isEmpty }
            #expect(sawTraffic)
            await first.kill()
            #expect(receiver.deliveredIDs.isEmpty)

            receiver.healthy = true
            let second = try await HandoffRailServerProcess.start(
                databasePath: database, logPath: directory.path("second.log"), adminKey: first.adminKey, environment: Self.environment)
            let restarted = AdminAPI(baseURL: second.baseURL, adminKey: second.adminKey)
            do {
                // The deliveries committed with the packets, read back after the crash.
                let listed = try await restarted.require(200, "GET", "hooks/\(hookID)/deliveries?limit=200")
                let deliveries = try #require(listed.arrayValue)
                #expect(deliveries.count == Self.packetCount)
                #expect(Set(deliveries.compactMap { $0["packet_id"]?.stringValue }) == packetIDs)
                let expected = Set(deliveries.compactMap { $0["id"]?.stringValue })
                #expect(expected.count == Self.packetCount)

                let complete = await Self.wait(timeout: 180) { receiver.deliveredIDs.isSuperset(of: expected) }
                #expect(complete, "missing: \(expected.subtracting(receiver.deliveredIDs))")
                #expect(receiver.deliveredIDs == expected)
                for request in receiver.requests {
                    try Webhook.verify(body: request.body, headers: request.headers, secret: Self.secret)
                }
                let settled = await Self.waitAsync(timeout: 60) {
                    let rows = try? await restarted.require(200, "GET", "hooks/\(hookID)/deliveries?limit=200").arrayValue
                    return rows?.allSatisfy { $0["status"]?.stringValue == "delivered" } == true
                }
                #expect(settled)
            } catch {
                await second.stop()
                throw error
            }
            await second.stop()
        }
    }

    static func packet(_ index: Int) -> JSONValue {
        [
            "metadata": [
                "source_agent": ["id": "triage-01", "name": "Triage"],
                "target_agent": ["id": "billing-01", "name": "Billing"],
            ],
            "context": ["summary": .string("Crash test packet \(index)")],
        ]
    }

    static func wait(timeout seconds: Double, until condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    static func waitAsync(timeout seconds: Double, until condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return await condition()
    }
}
