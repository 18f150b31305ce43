import AsyncHTTPClient
import Foundation
import HandoffRailModels
import HandoffRailServer
import Testing

@Suite("Slow SSE consumers")
struct SlowConsumerTests {
    @Test("a client that stops reading is dropped with a final error frame instead of buffering without bound")
    func slowConsumerIsDisconnected() async throws {
        var configuration = EventStreamConfiguration()
        configuration.bufferLimit = 4
        // Each event carries the packet summary: 256 KiB events fill the socket buffers fast.
        let bigSummary = String(repeating: "refund ", count: 256 * 1024 / 7)
        let total = 96
        try await EventsLiveServer.run(configuration: configuration) { server in
            try await server.withEventStream(readBody: false) { _, response in
                #expect(response.status.code == 200)
                // Not reading: AsyncHTTPClient stops reading the socket once its small buffer is full.
                for index in 1...total {
                    _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "\(index) \(bigSummary)"))
                    if server.events.bus.slowConsumerDisconnects > 0 { break }
                }
                try await waitUntil { server.events.bus.slowConsumerDisconnects > 0 }

                // Now read everything the server still sends: some events, then the error frame, then the end.
                let inbox = SSEInbox()
                try await inbox.read(response.body)
                var frames: [SSEFrame] = []
                while let frame = try await inbox.next() { frames.append(frame) }
                let last = try #require(frames.last)
                #expect(last.event == "error")
                #expect(last.json?["reason"] == "slow_consumer")
                #expect(last.json?["detail"]?.stringValue?.contains("Last-Event-ID") == true)
                let delivered = frames.filter { $0.event == "packet.created" }.count
                #expect(delivered < total)
            }
            #expect(server.events.bus.subscriberCount() == 0)
        }
    }

    private func waitUntil(timeout: Duration = .seconds(60), _ condition: @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw SSEInbox.TimedOut(description: "no slow-consumer disconnect within \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
