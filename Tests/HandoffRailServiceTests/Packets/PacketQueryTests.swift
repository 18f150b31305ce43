import Foundation
import HandoffRailModels
import HandoffRailService
import Testing

@Suite("Packet queries (service)")
struct PacketQueryTests {
    @Test("list filters, newest first, and cursor pages without gaps or duplicates")
    func listAndPaginate() async throws {
        let bench = try await PacketTestBench()
        var created: [Packet] = []
        for index in 0..<7 {
            created.append(try await bench.create(.sample(source: "s\(index % 2)", priority: index == 3 ? .high : .normal, tags: index.isMultiple(of: 2) ? ["a", "b"] : ["a"])))
        }
        guard case .ok(let all) = try await bench.service.listPackets(.init(), caller: bench.caller(.reader)) else { throw TestFailure("list") }
        #expect(all.packets.map(\.id) == created.reversed().map(\.id))
        guard case .ok(let tagged) = try await bench.service.listPackets(.init(tags: "a,b"), caller: bench.caller(.reader)) else { throw TestFailure("tags") }
        #expect(tagged.total == 4)
        guard case .ok(let high) = try await bench.service.listPackets(.init(priority: .high), caller: bench.caller(.reader)) else { throw TestFailure("priority") }
        #expect(high.packets.map(\.id) == [created[3].id])
        guard case .ok(let bySource) = try await bench.service.listPackets(.init(sourceAgent: "s1"), caller: bench.caller(.reader)) else { throw TestFailure("source") }
        #expect(bySource.total == 3)

        var seen: [UUID] = []
        var cursor: String?
        repeat {
            guard case .ok(let page) = try await bench.service.listPackets(.init(limit: 3, cursor: cursor), caller: bench.caller(.reader)) else { throw TestFailure("page") }
            seen += page.packets.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen == created.reversed().map(\.id))
    }

    @Test(
        "a bad cursor is 400 Invalid cursor; an unknown status is 422",
        arguments: [
            "garbage", "djE6MTox", "", "%%%",
            // v1:<Int64.max>:<uuid> — once a crash: the date overflowed back into microseconds.
            Data("v1:9223372036854775807:6f9619ff-8b86-d011-b42d-00c04fc964ff".utf8).base64EncodedString(),
            Data("v1:-1:6f9619ff-8b86-d011-b42d-00c04fc964ff".utf8).base64EncodedString(),
        ])
    func badCursor(cursor: String) async throws {
        let bench = try await PacketTestBench()
        let error = await ServiceError.thrown { _ = try await bench.service.listPackets(.init(cursor: cursor), caller: bench.caller(.reader)) }
        #expect(error?.statusCode == 400)
        #expect(error?.detail == "Invalid cursor")
        let status = await ServiceError.thrown { _ = try await bench.service.listPackets(.init(status: "created,bogus"), caller: bench.caller(.reader)) }
        #expect(status?.statusCode == 422)
    }

    @Test("search: stemming, follows summary edits, finds expired packets, honours status")
    func search() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create(.sample(summary: "Deploying the billing service"))
        guard case .ok(let found) = try await bench.service.searchPackets(.init(q: "deploy"), caller: bench.caller(.reader)) else { throw TestFailure("search") }
        #expect(found.packets.map(\.id) == [packet.id])
        _ = try await bench.update(packet.id, PacketUpdate(context: PacketContext(summary: "Refund processing")))
        guard case .ok(let afterEdit) = try await bench.service.searchPackets(.init(q: "refunds"), caller: bench.caller(.reader)) else { throw TestFailure("search") }
        #expect(afterEdit.packets.map(\.id) == [packet.id])
        _ = try await bench.service.deletePacket(.init(packetId: packet.id), caller: bench.caller())
        guard case .ok(let expired) = try await bench.service.searchPackets(.init(q: "refund", status: "expired"), caller: bench.caller(.reader)) else { throw TestFailure("search") }
        #expect(expired.packets.map(\.id) == [packet.id])
        guard case .ok(let none) = try await bench.service.searchPackets(.init(q: "refund", status: "created"), caller: bench.caller(.reader)) else { throw TestFailure("search") }
        #expect(none.packets.isEmpty)
        let short = await ServiceError.thrown { _ = try await bench.service.searchPackets(.init(q: "r"), caller: bench.caller(.reader)) }
        #expect(short?.statusCode == 422)
    }

    @Test("audit lists the tenant's entries newest first, filtered by action and packet")
    func audit() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        _ = try await bench.claim(packet.id)
        guard case .ok(let audit) = try await bench.service.listAuditEntries(.init(), caller: bench.caller(.reader)) else { throw TestFailure("audit") }
        #expect(audit.entries.map(\.action) == ["claimed", "created"])
        #expect(audit.entries.allSatisfy { $0.resource == "packet" })
        guard case .ok(let claims) = try await bench.service.listAuditEntries(.init(action: "claimed", packetId: packet.id), caller: bench.caller(.reader)) else { throw TestFailure("audit") }
        #expect(claims.total == 1)
        guard case .ok(let foreign) = try await bench.service.listAuditEntries(.init(), caller: bench.caller(.reader, tenantID: "other")) else { throw TestFailure("audit") }
        #expect(foreign.total == 0)
    }
}
